// Written by `npm run options-table` from src/options/schema.ts: edit the schema, not this file.
// Plain types, so that the package's declarations need no zod; the compiler checks that they are
// the schema's own (z.input and z.output, test/unit/options/types.test.ts).
import type MarkdownIt from "markdown-it";

/** URL patterns of the date archives; later pages of a period get `page/{n}/` appended. */
export interface ArchivePermalinks {
  /**
   * URL of a year's archive page.
   * @default "/{yyyy}/"
   */
  year: string;
  /**
   * URL of a month's archive page (calendar and posts).
   * @default "/{yyyy}/{MM}/"
   */
  month: string;
  /**
   * URL of a day's archive page.
   * @default "/{yyyy}/{MM}/{dd}/"
   */
  day: string;
  /**
   * URL of the archive index (every year and month); the date widget's list of days is
   * `{index}days.json`.
   * @default "/archive/"
   */
  index: string;
}

/** Metadata about the site, written into every page. */
export interface SiteMetadata {
  /**
   * The site's name: header, `<title>`, feeds.
   * @default "Newsroom"
   */
  title: string;
  /**
   * One sentence about the site: the home page's meta description, the header's tagline.
   * @default ""
   */
  description: string;
  /**
   * The absolute URL the site is deployed at, such as `"https://news.example.org/"`: canonical
   * links, Open Graph, JSON-LD, feeds and the sitemap. Empty: none of those.
   * @default ""
   */
  url: string;
  /**
   * `<html lang>`, a BCP 47 tag; its language subtag is also the search index's language.
   * @default the `locale`
   */
  language: string;
}

/**
 * Full-text search of the article bodies with Pagefind, and the search page. `false`: no index, no
 * search page, no search box.
 */
export interface SearchOptions {
  /**
   * Build the Pagefind index (`/pagefind/`) and the search page.
   * @default true
   */
  enabled: boolean;
  /**
   * URL of the search page.
   * @default "/search/"
   */
  page: string;
  /**
   * Folder (from the project root) keeping the last build's index parts, each keyed by its posts'
   * content, Pagefind's version and the language: a build whose posts did not change copies it
   * instead of running Pagefind again. `false`: no cache.
   * @default ".cache/newsroom"
   */
  cache: false | string;
  /**
   * Most posts in one index: an archive up to this size is one standard Pagefind index at
   * `/pagefind/`; a bigger one is written in parts so that Pagefind's memory and a rebuild's work
   * grow with a part — the newest year at `/pagefind/` (searched first), older years grouped into
   * parts of at most this many posts, a busier year split into equal spans of months. `false`:
   * always one index. See *Search*.
   * @default 5000
   */
  partSize: false | number;
}

/** Feeds and the sitemap. They need absolute URLs: without `site.url` they are not written. */
export interface FeedOptions {
  /**
   * Write an Atom feed, a JSON feed and a sitemap (only when `site.url` is set; a warning says so
   * otherwise).
   * @default true
   */
  enabled: boolean;
  /**
   * Newest posts in each feed.
   * @default 20
   */
  limit: number;
  /**
   * Where the Atom feed is written.
   * @default "/feed.xml"
   */
  atom: string;
  /**
   * Where the JSON feed is written.
   * @default "/feed.json"
   */
  json: string;
  /**
   * Where the sitemap is written.
   * @default "/sitemap.xml"
   */
  sitemap: string;
}

/**
 * Offline reading: a service worker (Workbox) that keeps the pages a reader has visited and the
 * search files, so both work without a network. Production builds only. `false`: no worker, no
 * registration, no offline page (and a `/sw.js` that removes an earlier build's worker, see
 * `offline.unregister`).
 */
export interface OfflineOptions {
  /**
   * Write the service worker (`/sw.js`) and the offline page (production builds only).
   * @default true
   */
  enabled: boolean;
  /**
   * URL of the page shown when a page never visited is opened offline.
   * @default "/offline/"
   */
  page: string;
  /**
   * Bytes: a search index at most this big is downloaded whole with the worker (every search works
   * offline); a bigger one keeps what readers' searches fetched.
   * @default 5000000
   */
  fullIndexUpTo: number;
  /**
   * Pages kept for offline reading (the oldest visited go first).
   * @default 200
   */
  maxPages: number;
  /**
   * Globs (in the output folder) of your own files downloaded with the worker, so that every page
   * looks right offline. Newsroom's own scripts and styles and the search engine are always
   * included.
   * @default ["**\/*.css", "**\/*.woff2"]
   */
  precache: string[];
  /**
   * When offline reading is off: write a `/sw.js` that removes the worker an earlier build
   * installed in readers' browsers, with its caches (a worker stays until its script changes).
   * `false`: nothing at `/sw.js` (a worker of your own goes there).
   * @default true
   */
  unregister: boolean;
}

/**
 * Layouts of the pages the plugin creates (paths inside `_includes/`). The defaults ship with the
 * plugin; a file of the same name in your `_includes/` replaces the default.
 */
export interface LayoutNames {
  /**
   * Layout of article pages (receives `post`).
   * @default "newsroom/article.njk"
   */
  article: string;
  /**
   * Layout of the home pages (receives `home`: `posts`, `pageNumber`, `previousUrl`, `nextUrl`, and
   * on the first page only `pageCount` and `front`; pages are numbered from the oldest, see
   * *Sections and tags*).
   * @default "newsroom/home.njk"
   */
  home: string;
  /**
   * Layout of year, month and day pages (receives `archive`).
   * @default "newsroom/archive.njk"
   */
  archive: string;
  /**
   * Layout of the archive index.
   * @default "newsroom/archive-index.njk"
   */
  archiveIndex: string;
  /**
   * Layout of the search page.
   * @default "newsroom/search.njk"
   */
  search: string;
  /**
   * Layout of a section's or a tag's pages (receives `topicPage`; `topicPage.pageCount`,
   * `topic.count` and `topic.posts` on the first page only).
   * @default "newsroom/topic.njk"
   */
  topic: string;
  /**
   * Layout of the index of sections and of tags (receives `topicIndex.kind`).
   * @default "newsroom/topic-index.njk"
   */
  topicIndex: string;
  /**
   * Layout of the offline page.
   * @default "newsroom/offline.njk"
   */
  offline: string;
}

/**
 * A section the site declares: the name posts write in `category`, or that name with the label
 * menus show and the URL slug (defaults: the name, and the name slugged like titles).
 */
export type SectionDeclaration = string | { name: string; label?: string; slug?: string };

/**
 * Section pages: a page per section (a post's `category`), paginated, and an index of sections.
 * `false`: no section pages, menu or links.
 */
export interface SectionOptions {
  /**
   * Write section pages and their index.
   * @default true
   */
  enabled: boolean;
  /**
   * URL of a section's pages; `{slug}` is the section's name slugged like titles (`Xây dựng Đảng` →
   * `xay-dung-dang`).
   * @default "/chuyen-muc/{slug}/"
   */
  url: string;
  /**
   * URL of the index of sections.
   * @default "/chuyen-muc/"
   */
  index: string;
  /**
   * The site's sections in menu order, each a name or `{ name, label?, slug? }`. Declared, they
   * make the header's section menu and the search page's category filter in that order, and a post
   * with any other `category` stops the build naming it (with the nearest declared name). A name
   * with nothing a URL can be made from (`"🔥"`, `"!!!"`, Chinese) needs a `slug`. Empty: any
   * category is a section, named by its most used spelling.
   * @default []
   */
  categories: SectionDeclaration[];
  /**
   * Give each section its own Atom and JSON feed at `{section url}feed.xml` and `feed.json` (when
   * feeds are on).
   * @default true
   */
  feeds: boolean;
}

/**
 * Tag pages: a page per tag, paginated, and an index of tags. `false`: no tag pages, and an
 * article's tags are shown without links.
 */
export interface TagOptions {
  /**
   * Write tag pages and their index.
   * @default true
   */
  enabled: boolean;
  /**
   * URL of a tag's pages; two spellings with one slug (`Sông Mã`, `sông mã`) are one tag, named by
   * its most used spelling (see *Sections and tags*).
   * @default "/tag/{slug}/"
   */
  url: string;
  /**
   * URL of the index of tags.
   * @default "/tag/"
   */
  index: string;
}

/**
 * Responsive photos (@11ty/eleventy-img) of posts, the lead `image` and the images of the body; see
 * *Photos*. `false`: photos are shown as they are.
 */
export interface ImageOptions {
  /**
   * Encode local photos (.jpg, .png, .webp, .avif) into several widths and formats and write
   * `<picture>`.
   * @default true
   */
  enabled: boolean;
  /**
   * Widths of the renditions, in pixels (never wider than the photo); the widest near 1200 serves
   * Open Graph and JSON-LD.
   * @default [480, 800, 1200]
   */
  widths: number[];
  /**
   * Formats of the renditions, best first (browsers take the first they support); `jpeg` or `png`
   * among them.
   * @default ["avif", "webp", "jpeg"]
   */
  formats: ("avif" | "webp" | "jpeg" | "png")[];
  /**
   * URL folder of the renditions in the site.
   * @default "/img/"
   */
  url: string;
  /**
   * Folder (from the project root) where renditions are kept between builds: an unchanged photo is
   * not encoded again.
   * @default ".cache/newsroom-img"
   */
  cache: string;
}

/**
 * What the article page shows under the article; see *Front page and related articles*. `false`:
 * both lists off.
 */
export interface RelatedOptions {
  /**
   * Related articles ("Tin liên quan") under each article, ranked by shared tags, section and text,
   * newer first on ties; `0`: none.
   * @default 5
   */
  count: number;
  /**
   * Other articles of the article's section ("Tin cùng chuyên mục"): those published just before it
   * (just after, for the section's oldest), the related ones left out; `0`: none.
   * @default 5
   */
  sameSection: number;
}

/**
 * The front page (the home list's first page). `false`: no lead story and no section blocks, the
 * list alone.
 */
export interface FrontPageOptions {
  /**
   * Open the front page with a lead story: the newest post marked `featured: true`, else the newest
   * post.
   * @default true
   */
  lead: boolean;
  /**
   * Then a block per section (declared order, else by name) with its newest posts: how many; `0`:
   * no blocks.
   * @default 4
   */
  sectionPosts: number;
}

/** What `newsroom new "Tiêu đề"` writes. */
export interface NewPostOptions {
  /**
   * Where `newsroom new` writes a post inside `postsDir`: tokens `{yyyy}`, `{MM}`, `{dd}` (today in
   * the site's zone) and `{slug}` (the title's, as the build makes it).
   * @default "{yyyy}/{MM}/{slug}.md"
   */
  file: string;
  /**
   * The `author` of new posts (`""` leaves it out).
   * @default ""
   */
  author: string;
}

/** How post bodies are rendered. */
export interface MarkdownOptions {
  /**
   * A function that extends the markdown renderer (markdown-it), e.g. `(md) => md.use(footnote)`
   * with any markdown-it plugin. The safety defaults are put back after it: no raw HTML (unless
   * `html`), markdown-it's link validation (no `javascript:` links), `{{ }}` and `{% %}` shown as
   * written.
   * @default none
   */
  setup?: (md: MarkdownIt) => unknown;
  /**
   * Let raw HTML in post bodies through (only where every author may run scripts on the site).
   * @default false
   */
  html: boolean;
}

/**
 * The web editor for posts (Decap CMS, which the site installs: `npm install -D decap-cms`) at
 * `cms.path`, with a `config.yml` made from these options; see *Web editor (Decap CMS)*. Off unless
 * set: `true` turns it on with its defaults, and so does an object without `enabled: false`.
 */
export interface CmsOptions {
  /**
   * Write the editor.
   * @default `true` in a `cms` object; without one, the editor is off
   */
  enabled: boolean;
  /**
   * URL folder of the editor.
   * @default "/admin/"
   */
  path: string;
  /**
   * Decap's `backend` settings as Decap documents them (`name`, `repo`, `branch`, `base_url`,
   * `auth_endpoint`…): where saved posts are committed.
   * @default { name: "git-gateway", branch: "main" }
   */
  backend: { name: string; [setting: string]: unknown };
  /**
   * Folder, inside the input folder, where images uploaded in the editor go; posts refer to them by
   * the same path from the site's root (`/images/uploads/photo.jpg`).
   * @default "images/uploads"
   */
  mediaFolder: string;
  /**
   * Let the editor save through `decap-server` on this machine (only when opened from `localhost`):
   * `true` for Decap's default (port 8081), the URL of its API for another port, `false` never.
   * @default true
   */
  localBackend: boolean | string;
  /**
   * The site's own stylesheets (site paths) for the editor's preview, after Newsroom's.
   * @default []
   */
  previewStyles: string[];
}

/** An icon of the installed site. */
export interface ManifestIcon {
  /** The icon's file, a site path such as `"/images/icon-512.png"`. */
  src: string;
  /** Its sizes, such as `"512x512"` (`"any"` for SVG). */
  sizes: string;
  /** Its media type, such as `"image/png"`. */
  type: string;
  /** What it is for: `"any"`, `"maskable"`, `"monochrome"`. */
  purpose?: string;
}

/**
 * The web app manifest, so that the offline-capable site can be installed; every page links its
 * icons as the favicon (`<link rel="icon">`, under the path prefix). `false`: no manifest and no
 * icon link (link yours in `_includes/newsroom/head.njk`).
 */
export interface ManifestOptions {
  /**
   * Write the manifest (`/manifest.webmanifest`) and link it from every page, with its icons as the
   * favicon (`<link rel="icon">`, under the path prefix).
   * @default true
   */
  enabled: boolean;
  /**
   * The short name under the installed icon.
   * @default the site's title
   */
  shortName: string;
  /**
   * Icons, site paths with their sizes and types (`[{ src, sizes, type, purpose? }]`). Empty: a
   * monogram of the site's title, drawn as SVG.
   * @default []
   */
  icons: ManifestIcon[];
  /**
   * The browser's colour around the installed site (`<meta name="theme-color">`).
   * @default "#ffffff"
   */
  themeColor: string;
  /**
   * The splash screen's background.
   * @default "#ffffff"
   */
  backgroundColor: string;
}

/**
 * Plausible post dates: a `date` or `updated` outside is taken for a typo (0000-01-01, 2109 for
 * 2019) and stops the build naming the post.
 */
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

/** The options as the plugin uses them: every field set, the defaults filled in. */
export interface NewsroomOptions {
  /**
   * BCP 47 locale of dates and interface strings. `vi` and `en` have full packs; any other locale
   * gets its dates from `Intl` and English strings.
   * @default "en"
   */
  locale: string;
  /**
   * IANA zone in which dates are read, written and grouped, such as `"Asia/Ho_Chi_Minh"`. The build
   * machine's `TZ` never matters.
   * @default "UTC"
   */
  timeZone: string;
  /**
   * Folder of the markdown posts, relative to Eleventy's input folder (searched recursively for
   * `.md`/`.markdown`; files and folders whose names start with `.`, `node_modules`, the output
   * folder and any folder `newsroom build` wrote are left out).
   * @default "posts"
   */
  postsDir: string;
  /**
   * Article URL pattern; tokens `{yyyy}` `{MM}` `{dd}` (the date in the site's zone) and `{slug}`,
   * which is required. Starts and ends with `/`.
   * @default "/{yyyy}/{MM}/{dd}/{slug}/"
   */
  permalink: string;
  /** URL patterns of the date archives; later pages of a period get `page/{n}/` appended. */
  archives: ArchivePermalinks;
  /**
   * Posts per page on the home page and on month and day pages; also the latest posts on a year
   * page.
   * @default 10
   */
  pageSize: number;
  /** Metadata about the site, written into every page. */
  site: SiteMetadata;
  /**
   * Full-text search of the article bodies with Pagefind, and the search page. `false`: no index,
   * no search page, no search box.
   */
  search: SearchOptions;
  /** Feeds and the sitemap. They need absolute URLs: without `site.url` they are not written. */
  feeds: FeedOptions;
  /**
   * Offline reading: a service worker (Workbox) that keeps the pages a reader has visited and the
   * search files, so both work without a network. Production builds only. `false`: no worker, no
   * registration, no offline page (and a `/sw.js` that removes an earlier build's worker, see
   * `offline.unregister`).
   */
  offline: OfflineOptions;
  /**
   * Layouts of the pages the plugin creates (paths inside `_includes/`). The defaults ship with the
   * plugin; a file of the same name in your `_includes/` replaces the default.
   */
  layouts: LayoutNames;
  /**
   * Publish drafts and future-dated posts? `"auto"`: only under the dev server
   * (`--serve`/`--watch`), never in a production build.
   * @default "auto"
   */
  drafts: "auto" | boolean;
  /**
   * Reading speed for the `readingTime` filter.
   * @default 200
   */
  wordsPerMinute: number;
  /**
   * Characters of a body excerpt when a post has no `summary`.
   * @default 200
   */
  excerptLength: number;
  /**
   * Section pages: a page per section (a post's `category`), paginated, and an index of sections.
   * `false`: no section pages, menu or links.
   */
  sections: SectionOptions;
  /**
   * Tag pages: a page per tag, paginated, and an index of tags. `false`: no tag pages, and an
   * article's tags are shown without links.
   */
  tags: TagOptions;
  /**
   * Responsive photos (@11ty/eleventy-img) of posts, the lead `image` and the images of the body;
   * see *Photos*. `false`: photos are shown as they are.
   */
  images: ImageOptions;
  /**
   * What the article page shows under the article; see *Front page and related articles*. `false`:
   * both lists off.
   */
  related: RelatedOptions;
  /**
   * The front page (the home list's first page). `false`: no lead story and no section blocks, the
   * list alone.
   */
  frontPage: FrontPageOptions;
  /**
   * Self-host Be Vietnam Pro (Vietnamese and Latin, regular and bold, 53 KB, preloaded) for
   * headings and text; `false`: the system's fonts. See *Typography*.
   * @default true
   */
  font: boolean;
  /**
   * Add the date in the Vietnamese lunar calendar to the article's date line: "Ngày 18 tháng 10 năm
   * 2019 (20/9 năm Kỷ Hợi)".
   * @default false
   */
  lunarDate: boolean;
  /** What `newsroom new "Tiêu đề"` writes. */
  newPost: NewPostOptions;
  /** How post bodies are rendered. */
  markdown: MarkdownOptions;
  /**
   * The web editor for posts (Decap CMS, which the site installs: `npm install -D decap-cms`) at
   * `cms.path`, with a `config.yml` made from these options; see *Web editor (Decap CMS)*. Off
   * unless set: `true` turns it on with its defaults, and so does an object without `enabled:
   * false`.
   */
  cms: CmsOptions;
  /**
   * The page hosts serve for a missing URL: in the site's language, with the search box and the
   * date widget, working at any depth and under a path prefix. `""`: none.
   * @default "/404.html"
   */
  notFoundPage: string;
  /**
   * Write `/robots.txt` (everything allowed, the sitemap named when there is one).
   * @default true
   */
  robots: boolean;
  /**
   * The web app manifest, so that the offline-capable site can be installed; every page links its
   * icons as the favicon (`<link rel="icon">`, under the path prefix). `false`: no manifest and no
   * icon link (link yours in `_includes/newsroom/head.njk`).
   */
  manifest: ManifestOptions;
  /**
   * Plausible post dates: a `date` or `updated` outside is taken for a typo (0000-01-01, 2109 for
   * 2019) and stops the build naming the post.
   */
  dateRange: DateRange;
  /**
   * The instant that separates published from future-dated posts (tests pin it).
   * @default the build's start
   */
  now?: Date;
}

/**
 * What `eleventyConfig.addPlugin(newsroom, options)` accepts: every option optional, a group's
 * fields too; an optional feature also `true` (on, with its defaults) or `false` (off).
 */
export interface NewsroomUserOptions {
  /**
   * BCP 47 locale of dates and interface strings. `vi` and `en` have full packs; any other locale
   * gets its dates from `Intl` and English strings.
   * @default "en"
   */
  locale?: string;
  /**
   * IANA zone in which dates are read, written and grouped, such as `"Asia/Ho_Chi_Minh"`. The build
   * machine's `TZ` never matters.
   * @default "UTC"
   */
  timeZone?: string;
  /**
   * Folder of the markdown posts, relative to Eleventy's input folder (searched recursively for
   * `.md`/`.markdown`; files and folders whose names start with `.`, `node_modules`, the output
   * folder and any folder `newsroom build` wrote are left out).
   * @default "posts"
   */
  postsDir?: string;
  /**
   * Article URL pattern; tokens `{yyyy}` `{MM}` `{dd}` (the date in the site's zone) and `{slug}`,
   * which is required. Starts and ends with `/`.
   * @default "/{yyyy}/{MM}/{dd}/{slug}/"
   */
  permalink?: string;
  /** URL patterns of the date archives; later pages of a period get `page/{n}/` appended. */
  archives?: Partial<ArchivePermalinks>;
  /**
   * Posts per page on the home page and on month and day pages; also the latest posts on a year
   * page.
   * @default 10
   */
  pageSize?: number;
  /** Metadata about the site, written into every page. */
  site?: Partial<SiteMetadata>;
  /**
   * Full-text search of the article bodies with Pagefind, and the search page. `false`: no index,
   * no search page, no search box.
   */
  search?: boolean | Partial<SearchOptions>;
  /** Feeds and the sitemap. They need absolute URLs: without `site.url` they are not written. */
  feeds?: boolean | Partial<FeedOptions>;
  /**
   * Offline reading: a service worker (Workbox) that keeps the pages a reader has visited and the
   * search files, so both work without a network. Production builds only. `false`: no worker, no
   * registration, no offline page (and a `/sw.js` that removes an earlier build's worker, see
   * `offline.unregister`).
   */
  offline?: boolean | Partial<OfflineOptions>;
  /**
   * Layouts of the pages the plugin creates (paths inside `_includes/`). The defaults ship with the
   * plugin; a file of the same name in your `_includes/` replaces the default.
   */
  layouts?: Partial<LayoutNames>;
  /**
   * Publish drafts and future-dated posts? `"auto"`: only under the dev server
   * (`--serve`/`--watch`), never in a production build.
   * @default "auto"
   */
  drafts?: "auto" | boolean;
  /**
   * Reading speed for the `readingTime` filter.
   * @default 200
   */
  wordsPerMinute?: number;
  /**
   * Characters of a body excerpt when a post has no `summary`.
   * @default 200
   */
  excerptLength?: number;
  /**
   * Section pages: a page per section (a post's `category`), paginated, and an index of sections.
   * `false`: no section pages, menu or links.
   */
  sections?: boolean | Partial<SectionOptions>;
  /**
   * Tag pages: a page per tag, paginated, and an index of tags. `false`: no tag pages, and an
   * article's tags are shown without links.
   */
  tags?: boolean | Partial<TagOptions>;
  /**
   * Responsive photos (@11ty/eleventy-img) of posts, the lead `image` and the images of the body;
   * see *Photos*. `false`: photos are shown as they are.
   */
  images?: boolean | Partial<ImageOptions>;
  /**
   * What the article page shows under the article; see *Front page and related articles*. `false`:
   * both lists off.
   */
  related?: boolean | Partial<RelatedOptions>;
  /**
   * The front page (the home list's first page). `false`: no lead story and no section blocks, the
   * list alone.
   */
  frontPage?: boolean | Partial<FrontPageOptions>;
  /**
   * Self-host Be Vietnam Pro (Vietnamese and Latin, regular and bold, 53 KB, preloaded) for
   * headings and text; `false`: the system's fonts. See *Typography*.
   * @default true
   */
  font?: boolean;
  /**
   * Add the date in the Vietnamese lunar calendar to the article's date line: "Ngày 18 tháng 10 năm
   * 2019 (20/9 năm Kỷ Hợi)".
   * @default false
   */
  lunarDate?: boolean;
  /** What `newsroom new "Tiêu đề"` writes. */
  newPost?: Partial<NewPostOptions>;
  /** How post bodies are rendered. */
  markdown?: Partial<MarkdownOptions>;
  /**
   * The web editor for posts (Decap CMS, which the site installs: `npm install -D decap-cms`) at
   * `cms.path`, with a `config.yml` made from these options; see *Web editor (Decap CMS)*. Off
   * unless set: `true` turns it on with its defaults, and so does an object without `enabled:
   * false`.
   */
  cms?: boolean | Partial<CmsOptions>;
  /**
   * The page hosts serve for a missing URL: in the site's language, with the search box and the
   * date widget, working at any depth and under a path prefix. `""`: none.
   * @default "/404.html"
   */
  notFoundPage?: string;
  /**
   * Write `/robots.txt` (everything allowed, the sitemap named when there is one).
   * @default true
   */
  robots?: boolean;
  /**
   * The web app manifest, so that the offline-capable site can be installed; every page links its
   * icons as the favicon (`<link rel="icon">`, under the path prefix). `false`: no manifest and no
   * icon link (link yours in `_includes/newsroom/head.njk`).
   */
  manifest?: boolean | Partial<ManifestOptions>;
  /**
   * Plausible post dates: a `date` or `updated` outside is taken for a typo (0000-01-01, 2109 for
   * 2019) and stops the build naming the post.
   */
  dateRange?: Partial<DateRange>;
  /**
   * The instant that separates published from future-dated posts (tests pin it).
   * @default the build's start
   */
  now?: Date;
}
