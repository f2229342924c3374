/**
 * Feeds and sitemap: Atom (`/feed.xml`), JSON Feed 1.1 (`/feed.json`) and `/sitemap.xml`.
 * Every date in them comes from the posts, never from the clock, so the same posts give
 * the same bytes. Text is escaped for XML; JSON is written by JSON.stringify.
 */
import { convertHtmlToAbsoluteUrls, dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import type { FeatureContext } from "../../kernel/feature.ts";
import type { NewsroomOptions } from "../../options/types.ts";
import type { Post } from "../../posts/post.ts";

export interface FeedSettings {
  title: string;
  description: string;
  language: string;
  /** Site path → absolute URL (path prefix and `site.url` applied). */
  absolute: (path: string) => string;
  feedUrls: { atom: string; json: string };
  /** The page the feed is about (its `link` and `id`): the home page, or a section's page. @default "/" */
  home?: string;
}

/** Escapes text for XML content and attribute values. */
function xmlEscape(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // Characters XML 1.0 forbids.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
  );
}

const lastChange = (post: Post) => post.updated ?? post.date;

/** The newest change among the posts: the feed's `updated`. */
function feedUpdated(posts: readonly Post[]): Date {
  let newest = new Date(0);
  for (const post of posts) if (lastChange(post) > newest) newest = lastChange(post);
  return newest;
}

/** The body with its links and images made absolute, as feed readers need. */
function absoluteContent(post: Post, settings: FeedSettings): Promise<string> {
  return convertHtmlToAbsoluteUrls(post.content, settings.absolute(post.url));
}

async function atomFeed(posts: readonly Post[], settings: FeedSettings): Promise<string> {
  const home = settings.absolute(settings.home ?? "/");
  const entries = await Promise.all(
    posts.map(async (post) => {
      const url = settings.absolute(post.url);
      const lines = [
        "  <entry>",
        `    <title>${xmlEscape(post.title)}</title>`,
        `    <link href="${xmlEscape(url)}"/>`,
        `    <id>${xmlEscape(url)}</id>`,
        `    <published>${dateToRfc3339(post.date)}</published>`,
        `    <updated>${dateToRfc3339(lastChange(post))}</updated>`,
      ];
      if (post.author) lines.push(`    <author><name>${xmlEscape(post.author)}</name></author>`);
      if (post.category) lines.push(`    <category term="${xmlEscape(post.category)}"/>`);
      for (const tag of post.tags) lines.push(`    <category term="${xmlEscape(tag)}"/>`);
      lines.push(`    <summary>${xmlEscape(post.excerpt)}</summary>`);
      lines.push(`    <content type="html">${xmlEscape(await absoluteContent(post, settings))}</content>`);
      lines.push("  </entry>");
      return lines.join("\n");
    }),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(settings.language)}">`,
    `  <title>${xmlEscape(settings.title)}</title>`,
    settings.description ? `  <subtitle>${xmlEscape(settings.description)}</subtitle>` : "",
    `  <link href="${xmlEscape(settings.absolute(settings.feedUrls.atom))}" rel="self"/>`,
    `  <link href="${xmlEscape(home)}"/>`,
    `  <updated>${dateToRfc3339(feedUpdated(posts))}</updated>`,
    `  <id>${xmlEscape(home)}</id>`,
    ...entries,
    "</feed>",
    "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

async function jsonFeed(posts: readonly Post[], settings: FeedSettings): Promise<string> {
  const items = await Promise.all(
    posts.map(async (post) => {
      const url = settings.absolute(post.url);
      return {
        id: url,
        url,
        title: post.title,
        content_html: await absoluteContent(post, settings),
        summary: post.excerpt,
        date_published: dateToRfc3339(post.date),
        date_modified: dateToRfc3339(lastChange(post)),
        ...(post.image ? { image: settings.absolute(post.image) } : {}),
        ...(post.author ? { authors: [{ name: post.author }] } : {}),
        ...(post.tags.length > 0 || post.category ? { tags: [...(post.category ? [post.category] : []), ...post.tags] } : {}),
      };
    }),
  );
  return `${JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: settings.title,
      ...(settings.description ? { description: settings.description } : {}),
      home_page_url: settings.absolute(settings.home ?? "/"),
      feed_url: settings.absolute(settings.feedUrls.json),
      language: settings.language,
      items,
    },
    null,
    2,
  )}\n`;
}

export interface SitemapEntry {
  path: string;
  lastmod?: Date | undefined;
}

function sitemap(entries: readonly SitemapEntry[], absolute: (path: string) => string): string {
  const urls = entries.map(
    (e) => `  <url><loc>${xmlEscape(absolute(e.path))}</loc>${e.lastmod ? `<lastmod>${dateToRfc3339(e.lastmod)}</lastmod>` : ""}</url>`,
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/** What the feed and sitemap templates read from the `newsroom` data. */
interface FeedData {
  newsroom: {
    posts: Post[];
    archives: { pages: { url: string; pageNumber: number }[] };
    topics: { pages: { url: string; pageNumber: number }[] };
    urls: { archiveIndex: string; sectionIndex: string; tagIndex: string };
  };
}

/** A section, as its feed needs it. */
interface SectionFeedData {
  section: { url: string; label: string; posts: Post[] };
}

/**
 * Registers `/feed.xml`, `/feed.json` and `/sitemap.xml` (option `feeds`) and, with
 * `sections.feeds`, each section's own feeds. They need absolute URLs: without `site.url` the
 * feature writes nothing and says so (unless feeds are off).
 */
export function registerFeeds(
  options: { feeds: NewsroomOptions["feeds"]; site: NewsroomOptions["site"]; sectionFeeds: boolean },
  context: FeatureContext,
): void {
  const { feeds, site } = options;
  if (!feedsOn(options)) {
    if (feeds.enabled)
      context.log.warn('feeds and sitemap need absolute URLs: set the "site.url" option (or feeds: false to silence this)');
    return;
  }
  const limit = feeds.limit;
  const settings: FeedSettings = {
    title: site.title,
    description: site.description,
    language: site.language,
    absolute: context.absolute,
    feedUrls: { atom: feeds.atom, json: feeds.json },
  };
  const add = (name: string, permalink: string, render: (data: FeedData) => string | Promise<string>) =>
    context.addFile(name, { permalink }, render);
  add("feed-atom", feeds.atom, (data) => atomFeed(data.newsroom.posts.slice(0, limit), settings));
  add("feed-json", feeds.json, (data) => jsonFeed(data.newsroom.posts.slice(0, limit), settings));
  add("sitemap", feeds.sitemap, (data) =>
    sitemap(
      [
        { path: "/", lastmod: data.newsroom.posts[0] && lastChange(data.newsroom.posts[0]) },
        ...data.newsroom.posts.map((post) => ({ path: post.url, lastmod: lastChange(post) })),
        { path: data.newsroom.urls.archiveIndex },
        ...data.newsroom.archives.pages.filter((page) => page.pageNumber === 0).map((page) => ({ path: page.url })),
        ...[data.newsroom.urls.sectionIndex, data.newsroom.urls.tagIndex].filter((url) => url !== "").map((path) => ({ path })),
        ...data.newsroom.topics.pages.filter((page) => page.pageNumber === 0).map((page) => ({ path: page.url })),
      ],
      settings.absolute,
    ),
  );
  if (!options.sectionFeeds) return;
  // Each section's own feeds, beside its page: {section url}feed.xml and feed.json.
  const sectionSettings = ({ section }: SectionFeedData): FeedSettings => ({
    ...settings,
    title: `${settings.title} – ${section.label}`,
    home: section.url,
    feedUrls: { atom: `${section.url}${SECTION_FEEDS.atom}`, json: `${section.url}${SECTION_FEEDS.json}` },
  });
  for (const [kind, file, write] of [
    ["atom", SECTION_FEEDS.atom, atomFeed],
    ["json", SECTION_FEEDS.json, jsonFeed],
  ] as const) {
    context.addFile(
      `section-feed-${kind}`,
      {
        pagination: { data: "newsroom.topics.sections", size: 1, alias: "section", addAllPagesToCollections: false },
        permalink: (data: SectionFeedData) => `${data.section.url}${file}`,
      },
      (data: SectionFeedData) => write(data.section.posts.slice(0, limit), sectionSettings(data)),
    );
  }
}

/** Whether feeds are written: they need absolute URLs. */
export function feedsOn(options: { feeds: { enabled: boolean }; site: { url: string } }): boolean {
  return options.feeds.enabled && options.site.url !== "";
}

/** A section's feeds, relative to its page's URL. */
export const SECTION_FEEDS = { atom: "feed.xml", json: "feed.json" } as const;
