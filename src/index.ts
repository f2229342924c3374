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
import { log } from "./kernel/errors.ts";
import { resolveOptions } from "./options/resolve.ts";
import type { NewsroomOptions, NewsroomUserOptions } from "./options/types.ts";
import { prefixUrl } from "./kernel/urls.ts";
import type { Post } from "./posts/post.ts";
import { registerFeeds } from "./features/feeds/feeds.ts";
import { createFilters } from "./render/filters.ts";
import { feedsOn } from "./render/site-data.ts";
import { articleJsonLd } from "./features/articles/structured-data.ts";
import { registerTemplates } from "./render/templates.ts";
import { registerCms } from "./features/cms/cms.ts";
import type { ImageRole } from "./features/photos/images.ts";

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
 * for the `newsroom` command. Kept under a global symbol: the command and the site's config may
 * load two copies of this module (from src/ and dist/, say) and must still meet.
 */
const registered: WeakMap<object, NewsroomSettings> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for("eleventy-plugin-newsroom.settings")
] ??= new WeakMap()) as WeakMap<object, NewsroomSettings>;

/** What the `newsroom` command learns of the plugin in a site's Eleventy configuration. */
export interface NewsroomSettings {
  options: NewsroomOptions;
  postsDir: string;
  /** The post whose article page is at this output file (a path from the working folder), in the last build. */
  postWrittenTo(file: string): Post | undefined;
}

/** What the plugin was configured with in this Eleventy configuration, once its plugins have run. */
export function newsroomSettings(eleventyConfig: object): NewsroomSettings | undefined {
  return registered.get(eleventyConfig);
}

export default function newsroom(eleventyConfig: EleventyConfig, userOptions: NewsroomUserOptions = {}): void {
  eleventyConfig.versionCheck(">=3.0.0 <4.0.0");
  log.useEleventyLogger(() => eleventyConfig.logger);
  const options: NewsroomOptions = resolveOptions(userOptions);

  const projectRoot = process.cwd();
  const inputDir = projectDirectories(eleventyConfig).input;
  const postsDir = path.resolve(inputDir, options.postsDir);
  const postsGlob = `${toPosix(path.relative(projectRoot, postsDir)) || "."}/**`;
  // Posts are markdown read by the plugin, not templates: Eleventy must not render them itself.
  eleventyConfig.ignores.add(postsGlob);
  eleventyConfig.addWatchTarget(postsGlob);
  if (options.search.cache) {
    // Neither input nor a reason to rebuild: the dev server writes the cache as it indexes.
    const cacheGlob = `${toPosix(path.relative(projectRoot, path.resolve(projectRoot, options.search.cache)))}/**`;
    eleventyConfig.ignores.add(cacheGlob);
    eleventyConfig.watchIgnores?.add(cacheGlob);
  }

  // Eleventy's `url` filter, made cheap: the path prefix is read from it once per build.
  let pathPrefix: string | undefined;
  const withPrefix = (url: string | undefined) => {
    pathPrefix ??= String((eleventyConfig.getFilter("url") as (u: string) => string)("/"));
    return prefixUrl(url, pathPrefix);
  };
  const absolute = (url: string) => (options.site.url ? new URL(withPrefix(url), options.site.url).href : withPrefix(url));

  const filters = createFilters(options);
  const build = new NewsroomBuild({
    options,
    projectRoot,
    inputDir,
    postsDir,
    displayDate: (post) => filters.longDate(post.date),
    prefix: withPrefix,
  });
  registered.set(eleventyConfig, { options, postsDir, postWrittenTo: (file) => build.postWrittenTo(file) });
  eleventyConfig.on("eleventy.beforeWatch", (files: string[]) => build.filesChanged(files));
  // Eleventy 3 rebuilds nothing when a file is removed: the plugin watches the posts folder for removals itself.
  eleventyConfig.addWatchTarget(build.removals.signalFile);
  eleventyConfig.on("eleventy.reset", () => build.removals.close());
  eleventyConfig.on("eleventy.before", (args: EleventyEventArgs) => {
    pathPrefix = undefined;
    return build.before(args);
  });
  eleventyConfig.on("eleventy.after", (args: EleventyEventArgs) => build.after(args));

  eleventyConfig.addGlobalData("newsroom", () => build.data);
  eleventyConfig.addCollection("posts", () => build.data.posts);
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  eleventyConfig.addFilter("absoluteUrl", (url: string) => (options.site.url ? new URL(url, options.site.url).href : url));
  eleventyConfig.addFilter("prefixUrl", withPrefix);
  // Photos: `<picture>` for a site photo, `<img>` with its size for an SVG or GIF ("" for a remote one), and the 1200-pixel rendition for sharing.
  eleventyConfig.addFilter("picture", (src: string, alt: string, role: ImageRole) => build.images?.picture(src, alt ?? "", role) ?? "");
  // A page is written once the photo renditions it names are in the output (a failed encoding stops it, named).
  eleventyConfig.addTransform("newsroom-photos", (content: unknown) => build.images?.whenPublished(content) ?? content);
  const shareImage = (src: string) => build.images?.shareImage(src) ?? src;
  eleventyConfig.addFilter("shareImage", shareImage);
  eleventyConfig.addFilter("articleJsonLd", (post: Post) =>
    articleJsonLd(post.image ? { ...post, image: shareImage(post.image) } : post, absolute, options.site.title),
  );

  registerTemplates(eleventyConfig, options, { prefix: withPrefix, absolute, sitemap: feedsOn(options) });
  if (options.cms.enabled) registerCms(eleventyConfig, options, { projectRoot, inputDir, postsDir, prefix: withPrefix });
  if (feedsOn(options)) {
    registerFeeds(
      eleventyConfig,
      options.feeds,
      options.feeds.limit,
      {
        title: options.site.title,
        description: options.site.description,
        language: options.site.language,
        absolute,
        feedUrls: { atom: options.feeds.atom, json: options.feeds.json },
      },
      options.sections.enabled && options.sections.feeds,
    );
  } else if (options.feeds.enabled) {
    log.warn('feeds and sitemap need absolute URLs: set the "site.url" option (or feeds: false to silence this)');
  }
}

/** Adding the plugin twice would register its pages twice: Eleventy keeps the first. */
newsroom.eleventyPluginOptions = { unique: true };

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
