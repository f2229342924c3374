/**
 * Newsroom's options: one typed interface, one defaults object, one merge, one validation.
 */
import { IANAZone } from "luxon";
import type MarkdownIt from "markdown-it";
import { describe, NewsroomError } from "./errors.ts";
import { isUrlSafeSlug, slugify as slugifyName } from "./slug.ts";
import { PERMALINK_TOKENS } from "./permalink.ts";
import { sectionDeclarationProblem } from "./topics.ts";

/** Metadata about the site, written into every page. */
export interface SiteMetadata {
  /**
   * The site's name: header, `<title>` suffix, feeds.
   * @default "Newsroom"
   */
  title: string;
  /**
   * One sentence about the site: the home page's meta description.
   * @default ""
   */
  description: string;
  /**
   * The absolute URL the site is deployed at, e.g. `"https://news.example.org/"`.
   * Used for canonical links. Leave empty to omit absolute URLs.
   * @default ""
   */
  url: string;
  /**
   * The language of the pages (`<html lang>`), a BCP 47 tag.
   * @default the `locale` option
   */
  language: string;
}

/** URL patterns of the archive pages. */
export interface ArchivePermalinks {
  /** @default "/{yyyy}/" */
  year: string;
  /** @default "/{yyyy}/{MM}/" */
  month: string;
  /** @default "/{yyyy}/{MM}/{dd}/" */
  day: string;
  /** The index of every year and month. @default "/archive/" */
  index: string;
}

/**
 * A section the site declares: the name posts write in `category`, or that name with the label
 * menus show and the URL slug (defaults: the name, and the name slugged like titles).
 */
export type SectionDeclaration = string | { name: string; label?: string; slug?: string };

/** Section pages: one per category (chuyên mục), paginated, and an index of them. */
export interface SectionOptions {
  /**
   * Write section pages and their index.
   * @default true
   */
  enabled: boolean;
  /**
   * URL of a section's page; `{slug}` is the section's slug.
   * @default "/chuyen-muc/{slug}/"
   */
  url: string;
  /**
   * URL of the index of sections.
   * @default "/chuyen-muc/"
   */
  index: string;
  /**
   * The site's sections in menu order. When declared, a post whose `category` is not one of
   * them stops the build naming the post (a typo would otherwise open a section of its own).
   * Empty: any category is a section, listed by name.
   * @default []
   */
  categories: SectionDeclaration[];
  /**
   * Give each section its own Atom and JSON feed (`{url}feed.xml`, `{url}feed.json`), when feeds are on.
   * @default true
   */
  feeds: boolean;
}

/** Tag pages: one per tag, paginated, and an index of them. */
export interface TagOptions {
  /**
   * Write tag pages and their index.
   * @default true
   */
  enabled: boolean;
  /**
   * URL of a tag's page; `{slug}` is the tag's slug.
   * @default "/tag/{slug}/"
   */
  url: string;
  /**
   * URL of the index of tags.
   * @default "/tag/"
   */
  index: string;
}

/** What the article page shows under the article. */
export interface RelatedOptions {
  /**
   * Related articles ("Tin liên quan"), ranked by shared tags, section and text (TF-IDF), newer first on ties; 0: none.
   * @default 5
   */
  count: number;
  /**
   * The newest other articles of the same section ("Tin cùng chuyên mục"); 0: none.
   * @default 5
   */
  sameSection: number;
}

/** Responsive photos (@11ty/eleventy-img) of posts: the lead `image` and the images of the body. */
export interface ImageOptions {
  /**
   * Encode local photos (.jpg, .png, .webp, .avif) into several widths and formats and write `<picture>`.
   * @default true
   */
  enabled: boolean;
  /**
   * Widths of the renditions, in pixels (never wider than the photo); the widest near 1200 serves Open Graph and JSON-LD.
   * @default [480, 800, 1200]
   */
  widths: number[];
  /**
   * Formats of the renditions, best first (browsers take the first they support).
   * @default ["avif", "webp", "jpeg"]
   */
  formats: ("avif" | "webp" | "jpeg" | "png")[];
  /**
   * URL folder of the renditions in the site.
   * @default "/img/"
   */
  url: string;
  /**
   * Folder (from the project root) where renditions are kept between builds: an unchanged photo is not encoded again.
   * @default ".cache/newsroom-img"
   */
  cache: string;
}

/** The front page (the first page of the home list). */
export interface FrontPageOptions {
  /**
   * Open with a lead story: the newest post marked `featured: true`, else the newest post.
   * @default true
   */
  lead: boolean;
  /**
   * Then a block per section (declared order, else by name) with its newest posts: how many; 0: no blocks.
   * @default 4
   */
  sectionPosts: number;
}

/** The web app manifest (`/manifest.webmanifest`): the offline-capable site can be installed. */
export interface ManifestOptions {
  /**
   * Write the manifest and link it from every page.
   * @default true
   */
  enabled: boolean;
  /**
   * The short name under the installed icon.
   * @default the site's title
   */
  shortName: string;
  /**
   * Icons, site paths with their sizes and types. Empty: a monogram of the site's title, drawn as SVG.
   * @default []
   */
  icons: { src: string; sizes: string; type: string }[];
  /**
   * The browser's colour around the installed site.
   * @default "#ffffff"
   */
  themeColor: string;
  /**
   * The splash screen's background.
   * @default "#ffffff"
   */
  backgroundColor: string;
}

/** How post bodies are rendered. */
export interface MarkdownOptions {
  /**
   * Extends the markdown renderer (markdown-it), e.g. `(md) => md.use(footnote)`. The safety
   * defaults stay: no raw HTML (unless `html`), markdown-it's link validation (no `javascript:`
   * links), and `{{ }}` / `{% %}` shown as written.
   * @default undefined
   */
  setup: ((md: MarkdownIt) => unknown) | undefined;
  /**
   * Let raw HTML in post bodies through. Only for sites whose every author may run scripts on the site.
   * @default false
   */
  html: boolean;
}

/** What `newsroom new "Tiêu đề"` writes. */
export interface NewPostOptions {
  /**
   * Where the new post goes, inside the posts folder: tokens `{yyyy}`, `{MM}`, `{dd}` (today in
   * the site's zone) and `{slug}` (from the title, as the build makes it).
   * @default "{yyyy}/{MM}/{slug}.md"
   */
  file: string;
  /**
   * The `author` of new posts ("" leaves it out).
   * @default ""
   */
  author: string;
}

/** The dates a post may carry: anything outside is taken for a typo (0000-01-01, 2109 for 2019). */
export interface DateRange {
  /**
   * The earliest year a post's `date` or `updated` may have.
   * @default 1900
   */
  from: number;
  /**
   * How many years after the build a post's date may be (scheduled posts).
   * @default 100
   */
  yearsAhead: number;
}

/** Names of the layouts the plugin renders its pages with (paths inside `_includes/`). */
export interface LayoutNames {
  /**
   * Layout of an article page. Receives `post` (a {@link Post}).
   * @default "newsroom/article.njk"
   */
  article: string;
  /**
   * Layout of the home page and its `/page/{n}/` pages. Receives `posts` (a page of posts) and `pagination`.
   * @default "newsroom/home.njk"
   */
  home: string;
  /**
   * Layout of year, month and day archive pages. Receives `archive` (an `ArchivePage`).
   * @default "newsroom/archive.njk"
   */
  archive: string;
  /**
   * Layout of the archive index (every year and month).
   * @default "newsroom/archive-index.njk"
   */
  archiveIndex: string;
  /**
   * Layout of the search page.
   * @default "newsroom/search.njk"
   */
  search: string;
  /**
   * Layout of a section's or a tag's pages. Receives `topicPage` (a `TopicPage`).
   * @default "newsroom/topic.njk"
   */
  topic: string;
  /**
   * Layout of the index of sections and of the index of tags. Receives `topicIndex` (`kind`, `topics`).
   * @default "newsroom/topic-index.njk"
   */
  topicIndex: string;
  /**
   * Layout of the page shown for a page not saved for offline reading.
   * @default "newsroom/offline.njk"
   */
  offline: string;
}

/** Full-text search with Pagefind. */
export interface SearchOptions {
  /**
   * Build a Pagefind index of the article bodies into `/pagefind/` and a search page.
   * @default true
   */
  enabled: boolean;
  /**
   * URL of the search page.
   * @default "/search/"
   */
  page: string;
  /**
   * Folder (relative to the project) where the last index is kept, keyed by the posts' content:
   * a build whose posts did not change copies it instead of running Pagefind again. `false`: no cache.
   * @default ".cache/newsroom"
   */
  cache: string | false;
  /**
   * The index is written in parts, one per publication year, so that Pagefind's memory and a
   * rebuild's work grow with a part, not with the archive; the search page searches them as one.
   * A year with more posts than this is split into equal spans of months (halves, quarters, …,
   * single months). `false`: one index of everything.
   * @default 5000
   */
  partSize: number | false;
}

/**
 * Offline reading: a service worker (`/sw.js`, made with Workbox) that keeps the pages a reader
 * has visited and the search files, so both keep working without a network. Written by
 * production builds only, never under the dev server.
 */
export interface OfflineOptions {
  /**
   * Write the service worker and the offline page.
   * @default true
   */
  enabled: boolean;
  /**
   * URL of the page shown when a page that was never visited is opened offline.
   * @default "/offline/"
   */
  page: string;
  /**
   * The whole search index is downloaded for offline use when it is at most this many bytes;
   * a larger index keeps what readers' searches fetched (the files every search needs are
   * always kept).
   * @default 5000000
   */
  fullIndexUpTo: number;
  /**
   * Most pages kept for offline reading (the oldest visited go first).
   * @default 200
   */
  maxPages: number;
  /**
   * Files (globs relative to the output folder) downloaded with the service worker so that every
   * page looks right offline. Newsroom's own scripts and styles and the search engine are always included.
   * @default ["**\/*.css", "**\/*.woff2"]
   */
  precache: string[];
}

/** Feeds and sitemap. They need absolute URLs: without `site.url` they are not written. */
export interface FeedOptions {
  /**
   * Write an Atom feed, a JSON feed and a sitemap.
   * @default true
   */
  enabled: boolean;
  /**
   * Newest posts in each feed.
   * @default 20
   */
  limit: number;
  /** @default "/feed.xml" */
  atom: string;
  /** @default "/feed.json" */
  json: string;
  /** @default "/sitemap.xml" */
  sitemap: string;
}

/**
 * The web editor for posts (Decap CMS) at `{path}`: `index.html`, a `config.yml` made from these
 * options (posts folder, sections, language, time zone) and Decap's script, copied from the
 * site's own `node_modules/decap-cms` (`npm install decap-cms`). Off by default.
 */
export interface CmsOptions {
  /**
   * Write the editor.
   * @default false
   */
  enabled: boolean;
  /**
   * URL folder of the editor.
   * @default "/admin/"
   */
  path: string;
  /**
   * Decap's `backend` section as Decap documents it (`name`, `repo`, `branch`, `base_url`,
   * `auth_endpoint`…): where saved posts are committed.
   * @default { name: "git-gateway", branch: "main" }
   */
  backend: { name: string; [setting: string]: unknown };
  /**
   * Folder, inside the input folder, where images uploaded in the editor go; posts refer to
   * them by the same path from the site's root (`/images/uploads/photo.jpg`).
   * @default "images/uploads"
   */
  mediaFolder: string;
  /**
   * Let the editor save through `decap-server` on this machine (only when opened from
   * `localhost`): `true` for Decap's default (`http://localhost:8081/api/v1`), a URL for another
   * port, `false` never.
   * @default true
   */
  localBackend: boolean | string;
  /**
   * The site's own stylesheets (site paths) for the editor's preview, after Newsroom's.
   * @default []
   */
  previewStyles: string[];
}

/** Everything `eleventyConfig.addPlugin(newsroom, options)` accepts. */
export interface NewsroomOptions {
  /**
   * Locale for dates and interface strings (a BCP 47 tag such as `"vi"` or `"en"`).
   * @default "en"
   */
  locale: string;
  /**
   * IANA time zone the site's dates are written in and grouped by, e.g. `"Asia/Ho_Chi_Minh"`.
   * The build machine's `TZ` never matters.
   * @default "UTC"
   */
  timeZone: string;
  /**
   * Folder of the markdown posts, relative to Eleventy's input folder.
   * @default "posts"
   */
  postsDir: string;
  /**
   * URL pattern of article pages. Tokens: `{yyyy}`, `{MM}`, `{dd}` (the date in the site's zone) and `{slug}`.
   * Must start and end with `/` and contain `{slug}`.
   * @default "/{yyyy}/{MM}/{dd}/{slug}/"
   */
  permalink: string;
  /**
   * URL patterns of the date archives: `year` (`{yyyy}`), `month` (`{yyyy}`, `{MM}`),
   * `day` (`{yyyy}`, `{MM}`, `{dd}`) and the archive `index`. Later pages of a period
   * get `page/{n}/` appended. The date widget's index of days is written to `{index}days.json`.
   * @default { year: "/{yyyy}/", month: "/{yyyy}/{MM}/", day: "/{yyyy}/{MM}/{dd}/", index: "/archive/" }
   */
  archives: ArchivePermalinks;
  /**
   * Posts per page on the home page and on month and day archive pages; also the number
   * of latest posts on a year page.
   * @default 10
   */
  pageSize: number;
  /**
   * Site metadata.
   */
  site: SiteMetadata;
  /**
   * Full-text search.
   */
  search: SearchOptions;
  /**
   * Atom and JSON feeds and the sitemap.
   */
  feeds: FeedOptions;
  /**
   * Offline reading (service worker).
   */
  offline: OfflineOptions;
  /**
   * Layouts for the pages the plugin creates. The defaults ship with the plugin; a file
   * of the same name in your `_includes/` replaces the default.
   */
  layouts: LayoutNames;
  /**
   * Whether drafts and future-dated posts are published. `"auto"`: only under the dev
   * server (`--serve`/`--watch`), never in a production build.
   * @default "auto"
   */
  drafts: "auto" | boolean;
  /**
   * Reading speed used by the `readingTime` filter, in words per minute.
   * @default 200
   */
  wordsPerMinute: number;
  /**
   * Length, in characters, of excerpts made from a post's body when it has no `summary`.
   * @default 200
   */
  excerptLength: number;
  /**
   * Section pages (categories).
   */
  sections: SectionOptions;
  /**
   * Tag pages.
   */
  tags: TagOptions;
  /**
   * Responsive photos.
   */
  images: ImageOptions;
  /**
   * Related articles and same-section articles under each article.
   */
  related: RelatedOptions;
  /**
   * The front page's lead story and section blocks.
   */
  frontPage: FrontPageOptions;
  /**
   * Self-host Be Vietnam Pro (regular and bold, Vietnamese and Latin, 53 KB) for headings and text,
   * preloaded; `false`: the stylesheet falls back to the system's fonts.
   * @default true
   */
  font: boolean;
  /**
   * Show the lunar date (Vietnamese calendar) after the article's date: "(20/9 năm Kỷ Hợi)".
   * @default false
   */
  lunarDate: boolean;
  /**
   * The new-post command (`newsroom new "Tiêu đề"`).
   */
  newPost: NewPostOptions;
  /**
   * The markdown renderer of post bodies.
   */
  markdown: MarkdownOptions;
  /**
   * The web editor for posts (Decap CMS).
   */
  cms: CmsOptions;
  /**
   * The page a host serves for a missing URL (in the site's language, with the search box and
   * the date widget); "" for none.
   * @default "/404.html"
   */
  notFoundPage: string;
  /**
   * Write `/robots.txt` (allowing everything, pointing at the sitemap when there is one).
   * @default true
   */
  robots: boolean;
  /**
   * The web app manifest.
   */
  manifest: ManifestOptions;
  /**
   * Plausible post dates: a `date` or `updated` outside stops the build naming the post.
   * @default { from: 1900, yearsAhead: 100 }
   */
  dateRange: DateRange;
  /**
   * The instant that separates published from future-dated posts.
   * @default the time the build starts
   */
  now: Date | undefined;
}

/** What callers pass: every field optional, nested objects partial. */
export type NewsroomUserOptions = {
  [K in keyof NewsroomOptions]?: NewsroomOptions[K] extends Date | undefined
    ? NewsroomOptions[K]
    : NewsroomOptions[K] extends object
      ? Partial<NewsroomOptions[K]>
      : NewsroomOptions[K];
};

/** The defaults, in one place. `site.language` is filled from `locale` when empty. */
export const defaults = {
  locale: "en",
  timeZone: "UTC",
  postsDir: "posts",
  permalink: "/{yyyy}/{MM}/{dd}/{slug}/",
  archives: { year: "/{yyyy}/", month: "/{yyyy}/{MM}/", day: "/{yyyy}/{MM}/{dd}/", index: "/archive/" },
  pageSize: 10,
  site: { title: "Newsroom", description: "", url: "", language: "" },
  search: { enabled: true, page: "/search/", cache: ".cache/newsroom", partSize: 5000 },
  feeds: { enabled: true, limit: 20, atom: "/feed.xml", json: "/feed.json", sitemap: "/sitemap.xml" },
  offline: { enabled: true, page: "/offline/", fullIndexUpTo: 5_000_000, maxPages: 200, precache: ["**/*.css", "**/*.woff2"] },
  layouts: {
    article: "newsroom/article.njk",
    home: "newsroom/home.njk",
    archive: "newsroom/archive.njk",
    archiveIndex: "newsroom/archive-index.njk",
    search: "newsroom/search.njk",
    topic: "newsroom/topic.njk",
    topicIndex: "newsroom/topic-index.njk",
    offline: "newsroom/offline.njk",
  },
  drafts: "auto",
  wordsPerMinute: 200,
  excerptLength: 200,
  sections: { enabled: true, url: "/chuyen-muc/{slug}/", index: "/chuyen-muc/", categories: [], feeds: true },
  tags: { enabled: true, url: "/tag/{slug}/", index: "/tag/" },
  images: { enabled: true, widths: [480, 800, 1200], formats: ["avif", "webp", "jpeg"], url: "/img/", cache: ".cache/newsroom-img" },
  related: { count: 5, sameSection: 5 },
  frontPage: { lead: true, sectionPosts: 4 },
  font: true,
  lunarDate: false,
  newPost: { file: "{yyyy}/{MM}/{slug}.md", author: "" },
  markdown: { setup: undefined, html: false },
  cms: {
    enabled: false,
    path: "/admin/",
    backend: { name: "git-gateway", branch: "main" },
    mediaFolder: "images/uploads",
    localBackend: true,
    previewStyles: [],
  },
  notFoundPage: "/404.html",
  robots: true,
  manifest: { enabled: true, shortName: "", icons: [], themeColor: "#ffffff", backgroundColor: "#ffffff" },
  dateRange: { from: 1900, yearsAhead: 100 },
  now: undefined,
} as const satisfies NewsroomOptions;

/** Merges user options over the defaults (without touching either) and validates the result. */
export function resolveOptions(user: NewsroomUserOptions = {}): NewsroomOptions {
  if (user === null || typeof user !== "object" || Array.isArray(user)) {
    throw new NewsroomError(`options must be an object, found ${describe(user)}`);
  }
  const merged: NewsroomOptions = {
    ...defaults,
    ...definedOnly(user),
    site: { ...defaults.site, ...definedOnly(user.site ?? {}) },
    layouts: { ...defaults.layouts, ...definedOnly(user.layouts ?? {}) },
    archives: { ...defaults.archives, ...definedOnly(user.archives ?? {}) },
    search: { ...defaults.search, ...definedOnly(user.search ?? {}) },
    feeds: { ...defaults.feeds, ...definedOnly(user.feeds ?? {}) },
    offline: { ...defaults.offline, ...definedOnly(user.offline ?? {}) },
    dateRange: { ...defaults.dateRange, ...definedOnly(user.dateRange ?? {}) },
    sections: { ...defaults.sections, ...definedOnly(user.sections ?? {}) },
    tags: { ...defaults.tags, ...definedOnly(user.tags ?? {}) },
    images: { ...defaults.images, ...definedOnly(user.images ?? {}) },
    related: { ...defaults.related, ...definedOnly(user.related ?? {}) },
    frontPage: { ...defaults.frontPage, ...definedOnly(user.frontPage ?? {}) },
    newPost: { ...defaults.newPost, ...definedOnly(user.newPost ?? {}) },
    markdown: { ...defaults.markdown, ...definedOnly(user.markdown ?? {}) },
    manifest: { ...defaults.manifest, ...definedOnly(user.manifest ?? {}) },
    cms: { ...defaults.cms, ...definedOnly(user.cms ?? {}) },
  } as NewsroomOptions;
  const problems = validateOptions(merged, user);
  if (problems.length > 0) {
    throw new NewsroomError(`invalid plugin options:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
  if (!merged.site.language) merged.site = { ...merged.site, language: merged.locale };
  return merged;
}

function definedOnly<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const KNOWN_KEYS = new Set(Object.keys(defaults));

function validateOptions(o: NewsroomOptions, user: NewsroomUserOptions): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, field: string, expected: string, value: unknown) => {
    if (!ok) problems.push(`${field}: expected ${expected}, found ${describe(value)}`);
  };
  /** Reports what a check found wrong with a value (nothing when it found no problem). */
  const report = (field: string, problem: string | undefined, value: unknown) => {
    if (problem !== undefined) expect(false, field, problem, value);
  };
  for (const key of Object.keys(user)) {
    if (!KNOWN_KEYS.has(key)) {
      problems.push(`${key}: unknown option (known: ${[...KNOWN_KEYS].join(", ")})`);
    }
  }
  expect(
    typeof o.locale === "string" && isSupportedLocale(o.locale),
    "locale",
    'a BCP 47 locale supported by Intl, such as "vi" or "en"',
    o.locale,
  );
  expect(
    typeof o.timeZone === "string" && IANAZone.isValidZone(o.timeZone),
    "timeZone",
    'an IANA time zone such as "Asia/Ho_Chi_Minh" or "UTC"',
    o.timeZone,
  );
  expect(typeof o.postsDir === "string" && o.postsDir.trim() !== "", "postsDir", "a non-empty folder path", o.postsDir);
  const permalinkProblem = typeof o.permalink === "string" ? checkPermalink(o.permalink) : "a string";
  report("permalink", permalinkProblem, o.permalink);
  expect(Number.isInteger(o.pageSize) && o.pageSize >= 1, "pageSize", "a whole number of at least 1", o.pageSize);
  expect(Number.isInteger(o.wordsPerMinute) && o.wordsPerMinute >= 1, "wordsPerMinute", "a whole number of at least 1", o.wordsPerMinute);
  expect(Number.isInteger(o.excerptLength) && o.excerptLength >= 10, "excerptLength", "a whole number of at least 10", o.excerptLength);
  expect(Number.isInteger(o.dateRange.from) && o.dateRange.from >= 1, "dateRange.from", "a year such as 1900", o.dateRange.from);
  expect(
    Number.isInteger(o.dateRange.yearsAhead) && o.dateRange.yearsAhead >= 0,
    "dateRange.yearsAhead",
    "a whole number of years",
    o.dateRange.yearsAhead,
  );
  expect(o.drafts === "auto" || typeof o.drafts === "boolean", "drafts", '"auto", true or false', o.drafts);
  expect(o.now === undefined || (o.now instanceof Date && !Number.isNaN(o.now.getTime())), "now", "a valid Date", o.now);
  for (const key of ["title", "description", "url", "language"] as const) {
    expect(typeof o.site[key] === "string", `site.${key}`, "a string", o.site[key]);
  }
  if (typeof o.site.url === "string" && o.site.url !== "") {
    expect(isAbsoluteHttpUrl(o.site.url), "site.url", 'an absolute http(s) URL such as "https://news.example.org/"', o.site.url);
  }
  if (typeof o.site.language === "string" && o.site.language !== "") {
    expect(isSupportedLocale(o.site.language), "site.language", 'a BCP 47 language tag such as "vi"', o.site.language);
  }
  const archiveTokens = { year: ["yyyy"], month: ["yyyy", "MM"], day: ["yyyy", "MM", "dd"], index: [] } as const;
  for (const [level, tokens] of Object.entries(archiveTokens) as [keyof ArchivePermalinks, readonly string[]][]) {
    const pattern = o.archives[level];
    const problem = typeof pattern === "string" ? checkPattern(pattern, tokens, tokens) : "a string";
    report(`archives.${level}`, problem, pattern);
  }
  expect(typeof o.search.enabled === "boolean", "search.enabled", "true or false", o.search.enabled);
  const searchPageProblem = typeof o.search.page === "string" ? checkPattern(o.search.page, [], []) : "a string";
  report("search.page", searchPageProblem, o.search.page);
  expect(
    o.search.cache === false || (typeof o.search.cache === "string" && o.search.cache.trim() !== ""),
    "search.cache",
    'a folder such as ".cache/newsroom", or false',
    o.search.cache,
  );
  expect(
    o.search.partSize === false || (Number.isInteger(o.search.partSize) && o.search.partSize >= 1),
    "search.partSize",
    "a whole number of posts (1 or more), or false for one index",
    o.search.partSize,
  );
  expect(typeof o.feeds.enabled === "boolean", "feeds.enabled", "true or false", o.feeds.enabled);
  expect(Number.isInteger(o.feeds.limit) && o.feeds.limit >= 1, "feeds.limit", "a whole number of at least 1", o.feeds.limit);
  for (const key of ["atom", "json", "sitemap"] as const) {
    const file = o.feeds[key];
    expect(
      typeof file === "string" && /^\/[^{}]*[^/]$/.test(file),
      `feeds.${key}`,
      'a file path starting with "/", such as "/feed.xml"',
      file,
    );
  }
  expect(typeof o.offline.enabled === "boolean", "offline.enabled", "true or false", o.offline.enabled);
  const offlinePageProblem = typeof o.offline.page === "string" ? checkPattern(o.offline.page, [], []) : "a string";
  report("offline.page", offlinePageProblem, o.offline.page);
  expect(
    Number.isFinite(o.offline.fullIndexUpTo) && o.offline.fullIndexUpTo >= 0,
    "offline.fullIndexUpTo",
    "a number of bytes (0 or more)",
    o.offline.fullIndexUpTo,
  );
  expect(
    Number.isInteger(o.offline.maxPages) && o.offline.maxPages >= 1,
    "offline.maxPages",
    "a whole number of at least 1",
    o.offline.maxPages,
  );
  expect(
    Array.isArray(o.offline.precache) && o.offline.precache.every((g) => typeof g === "string" && g !== ""),
    "offline.precache",
    'a list of globs such as ["**/*.css"]',
    o.offline.precache,
  );
  for (const [group, settings] of [
    ["sections", o.sections],
    ["tags", o.tags],
  ] as const) {
    expect(typeof settings.enabled === "boolean", `${group}.enabled`, "true or false", settings.enabled);
    const urlProblem = typeof settings.url === "string" ? checkPattern(settings.url, ["slug"], ["slug"]) : "a string";
    report(`${group}.url`, urlProblem, settings.url);
    const indexProblem = typeof settings.index === "string" ? checkPattern(settings.index, [], []) : "a string";
    report(`${group}.index`, indexProblem, settings.index);
  }
  const fileProblem =
    typeof o.newPost.file !== "string" ||
    !o.newPost.file.includes("{slug}") ||
    !/\.(md|markdown)$/.test(o.newPost.file) ||
    o.newPost.file.startsWith("/") ||
    o.newPost.file.split("/").includes("..")
      ? 'a path inside the posts folder with {slug}, ending in .md, such as "{yyyy}/{MM}/{slug}.md"'
      : undefined;
  report("newPost.file", fileProblem, o.newPost.file);
  expect(
    o.markdown.setup === undefined || typeof o.markdown.setup === "function",
    "markdown.setup",
    "a function (md) => md.use(plugin)",
    o.markdown.setup,
  );
  expect(
    o.notFoundPage === "" || (typeof o.notFoundPage === "string" && /^\/[^?#]*\.html$/.test(o.notFoundPage)),
    "notFoundPage",
    'a site path ending in .html, such as "/404.html", or ""',
    o.notFoundPage,
  );
  expect(typeof o.robots === "boolean", "robots", "true or false", o.robots);
  expect(typeof o.manifest.enabled === "boolean", "manifest.enabled", "true or false", o.manifest.enabled);
  expect(typeof o.manifest.shortName === "string", "manifest.shortName", "text", o.manifest.shortName);
  expect(
    Array.isArray(o.manifest.icons) &&
      o.manifest.icons.every((i) => i && typeof i.src === "string" && typeof i.sizes === "string" && typeof i.type === "string"),
    "manifest.icons",
    'a list of { src, sizes, type }, such as [{ src: "/images/icon-512.png", sizes: "512x512", type: "image/png" }]',
    o.manifest.icons,
  );
  for (const key of ["themeColor", "backgroundColor"] as const) {
    expect(
      typeof o.manifest[key] === "string" && /^#[0-9a-f]{3,8}$/i.test(o.manifest[key]),
      `manifest.${key}`,
      'a colour such as "#8b1a1a"',
      o.manifest[key],
    );
  }
  expect(typeof o.markdown.html === "boolean", "markdown.html", "true or false", o.markdown.html);
  expect(typeof o.newPost.author === "string", "newPost.author", "a name (text)", o.newPost.author);
  expect(typeof o.sections.feeds === "boolean", "sections.feeds", "true or false", o.sections.feeds);
  for (const [key, value] of [
    ["related.count", o.related.count],
    ["related.sameSection", o.related.sameSection],
    ["frontPage.sectionPosts", o.frontPage.sectionPosts],
  ] as const) {
    expect(Number.isInteger(value) && value >= 0 && value <= 50, key, "a whole number from 0 to 50", value);
  }
  expect(typeof o.images.enabled === "boolean", "images.enabled", "true or false", o.images.enabled);
  expect(
    Array.isArray(o.images.widths) &&
      o.images.widths.length > 0 &&
      o.images.widths.every((w) => Number.isInteger(w) && w >= 16 && w <= 8000),
    "images.widths",
    "a list of widths in pixels, such as [480, 800, 1200]",
    o.images.widths,
  );
  expect(
    Array.isArray(o.images.formats) &&
      o.images.formats.every((f) => ["avif", "webp", "jpeg", "png"].includes(f)) &&
      o.images.formats.some((f) => f === "jpeg" || f === "png"),
    "images.formats",
    'a list of "avif", "webp", "jpeg", "png" with "jpeg" or "png" among them (for browsers and crawlers that read nothing else), such as ["avif", "webp", "jpeg"]',
    o.images.formats,
  );
  const imageUrlProblem = typeof o.images.url === "string" ? checkPattern(o.images.url, [], []) : "a string";
  report("images.url", imageUrlProblem, o.images.url);
  expect(typeof o.images.cache === "string" && o.images.cache.trim() !== "", "images.cache", "a folder path", o.images.cache);
  expect(typeof o.frontPage.lead === "boolean", "frontPage.lead", "true or false", o.frontPage.lead);
  expect(typeof o.lunarDate === "boolean", "lunarDate", "true or false", o.lunarDate);
  expect(typeof o.font === "boolean", "font", "true or false", o.font);
  expect(typeof o.cms.enabled === "boolean", "cms.enabled", "true or false", o.cms.enabled);
  const cmsPathProblem = typeof o.cms.path === "string" ? checkPattern(o.cms.path, [], []) : "a string";
  report("cms.path", cmsPathProblem, o.cms.path);
  expect(
    isPlainObject(o.cms.backend) && typeof o.cms.backend.name === "string" && o.cms.backend.name.trim() !== "",
    "cms.backend",
    'Decap\'s backend settings with a name, such as { name: "github", repo: "owner/site", branch: "main" }',
    o.cms.backend,
  );
  expect(
    typeof o.cms.mediaFolder === "string" &&
      /^[^/\\]/.test(o.cms.mediaFolder) &&
      !o.cms.mediaFolder.split(/[/\\]/).some((segment) => segment === ".." || segment === ".") &&
      !/[{}\s]/.test(o.cms.mediaFolder),
    "cms.mediaFolder",
    'a folder inside the input folder, without spaces, such as "images/uploads"',
    o.cms.mediaFolder,
  );
  expect(
    typeof o.cms.localBackend === "boolean" || (typeof o.cms.localBackend === "string" && isAbsoluteHttpUrl(o.cms.localBackend)),
    "cms.localBackend",
    'true, false, or the URL of decap-server\'s API such as "http://localhost:8082/api/v1"',
    o.cms.localBackend,
  );
  expect(
    Array.isArray(o.cms.previewStyles) && o.cms.previewStyles.every((url) => typeof url === "string" && /^\/[^/]/.test(url)),
    "cms.previewStyles",
    'a list of site paths such as ["/assets/site.css"]',
    o.cms.previewStyles,
  );
  const categoriesProblem = checkSections(o.sections.categories);
  report("sections.categories", categoriesProblem, o.sections.categories);
  for (const key of ["article", "home", "archive", "archiveIndex", "search", "offline", "topic", "topicIndex"] as const) {
    expect(
      typeof o.layouts[key] === "string" && o.layouts[key].trim() !== "",
      `layouts.${key}`,
      "a layout path inside your includes folder",
      o.layouts[key],
    );
  }
  return problems;
}

/** What is wrong with a list of declared sections, or undefined. */
function checkSections(list: unknown): string | undefined {
  const expected =
    'a list of sections, each a name or { name, label?, slug? }, such as ["Thời sự", { name: "Xây dựng Đảng", slug: "xay-dung-dang" }]';
  if (!Array.isArray(list)) return expected;
  const names = new Set<string>();
  const slugs = new Set<string>();
  for (const item of list as unknown[]) {
    const entry = typeof item === "string" ? { name: item } : item;
    if (!entry || typeof entry !== "object") return expected;
    const { name, label, slug } = entry as { name?: unknown; label?: unknown; slug?: unknown };
    if (typeof name !== "string" || name.trim() === "") return `${expected} (a section without a name)`;
    if (label !== undefined && typeof label !== "string") return `${expected} (the label of "${name}" is not text)`;
    if (slug !== undefined && (typeof slug !== "string" || !isUrlSafeSlug(slug))) {
      return `${expected} (the slug of "${name}" is not lowercase ASCII letters, digits and hyphens)`;
    }
    const unslugged = sectionDeclarationProblem(typeof slug === "string" ? { name, slug } : name);
    if (unslugged) return `${expected} (${unslugged})`;
    const finalSlug = typeof slug === "string" ? slug : slugifyName(name);
    if (names.has(name)) return `${expected} ("${name}" is declared twice)`;
    if (slugs.has(finalSlug)) return `${expected} (two sections have the slug "${finalSlug}")`;
    names.add(name);
    slugs.add(finalSlug);
  }
  return undefined;
}

/** Returns what is wrong with an article permalink pattern, or undefined when it is usable. */
export function checkPermalink(pattern: string): string | undefined {
  return checkPattern(pattern, PERMALINK_TOKENS, ["slug"]);
}

/** What is wrong with a URL pattern: its shape, a missing required token, an unknown token. */
function checkPattern(pattern: string, allowed: readonly string[], required: readonly string[]): string | undefined {
  if (!pattern.startsWith("/") || !pattern.endsWith("/")) return 'a pattern that starts and ends with "/"';
  for (const token of required) {
    if (!pattern.includes(`{${token}}`)) return `a pattern containing ${required.map((t) => `"{${t}}"`).join(", ")}`;
  }
  for (const match of pattern.matchAll(/\{([^}]*)\}/g)) {
    if (!allowed.includes(match[1] ?? "")) {
      return allowed.length === 0
        ? `a fixed path without tokens (found {${match[1]}})`
        : `a pattern using only the tokens ${allowed.map((t) => `{${t}}`).join(", ")} (unknown {${match[1]}})`;
    }
  }
  return undefined;
}

function isSupportedLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
