/** schema.org NewsArticle data for an article page, as JSON safe to put inside a <script> element. */
import type { Post } from "../../posts/post.ts";

/**
 * JSON-LD for `post`. `absolute` turns a site path into the URL readers use. The JSON is
 * escaped so that no text of the post can close the <script> element or start markup.
 */
export function articleJsonLd(post: Post, absolute: (path: string) => string, siteTitle: string): string {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: post.title,
    datePublished: post.dateIso,
    url: absolute(post.url),
    mainEntityOfPage: absolute(post.url),
    publisher: { "@type": "Organization", name: siteTitle },
  };
  if (post.updated) data.dateModified = post.updated.toISOString();
  if (post.summary ?? post.excerpt) data.description = post.summary ?? post.excerpt;
  if (post.author) data.author = { "@type": "Person", name: post.author };
  if (post.image) data.image = [absolute(post.image)];
  if (post.category) data.articleSection = post.category;
  if (post.tags.length > 0) data.keywords = post.tags.join(", ");
  return safeJson(data);
}

/** JSON that can sit inside an HTML <script> element: <, >, & and line separators escaped. */
function safeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
