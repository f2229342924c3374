/** The `newsroom` data every template sees, made from the published posts. Pure. */
import { type Archives, dayIndex, groupArchives } from "../features/archives/archives.ts";
import { dayIndexUrl } from "../features/archives/register.ts";
import { feedsOn } from "../features/feeds/feeds.ts";
import type { SearchPageStrings } from "../features/search/contract.js";
import { type ArchiveStrings, localePack, type SearchStrings, type UiStrings } from "../kernel/i18n/index.ts";
import type { NewsroomOptions, SectionDeclaration, SiteMetadata } from "../options/types.ts";
import { groupTopics, type Topics } from "../features/topics/topics.ts";
import { MANIFEST_URL, siteIcons } from "../features/site-files/site-files.ts";
import { type HomePage, homePages } from "../posts/collections.ts";
import type { Post } from "../posts/post.ts";
import { fullPlan, type RenderPlan } from "./render-plan.ts";
import { withFrontPage } from "../features/home/front-page.ts";
import { BUNDLE_DIR, FONT_FILES, FONT_URL, SERVICE_WORKER_URL } from "../kernel/paths.ts";

/** What templates see as `newsroom`. */
export interface NewsroomData {
  site: SiteMetadata;
  /** Interface strings in the site's locale. */
  ui: UiStrings;
  /** Archive and date-widget strings in the site's locale. */
  archive: ArchiveStrings;
  /** Search strings in the site's locale. */
  search: SearchStrings;
  /** Published posts, newest first (drafts and future posts too under the dev server). */
  posts: Post[];
  /** The home page's pages of posts. */
  homePages: HomePage[];
  /**
   * The article, home and archive pages this build writes: all of them, except in a dev-server
   * rebuild after posts were edited in place (see render-plan.ts).
   */
  render: RenderPlan;
  /** The published posts by year, month and day, and the archive pages. */
  archives: Archives & {
    /** Days with posts, "yyyy-MM-dd", oldest first. */
    dayKeys: string[];
    firstDay: string;
    lastDay: string;
  };
  /** Sections (categories) of the published posts with counts: declared order, else by name (the search page's filter too). */
  categories: { name: string; label: string; count: number; url: string }[];
  /** Sections and tags with posts, and their pages. */
  topics: Topics;
  /** Whether each section has its own feeds ({section url}feed.xml, feed.json). */
  sectionFeeds: boolean;
  /**
   * URLs (without path prefix) the templates and browser scripts need; `search`, the feeds and
   * `serviceWorker` are "" when off (the service worker is off under the dev server).
   */
  urls: {
    archiveIndex: string;
    dayIndex: string;
    day: string;
    search: string;
    bundle: string;
    atom: string;
    json: string;
    serviceWorker: string;
    offline: string;
    /** The index of sections and of tags ("" when off). */
    sectionIndex: string;
    tagIndex: string;
    /** The web app manifest ("" when off). */
    manifest: string;
  };
  /** The manifest's theme colour (`<meta name="theme-color">`). */
  themeColor: string;
  /** The site's icons (the manifest's), linked from every page as `<link rel="icon">`; [] when the manifest is off. */
  icons: { src: string; sizes: string; type: string }[];
  /** Whether articles show the lunar date after their date (option `lunarDate`). */
  lunarDate: boolean;
  /** The self-hosted font's files to preload ([] when option `font` is off). */
  fonts: string[];
}

/** Whether the service worker is written: production builds only (under the dev server it would cache drafts). */
export function serviceWorkerOn(options: NewsroomOptions, devServer: boolean): boolean {
  return options.offline.enabled && !devServer;
}

/** Everything templates need, from the published posts (newest first). */
export function siteData(options: NewsroomOptions, posts: Post[], build: { devServer: boolean } = { devServer: false }): NewsroomData {
  const pack = localePack(options.locale);
  const archives = groupArchives(posts, {
    permalinks: options.archives,
    pageSize: options.pageSize,
    yearPostCount: options.pageSize,
    strings: pack.archive,
  });
  const dayKeys = dayIndex(archives);
  const topics = groupTopics(posts, { ...topicSettings(options), pageSize: options.pageSize, locale: options.locale });
  const homes = withFrontPage(homePages(posts, options.pageSize), posts, topics.sections, options.frontPage);
  return {
    site: options.site,
    ui: pack.ui,
    archive: pack.archive,
    // The search page hands these to its script (data-strings): every one the script writes must be there.
    search: pack.search satisfies SearchPageStrings,
    posts,
    homePages: homes,
    render: fullPlan(posts, homes, archives.pages, topics.pages),
    archives: { ...archives, dayKeys, firstDay: dayKeys[0] ?? "", lastDay: dayKeys.at(-1) ?? "" },
    categories: topics.sections.map(({ name, label, count, url }) => ({ name, label, count, url })),
    topics,
    sectionFeeds: feedsOn(options) && options.sections.enabled && options.sections.feeds,
    urls: {
      archiveIndex: options.archives.index,
      dayIndex: dayIndexUrl(options.archives.index),
      day: options.archives.day,
      search: options.search.enabled ? options.search.page : "",
      bundle: `/${BUNDLE_DIR}/`,
      atom: feedsOn(options) ? options.feeds.atom : "",
      json: feedsOn(options) ? options.feeds.json : "",
      serviceWorker: serviceWorkerOn(options, build.devServer) ? SERVICE_WORKER_URL : "",
      offline: options.offline.enabled ? options.offline.page : "",
      sectionIndex: options.sections.enabled ? options.sections.index : "",
      tagIndex: options.tags.enabled ? options.tags.index : "",
      manifest: options.manifest.enabled ? MANIFEST_URL : "",
    },
    themeColor: options.manifest.themeColor,
    icons: siteIcons(options),
    lunarDate: options.lunarDate,
    fonts: options.font ? FONT_FILES.map((file) => `${FONT_URL}${file}`) : [],
  };
}

/** Where section and tag pages go ("" when off), and the declared sections. */
export function topicSettings(options: NewsroomOptions): { sectionUrl: string; tagUrl: string; declared: SectionDeclaration[] } {
  return {
    sectionUrl: options.sections.enabled ? options.sections.url : "",
    tagUrl: options.tags.enabled ? options.tags.url : "",
    declared: options.sections.categories,
  };
}
