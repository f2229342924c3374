/** The articles feature's filters: the article's structured data (its related lists are planned in build/build.ts). */
import type { FeatureContext } from "../../kernel/feature.ts";
import type { Post } from "../../posts/post.ts";
import { articleJsonLd } from "./structured-data.ts";

/** `articleJsonLd`: schema.org NewsArticle for an article page, its photo as `shareImage` makes it. */
export function registerArticles(options: { siteTitle: string }, shareImage: (src: string) => string, context: FeatureContext): void {
  context.eleventyConfig.addFilter("articleJsonLd", (post: Post) =>
    articleJsonLd(post.image ? { ...post, image: shareImage(post.image) } : post, context.absolute, options.siteTitle),
  );
}
