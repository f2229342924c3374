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
import { type ArchiveStrings, localePack, type UiStrings } from "./i18n/index.ts";
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
  /** URLs (without path prefix) the templates and browser scripts need. */
  urls: { archiveIndex: string; dayIndex: string; day: string };
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
    urls: { archiveIndex: options.archives.index, dayIndex: dayIndexUrl(options), day: options.archives.day },
  };
  let loader: PostLoader | undefined;

  eleventyConfig.on("eleventy.before", async ({ runMode }: EleventyEventArgs) => {
    const started = performance.now();
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
    const left = all.length - data.posts.length;
    log.info(
      `${data.posts.length.toLocaleString("en")} posts${left > 0 ? ` (${left} drafts or future posts left out)` : ""} read in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
  });

  eleventyConfig.addGlobalData("newsroom", () => data);
  eleventyConfig.addCollection("posts", () => data.posts);

  const filters = createFilters(options);
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  eleventyConfig.addFilter("absoluteUrl", (url: string) => (options.site.url ? new URL(url, options.site.url).href : url));

  registerTemplates(eleventyConfig, options);
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
