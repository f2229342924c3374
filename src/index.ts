/**
 * eleventy-plugin-newsroom: markdown news posts in, a static news site out.
 *
 *   import newsroom from "eleventy-plugin-newsroom";
 *   eleventyConfig.addPlugin(newsroom, { locale: "vi", timeZone: "Asia/Ho_Chi_Minh" });
 */
import path from "node:path";
import { publishedPosts } from "./collections.ts";
import { type EleventyConfig, type EleventyEventArgs, projectDirectories } from "./eleventy.ts";
import { log } from "./errors.ts";
import { createFilters } from "./filters.ts";
import { type ArchiveStrings, localePack, type SearchStrings, type UiStrings } from "./i18n/index.ts";
import { prefixUrl } from "./urls.ts";
import { articleJsonLd } from "./structured-data.ts";
import { registerFeeds } from "./feeds.ts";
import { BUNDLE_DIR, type IndexSummary, SearchIndexer } from "./search.ts";
import { PostLoader } from "./load-posts.ts";
import { type NewsroomOptions, type NewsroomUserOptions, resolveOptions, type SiteMetadata } from "./options.ts";
import type { Post } from "./post.ts";
import { type Archives, dayIndex, groupArchives } from "./archives.ts";
import { dayIndexUrl, registerTemplates } from "./templates.ts";

export type { NewsroomOptions, NewsroomUserOptions, SiteMetadata } from "./options.ts";
export type { Post, PostFrontMatter, PostLink } from "./post.ts";
export type { NewsroomFilters } from "./filters.ts";
export type { ArchivePage, Archives, DayGroup, MonthGroup, YearGroup, Period, PeriodLink, CalendarCell } from "./archives.ts";
export { createFilters } from "./filters.ts";
export { parsePostDate } from "./dates.ts";
export { slugify } from "./slug.ts";
export { NewsroomError, PostsError } from "./errors.ts";

/** What templates see as `newsroom`. */
export interface NewsroomData {
  site: SiteMetadata;
  /** Interface strings in the site's locale. */
  ui: UiStrings;
  /** Archive and date-widget strings in the site's locale. */
  archive: ArchiveStrings;
  /** Published posts, newest first (drafts and future posts too under the dev server). */
  posts: Post[];
  /** The published posts by year, month and day, and the archive pages. */
  archives: Archives & {
    /** Days with posts, "yyyy-MM-dd", oldest first. */
    dayKeys: string[];
    firstDay: string;
    lastDay: string;
  };
  /** Search strings in the site's locale. */
  search: SearchStrings;
  /** Categories of the published posts, by name, with counts. */
  categories: { name: string; count: number }[];
  /** URLs (without path prefix) the templates and browser scripts need; `search` and the feeds are "" when off. */
  urls: { archiveIndex: string; dayIndex: string; day: string; search: string; bundle: string; atom: string; json: string };
}

export default function newsroom(eleventyConfig: EleventyConfig, userOptions: NewsroomUserOptions = {}): void {
  eleventyConfig.versionCheck(">=3.0.0 <4.0.0");
  const options: NewsroomOptions = resolveOptions(userOptions);

  const projectRoot = process.cwd();
  const inputDir = projectDirectories(eleventyConfig).input;
  const postsDir = path.resolve(inputDir, options.postsDir);
  const postsGlob = `${toPosix(path.relative(projectRoot, postsDir)) || "."}/**`;
  // Posts are markdown read by the plugin, not templates: Eleventy must not render them itself.
  eleventyConfig.ignores.add(postsGlob);
  eleventyConfig.addWatchTarget(postsGlob);

  const pack = localePack(options.locale);
  const archiveSettings = { permalinks: options.archives, pageSize: options.pageSize, yearPostCount: options.pageSize, strings: pack.archive };
  const data: NewsroomData = {
    site: options.site,
    ui: pack.ui,
    archive: pack.archive,
    posts: [],
    archives: withDayIndex(groupArchives([], archiveSettings)),
    search: pack.search,
    categories: [],
    urls: {
      archiveIndex: options.archives.index,
      dayIndex: dayIndexUrl(options),
      day: options.archives.day,
      search: options.search.enabled ? options.search.page : "",
      bundle: `/${BUNDLE_DIR}/`,
      atom: options.feeds.enabled && options.site.url ? options.feeds.atom : "",
      json: options.feeds.enabled && options.site.url ? options.feeds.json : "",
    },
  };
  const filters = createFilters(options);
  let loader: PostLoader | undefined;

  let started = 0;
  let devServer = false;
  const indexer = new SearchIndexer();
  eleventyConfig.on("eleventy.before", async ({ runMode, directories }: EleventyEventArgs) => {
    devServer = runMode !== "build";
    started = performance.now();
    loader ??= new PostLoader({
      postsDir,
      projectRoot,
      inputDir,
      timeZone: options.timeZone,
      permalink: options.permalink,
      archives: options.archives,
      excerptLength: options.excerptLength,
    });
    const all = await loader.load();
    const includeUnpublished = options.drafts === "auto" ? runMode !== "build" : options.drafts;
    data.posts = publishedPosts(all, { now: options.now ?? new Date(), includeUnpublished });
    data.archives = withDayIndex(groupArchives(data.posts, archiveSettings));
    data.categories = countCategories(data.posts, options.locale);
    unpublished = all.length - data.posts.length;
    if (options.search.enabled) {
      // Runs beside Eleventy's rendering; finished (and its errors raised) in eleventy.after.
      indexer.start(data.posts, {
        outputDir: directories.output,
        language: options.site.language.split("-")[0] ?? "en",
        displayDate: (post) => filters.longDate(post.date),
        reuseUnchanged: devServer,
      });
    }
  });
  let unpublished = 0;

  eleventyConfig.addGlobalData("newsroom", () => data);
  eleventyConfig.addCollection("posts", () => data.posts);

  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  eleventyConfig.addFilter("absoluteUrl", (url: string) => (options.site.url ? new URL(url, options.site.url).href : url));
  // Eleventy's `url` filter, made cheap: the prefix is read from it once per build.
  let pathPrefix: string | undefined;
  eleventyConfig.on("eleventy.before", () => {
    pathPrefix = undefined;
  });
  const withPrefix = (url: string | undefined) => {
    pathPrefix ??= String((eleventyConfig.getFilter("url") as (u: string) => string)("/"));
    return prefixUrl(url, pathPrefix);
  };
  const absolute = (url: string) => (options.site.url ? new URL(withPrefix(url), options.site.url).href : withPrefix(url));
  eleventyConfig.addFilter("prefixUrl", withPrefix);
  eleventyConfig.addFilter("articleJsonLd", (post: Post) => articleJsonLd(post, absolute, options.site.title));

  eleventyConfig.on("eleventy.after", async () => {
    const parts = [
      `${count(data.posts.length)} posts${unpublished > 0 ? ` (${count(unpublished)} drafts or future posts left out)` : ""}`,
      `${count(data.archives.pages.length)} archive pages`,
    ];
    const describeIndex = (index: IndexSummary | undefined) =>
      index ? `search index ${(index.bytes / 1024 / 1024).toFixed(1)} MB (${index.seconds.toFixed(1)} s)` : "search index unchanged";
    if (!options.search.enabled) {
      log.info(`${parts.join(", ")} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else if (devServer) {
      // The dev server reloads pages as soon as they are written; the index follows on its own.
      log.info(`${parts.join(", ")} in ${((performance.now() - started) / 1000).toFixed(1)} s; search index building`);
      indexer.finish().then(
        (index) => log.info(describeIndex(index)),
        (error: Error) => log.warn(error.message),
      );
    } else {
      parts.push(describeIndex(await indexer.finish()));
      log.info(`${parts.join(", ")} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  });

  registerTemplates(eleventyConfig, options);
  if (options.feeds.enabled && options.site.url) {
    registerFeeds(eleventyConfig, options.feeds, options.feeds.limit, {
      title: options.site.title,
      description: options.site.description,
      language: options.site.language,
      absolute,
      feedUrls: { atom: options.feeds.atom, json: options.feeds.json },
    });
  } else if (options.feeds.enabled) {
    log.warn('feeds and sitemap need absolute URLs: set the "site.url" option (or feeds: { enabled: false } to silence this)');
  }
}

function countCategories(posts: readonly Post[], locale: string): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const post of posts) if (post.category) counts.set(post.category, (counts.get(post.category) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name, locale));
}

function count(n: number): string {
  return n.toLocaleString("en");
}

function withDayIndex(archives: Archives): NewsroomData["archives"] {
  const dayKeys = dayIndex(archives);
  return { ...archives, dayKeys, firstDay: dayKeys[0] ?? "", lastDay: dayKeys.at(-1) ?? "" };
}

/** Adding the plugin twice would register its pages twice: Eleventy keeps the first. */
newsroom.eleventyPluginOptions = { unique: true };

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
