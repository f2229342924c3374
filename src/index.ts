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
import { prefixUrl } from "./urls.ts";
import { articleJsonLd } from "./structured-data.ts";
import { registerFeeds } from "./feeds.ts";
import { type IndexSummary, SearchIndexer } from "./search.ts";
import { IndexCache } from "./search-cache.ts";
import { PostLoader } from "./load-posts.ts";
import { RenderPlanner } from "./render-plan.ts";
import { writeServiceWorker } from "./offline.ts";
import { type NewsroomOptions, type NewsroomUserOptions, resolveOptions } from "./options.ts";
import type { Post } from "./post.ts";
import { feedsOn, type NewsroomData, siteData } from "./site-data.ts";
import { registerTemplates } from "./templates.ts";

export type { NewsroomOptions, NewsroomUserOptions, SiteMetadata } from "./options.ts";
export type { Post, PostFrontMatter, PostLink } from "./post.ts";
export type { NewsroomFilters } from "./filters.ts";
export type { ArchivePage, Archives, DayGroup, MonthGroup, YearGroup, Period, PeriodLink, CalendarCell } from "./archives.ts";
export { createFilters } from "./filters.ts";
export { parsePostDate } from "./dates.ts";
export { slugify } from "./slug.ts";
export { NewsroomError, PostsError } from "./errors.ts";
export type { NewsroomData } from "./site-data.ts";

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

  // One object for the life of the plugin, refilled at each build (the dev server rebuilds).
  const data: NewsroomData = siteData(options, []);
  const filters = createFilters(options);
  let loader: PostLoader | undefined;

  let started = 0;
  let devServer = false;
  // Dev server: after posts were only edited in place, write just the pages that show them.
  const planner = new RenderPlanner();
  eleventyConfig.on("eleventy.beforeWatch", (files: string[]) => planner.filesChanged(files));
  const indexer = new SearchIndexer();
  const cacheDir = options.search.cache ? path.resolve(projectRoot, options.search.cache) : undefined;
  const indexCache = cacheDir ? new IndexCache(cacheDir) : undefined;
  if (cacheDir) {
    // Neither input nor a reason to rebuild: the dev server writes the cache as it indexes.
    const cacheGlob = `${toPosix(path.relative(projectRoot, cacheDir))}/**`;
    eleventyConfig.ignores.add(cacheGlob);
    eleventyConfig.watchIgnores?.add(cacheGlob);
  }
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
    const published = publishedPosts(all, { now: options.now ?? new Date(), includeUnpublished });
    Object.assign(data, siteData(options, published, { devServer }));
    data.render = planner.plan(all, published, data.render, devServer);
    unpublished = all.length - data.posts.length;
    // A production build indexes beside Eleventy's rendering (finished, and its errors raised, in
    // eleventy.after); the dev server starts it once the pages are written, so as not to delay them.
    if (options.search.enabled && !devServer) startIndex(directories.output);
  });
  const startIndex = (outputDir: string) =>
    indexer.start(data.posts, {
      outputDir,
      language: options.site.language.split("-")[0] ?? "en",
      displayDate: (post) => filters.longDate(post.date),
      reuseUnchanged: devServer,
      cache: indexCache,
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

  eleventyConfig.on("eleventy.after", async ({ directories }: EleventyEventArgs) => {
    const parts = [
      `${count(data.posts.length)} posts${unpublished > 0 ? ` (${count(unpublished)} drafts or future posts left out)` : ""}`,
      `${count(data.archives.pages.length)} archive pages`,
    ];
    const describeIndex = (index: IndexSummary | undefined) =>
      index
        ? `search index ${(index.bytes / 1024 / 1024).toFixed(1)} MB (${index.cached ? "posts unchanged: from the cache, " : ""}${index.seconds.toFixed(1)} s)`
        : "search index unchanged";
    const summary = () => `${parts.join(", ")} in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    planner.finished();
    if (!data.render.full) {
      const { articles, homePages, archivePages } = data.render;
      parts.splice(1, 1, `edited in place: ${count(articles.length + homePages.length + archivePages.length)} pages rewritten`);
    }
    if (devServer) {
      // The dev server reloads pages as soon as they are written; the index follows on its own.
      if (!options.search.enabled) return log.info(summary());
      log.info(`${summary()}; search index building`);
      // After Eleventy has finished (and told the browser to reload): the index follows on its own.
      setImmediate(() => {
        startIndex(directories.output);
        indexer.finish().then(
          (index) => log.info(describeIndex(index)),
          (error: Error) => log.warn(error.message),
        );
      });
      return;
    }
    const index = options.search.enabled ? await indexer.finish() : undefined;
    if (options.search.enabled) parts.push(describeIndex(index));
    if (data.urls.serviceWorker) {
      // After the index: the worker lists (and fingerprints) the index's files.
      const worker = await writeServiceWorker({
        outputDir: directories.output,
        options: options.offline,
        prefix: withPrefix,
        search: index ? { bundle: data.urls.bundle, bytes: index.bytes } : undefined,
        warmPages: ["/", data.urls.search, data.urls.archiveIndex].filter((url) => url !== ""),
        files: [data.urls.dayIndex],
        generated: [options.permalink, options.archives.year, options.archives.month, options.archives.day, "/page/"],
      });
      parts.push(`offline: ${count(worker.files)} files, ${(worker.bytes / 1024 / 1024).toFixed(1)} MB${worker.fullIndex ? " (whole search index)" : ""}`);
    }
    log.info(summary());
  });

  registerTemplates(eleventyConfig, options);
  if (feedsOn(options)) {
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

function count(n: number): string {
  return n.toLocaleString("en");
}

/** Adding the plugin twice would register its pages twice: Eleventy keeps the first. */
newsroom.eleventyPluginOptions = { unique: true };

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
