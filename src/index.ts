/**
 * eleventy-plugin-newsroom: markdown news posts in, a static news site out.
 *
 *   import newsroom from "eleventy-plugin-newsroom";
 *   eleventyConfig.addPlugin(newsroom, { locale: "vi", timeZone: "Asia/Ho_Chi_Minh" });
 *
 * This file registers the plugin with Eleventy and re-exports the public API; one build's
 * steps are in build/build.ts.
 */
import path from "node:path";
import { NewsroomBuild } from "./build/build.ts";
import { type EleventyConfig, type EleventyEventArgs, projectDirectories } from "./kernel/eleventy.ts";
import type { FeatureContext } from "./kernel/feature.ts";
import { eleventyLog } from "./kernel/log.ts";
import { perProcess } from "./kernel/per-process.ts";
import { prefixUrl } from "./kernel/urls.ts";
import { PAGE_STORE, REMOVED_OUTPUTS } from "./kernel/paths.ts";
import { resolveOptions } from "./options/resolve.ts";
import type { NewsroomOptions, NewsroomUserOptions } from "./options/types.ts";
import type { Post } from "./posts/post.ts";
import { registerArchives } from "./features/archives/register.ts";
import { registerArticles } from "./features/articles/register.ts";
import { registerCms } from "./features/cms/cms.ts";
import { feedsOn, registerFeeds } from "./features/feeds/feeds.ts";
import { registerOffline } from "./features/offline/register.ts";
import { registerPhotos, shareImage } from "./features/photos/register.ts";
import { registerSearch } from "./features/search/register.ts";
import { registerSiteFiles } from "./features/site-files/register.ts";
import { registerTopics } from "./features/topics/register.ts";
import { createFilters, perDay, registerFilters } from "./render/filters.ts";
import { registerPageBytes } from "./render/page-bytes.ts";
import { registerTemplates, virtualTemplates } from "./render/templates.ts";

export type { NewsroomOptions, NewsroomUserOptions, SiteMetadata, ArchivePermalinks } from "./options/types.ts";
export type { EleventyConfig } from "./kernel/eleventy.ts";
export type { Post, PostFrontMatter, PostLink } from "./posts/post.ts";
export type { NewsroomFilters } from "./render/filters.ts";
export type {
  ArchivePage,
  Archives,
  DayGroup,
  MonthGroup,
  YearGroup,
  Period,
  PeriodLink,
  CalendarCell,
} from "./features/archives/archives.ts";
export type { NewsroomData } from "./render/site-data.ts";
export { createFilters } from "./render/filters.ts";
export { parsePostDate } from "./kernel/dates.ts";
export { slugify } from "./kernel/slug.ts";
export { NewsroomError, PostsError } from "./kernel/errors.ts";
export { PhotoError } from "./features/photos/images.ts";
export { UrlCollisionError } from "./render/url-collisions.ts";

/**
 * The resolved options and posts folder of each Eleventy configuration the plugin was added to,
 * for the `newsroom` command. Per process: the command and the site's config may load two copies of
 * this module (from src/ and dist/, say) and must still meet.
 */
const registered = perProcess("settings", () => new WeakMap<object, NewsroomSettings>());

/** What the `newsroom` command learns of the plugin in a site's Eleventy configuration. */
export interface NewsroomSettings {
  options: NewsroomOptions;
  postsDir: string;
  /** The post whose article page is at this output file (a path from the working folder), in the last build. */
  postWrittenTo(file: string): Post | undefined;
  /**
   * `newsroom build`: reuse unchanged pages from the page store in `dir` (build/page-store.ts); `full` renders
   * everything. Absent from plugin copies older than incremental builds (the site's config may load one).
   */
  usePageStore?(settings: { dir: string; full: boolean; output: string }): void;
  /** The build failed: stop writing into its output folder before the command removes it. */
  abandon?(): Promise<void>;
}

/** What the plugin was configured with in this Eleventy configuration, once its plugins have run. */
export function newsroomSettings(eleventyConfig: object): NewsroomSettings | undefined {
  return registered.get(eleventyConfig);
}

export default function newsroom(eleventyConfig: EleventyConfig, userOptions: NewsroomUserOptions = {}): void {
  eleventyConfig.versionCheck(">=3.0.0 <4.0.0");
  const options: NewsroomOptions = resolveOptions(userOptions);
  const context = featureContext(eleventyConfig, options);
  const filters = createFilters(options);
  const build = new NewsroomBuild({
    options,
    projectRoot: context.projectRoot,
    inputDir: context.inputDir,
    postsDir: context.postsDir,
    log: context.log,
    displayDate: perDay((post) => filters.longDate(post.date)),
    prefix: context.prefix,
  });
  registered.set(eleventyConfig, {
    options,
    postsDir: context.postsDir,
    postWrittenTo: (file) => build.postWrittenTo(file),
    usePageStore: (settings) => build.usePageStore(settings),
    abandon: () => build.abandon(),
  });
  watchPosts(eleventyConfig, options, context, build);

  // The site's data and the pages no feature owns, then each feature in order, with its own options.
  eleventyConfig.addGlobalData("newsroom", () => build.data);
  eleventyConfig.addCollection("posts", () => build.data.posts);
  registerFilters(filters, options.site.url, context);
  registerTemplates(options, context);
  const { layouts } = options;
  registerArchives({ index: options.archives.index, layout: layouts.archive, indexLayout: layouts.archiveIndex }, context);
  registerTopics({ sections: options.sections, tags: options.tags, layout: layouts.topic, indexLayout: layouts.topicIndex }, context);
  registerPhotos(build.images, context);
  registerArticles({ siteTitle: options.site.title }, (src) => shareImage(build.images, src), context);
  registerSearch({ ...options.search, layout: layouts.search }, context);
  registerOffline({ ...options.offline, layout: layouts.offline }, context);
  const sectionFeeds = options.sections.enabled && options.sections.feeds;
  registerFeeds({ feeds: options.feeds, site: options.site, sectionFeeds }, context);
  registerSiteFiles(options, feedsOn(options) ? () => context.absolute(options.feeds.sitemap) : undefined, context);
  registerCms(options, context);
  // Last: the pages' final HTML is handed to Eleventy as bytes.
  registerPageBytes(eleventyConfig);
}

/** Where the project is, and how features add their pages and make their URLs. */
function featureContext(eleventyConfig: EleventyConfig, options: NewsroomOptions): FeatureContext {
  const projectRoot = process.cwd();
  const inputDir = projectDirectories(eleventyConfig).input;
  // Eleventy's `url` filter, made cheap: the path prefix is read from it once per build.
  let pathPrefix: string | undefined;
  eleventyConfig.on("eleventy.before", () => {
    pathPrefix = undefined;
  });
  const prefix = (url: string) => {
    pathPrefix ??= String((eleventyConfig.getFilter("url") as (u: string) => string)("/"));
    return prefixUrl(url, pathPrefix);
  };
  return {
    eleventyConfig,
    projectRoot,
    inputDir,
    postsDir: path.resolve(inputDir, options.postsDir),
    log: eleventyLog(eleventyConfig),
    prefix,
    absolute: (url) => (options.site.url ? new URL(prefix(url), options.site.url).href : prefix(url)),
    ...virtualTemplates(eleventyConfig),
  };
}

/**
 * The build's steps on Eleventy's events, and the posts folder: read by the plugin (Eleventy must
 * not render posts itself), watched by the dev server — removals too, which Eleventy 3 ignores.
 */
function watchPosts(eleventyConfig: EleventyConfig, options: NewsroomOptions, context: FeatureContext, build: NewsroomBuild): void {
  const postsGlob = `${toPosix(path.relative(context.projectRoot, context.postsDir)) || "."}/**`;
  eleventyConfig.ignores.add(postsGlob);
  eleventyConfig.addWatchTarget(postsGlob);
  if (options.search.cache) {
    // Neither input nor a reason to rebuild: the dev server writes the cache as it indexes.
    const cacheGlob = `${toPosix(path.relative(context.projectRoot, path.resolve(context.projectRoot, options.search.cache)))}/**`;
    eleventyConfig.ignores.add(cacheGlob);
    eleventyConfig.watchIgnores?.add(cacheGlob);
  }
  // The page store of `newsroom build` holds pages: never input (an .html there would be a template).
  eleventyConfig.ignores.add(`${PAGE_STORE}/**`);
  eleventyConfig.watchIgnores?.add(`${PAGE_STORE}/**`);
  // Nor the outputs `newsroom build` replaced, while a process of their own removes them (any Eleventy build may run meanwhile).
  eleventyConfig.ignores.add(REMOVED_OUTPUTS);
  eleventyConfig.watchIgnores?.add(REMOVED_OUTPUTS);
  eleventyConfig.on("eleventy.beforeWatch", (files: string[]) => build.filesChanged(files));
  eleventyConfig.addWatchTarget(build.removals.signalFile);
  eleventyConfig.on("eleventy.reset", () => build.removals.close());
  eleventyConfig.on("eleventy.before", (args: EleventyEventArgs) => build.before(args));
  eleventyConfig.on("eleventy.after", (args: EleventyEventArgs) => build.after(args));
}

/** Adding the plugin twice would register its pages twice: Eleventy keeps the first. */
newsroom.eleventyPluginOptions = { unique: true };

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
