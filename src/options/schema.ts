/**
 * Every option of `eleventyConfig.addPlugin(newsroom, options)`, declared once: one schema per
 * group, each field with its default, its description and what a wrong value is told; the root
 * schema composes the groups and adds the checks that span them. Unknown keys are refused at
 * every depth. The types (types.ts), the README's options table and the checks all come from here:
 * after an edit, `npm run options-table` writes the first two again (a test compares them).
 */
import type MarkdownIt from "markdown-it";
import { z } from "zod";
import {
  expectation,
  feature,
  flag,
  group,
  httpUrl,
  isAbsoluteHttpUrl,
  locale,
  nonBlank,
  option,
  permalinkPattern,
  sectionList,
  sectionsExpected,
  sitePath,
  text,
  timeZone,
  urlPattern,
  wholeNumber,
} from "./fields.ts";

const LOCALE_EXPECTED = 'a BCP 47 locale supported by Intl, such as "vi" or "en"';
const WHOLE_FROM_1 = "a whole number of at least 1";
const TRUE_OR_FALSE = "true or false";
const A_STRING = "a string";
const UP_TO_50 = "a whole number from 0 to 50";
const LAYOUT = "a layout path inside your includes folder";
const COLOUR = 'a colour such as "#8b1a1a"';
const FEED_FILE = 'a file path starting with "/", such as "/feed.xml"';

const enabled = (description: string, shownDefault?: string) =>
  option(flag().default(true), { description, expected: TRUE_OR_FALSE, ...(shownDefault ? { shownDefault } : {}) });
const layout = (file: string, description: string) => option(nonBlank().default(`newsroom/${file}`), { description, expected: LAYOUT });
const feedFile = (file: string, description: string) =>
  option(
    z
      .string()
      .regex(/^\/[^{}]*[^/]$/)
      .default(file),
    { description, expected: FEED_FILE },
  );
const colour = (description: string) =>
  option(
    z
      .string()
      .regex(/^#[0-9a-f]{3,8}$/i)
      .default("#ffffff"),
    { description, expected: COLOUR },
  );

const siteOptions = group(
  {
    title: option(text().default("Newsroom"), { description: "The site's name: header, `<title>`, feeds.", expected: A_STRING }),
    description: option(text().default(""), {
      description: "One sentence about the site: the home page's meta description, the header's tagline.",
      expected: A_STRING,
    }),
    url: option(z.union([z.literal(""), httpUrl()]).default(""), {
      description:
        'The absolute URL the site is deployed at, such as `"https://news.example.org/"`: canonical links, Open Graph, JSON-LD, feeds and the sitemap. Empty: none of those.',
      expected: (value) => (typeof value === "string" ? 'an absolute http(s) URL such as "https://news.example.org/"' : A_STRING),
    }),
    language: option(z.union([z.literal(""), locale()]).default(""), {
      description: "`<html lang>`, a BCP 47 tag; its language subtag is also the search index's language.",
      shownDefault: "the `locale`",
      expected: (value) => (typeof value === "string" ? 'a BCP 47 language tag such as "vi"' : A_STRING),
    }),
  },
  {
    description: "Metadata about the site, written into every page.",
    typeName: "SiteMetadata",
    expected: 'the site\'s settings, an object such as { title: "Báo Sơn La", url: "https://baosonla.example.vn/" }',
  },
);

const archiveOptions = group(
  {
    year: option(urlPattern(["yyyy"]).default("/{yyyy}/"), { description: "URL of a year's archive page.", expected: A_STRING }),
    month: option(urlPattern(["yyyy", "MM"]).default("/{yyyy}/{MM}/"), {
      description: "URL of a month's archive page (calendar and posts).",
      expected: A_STRING,
    }),
    day: option(urlPattern(["yyyy", "MM", "dd"]).default("/{yyyy}/{MM}/{dd}/"), {
      description: "URL of a day's archive page.",
      expected: A_STRING,
    }),
    index: option(sitePath().default("/archive/"), {
      description: "URL of the archive index (every year and month); the date widget's list of days is `{index}days.json`.",
      expected: A_STRING,
    }),
  },
  {
    description: "URL patterns of the date archives; later pages of a period get `page/{n}/` appended.",
    typeName: "ArchivePermalinks",
  },
);

const searchOptions = feature(
  {
    enabled: enabled("Build the Pagefind index (`/pagefind/`) and the search page."),
    page: option(sitePath().default("/search/"), { description: "URL of the search page.", expected: A_STRING }),
    cache: option(z.union([z.literal(false), nonBlank()]).default(".cache/newsroom"), {
      description:
        "Folder (from the project root) keeping the last build's index parts, each keyed by its posts' content, Pagefind's version and the language: a build whose posts did not change copies it instead of running Pagefind again. `false`: no cache.",
      expected: 'a folder such as ".cache/newsroom", or false',
    }),
    partSize: option(z.union([z.literal(false), wholeNumber(1)]).default(5000), {
      description:
        "Most posts in one index: an archive up to this size is one standard Pagefind index at `/pagefind/`; a bigger one is written in parts so that Pagefind's memory and a rebuild's work grow with a part — the newest year at `/pagefind/` (searched first), older years grouped into parts of at most this many posts, a busier year split into equal spans of months. `false`: always one index. See *Search*.",
      expected: "a whole number of posts (1 or more), or false for one index",
    }),
  },
  {
    description:
      "Full-text search of the article bodies with Pagefind, and the search page. `false`: no index, no search page, no search box.",
    typeName: "SearchOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);

const feedOptions = feature(
  {
    enabled: enabled("Write an Atom feed, a JSON feed and a sitemap (only when `site.url` is set; a warning says so otherwise)."),
    limit: option(wholeNumber(1).default(20), { description: "Newest posts in each feed.", expected: WHOLE_FROM_1 }),
    atom: feedFile("/feed.xml", "Where the Atom feed is written."),
    json: feedFile("/feed.json", "Where the JSON feed is written."),
    sitemap: feedFile("/sitemap.xml", "Where the sitemap is written."),
  },
  {
    description: "Feeds and the sitemap. They need absolute URLs: without `site.url` they are not written.",
    typeName: "FeedOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);

const offlineOptions = feature(
  {
    enabled: enabled("Write the service worker (`/sw.js`) and the offline page (production builds only)."),
    page: option(sitePath().default("/offline/"), {
      description: "URL of the page shown when a page never visited is opened offline.",
      expected: A_STRING,
    }),
    fullIndexUpTo: option(z.number().min(0).default(5_000_000), {
      description:
        "Bytes: a search index at most this big is downloaded whole with the worker (every search works offline); a bigger one keeps what readers' searches fetched.",
      expected: "a number of bytes (0 or more)",
    }),
    maxPages: option(wholeNumber(1).default(200), {
      description: "Pages kept for offline reading (the oldest visited go first).",
      expected: WHOLE_FROM_1,
    }),
    precache: option(z.array(z.string().min(1)).default(["**/*.css", "**/*.woff2"]), {
      description:
        "Globs (in the output folder) of your own files downloaded with the worker, so that every page looks right offline. Newsroom's own scripts and styles and the search engine are always included.",
      expected: 'a list of globs such as ["**/*.css"]',
    }),
    unregister: option(flag().default(true), {
      description:
        "When offline reading is off: write a `/sw.js` that removes the worker an earlier build installed in readers' browsers, with its caches (a worker stays until its script changes). `false`: nothing at `/sw.js` (a worker of your own goes there).",
      expected: TRUE_OR_FALSE,
    }),
  },
  {
    description:
      "Offline reading: a service worker (Workbox) that keeps the pages a reader has visited and the search files, so both work without a network. Production builds only. `false`: no worker, no registration, no offline page (and a `/sw.js` that removes an earlier build's worker, see `offline.unregister`).",
    typeName: "OfflineOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);

const sectionOptions = feature(
  {
    enabled: enabled("Write section pages and their index."),
    url: option(urlPattern(["slug"]).default("/chuyen-muc/{slug}/"), {
      description: "URL of a section's pages; `{slug}` is the section's name slugged like titles (`Xây dựng Đảng` → `xay-dung-dang`).",
      expected: A_STRING,
    }),
    index: option(sitePath().default("/chuyen-muc/"), { description: "URL of the index of sections.", expected: A_STRING }),
    categories: option(sectionList().default([]), {
      description:
        'The site\'s sections in menu order, each a name or `{ name, label?, slug? }`. Declared, they make the header\'s section menu and the search page\'s category filter in that order, and a post with any other `category` stops the build naming it (with the nearest declared name). A name with nothing a URL can be made from (`"🔥"`, `"!!!"`, Chinese) needs a `slug`. Empty: any category is a section, named by its most used spelling.',
      expected: sectionsExpected,
    }),
    feeds: option(flag().default(true), {
      description: "Give each section its own Atom and JSON feed at `{section url}feed.xml` and `feed.json` (when feeds are on).",
      expected: TRUE_OR_FALSE,
    }),
  },
  {
    description:
      "Section pages: a page per section (a post's `category`), paginated, and an index of sections. `false`: no section pages, menu or links.",
    typeName: "SectionOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);

const tagOptions = feature(
  {
    enabled: enabled("Write tag pages and their index."),
    url: option(urlPattern(["slug"]).default("/tag/{slug}/"), {
      description:
        "URL of a tag's pages; two spellings with one slug (`Sông Mã`, `sông mã`) are one tag, named by its most used spelling (see *Sections and tags*).",
      expected: A_STRING,
    }),
    index: option(sitePath().default("/tag/"), { description: "URL of the index of tags.", expected: A_STRING }),
  },
  {
    description:
      "Tag pages: a page per tag, paginated, and an index of tags. `false`: no tag pages, and an article's tags are shown without links.",
    typeName: "TagOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);

const IMAGE_FORMATS = ["avif", "webp", "jpeg", "png"] as const;
const imageOptions = feature(
  {
    enabled: enabled("Encode local photos (.jpg, .png, .webp, .avif) into several widths and formats and write `<picture>`."),
    widths: option(z.array(wholeNumber(16, 8000)).min(1).default([480, 800, 1200]), {
      description: "Widths of the renditions, in pixels (never wider than the photo); the widest near 1200 serves Open Graph and JSON-LD.",
      expected: "a list of widths in pixels, such as [480, 800, 1200]",
    }),
    formats: option(
      z
        .array(z.enum(IMAGE_FORMATS))
        .refine((formats) => formats.some((f) => f === "jpeg" || f === "png"))
        .default(["avif", "webp", "jpeg"]),
      {
        description: "Formats of the renditions, best first (browsers take the first they support); `jpeg` or `png` among them.",
        expected:
          'a list of "avif", "webp", "jpeg", "png" with "jpeg" or "png" among them (for browsers and crawlers that read nothing else), such as ["avif", "webp", "jpeg"]',
      },
    ),
    url: option(sitePath().default("/img/"), { description: "URL folder of the renditions in the site.", expected: A_STRING }),
    cache: option(nonBlank().default(".cache/newsroom-img"), {
      description: "Folder (from the project root) where renditions are kept between builds: an unchanged photo is not encoded again.",
      expected: "a folder path",
    }),
  },
  {
    description:
      "Responsive photos (@11ty/eleventy-img) of posts, the lead `image` and the images of the body; see *Photos*. `false`: photos are shown as they are.",
    typeName: "ImageOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);

const relatedOptions = feature(
  {
    count: option(wholeNumber(0, 50).default(5), {
      description:
        'Related articles ("Tin liên quan") under each article, ranked by shared tags, section and text, newer first on ties; `0`: none.',
      expected: UP_TO_50,
    }),
    sameSection: option(wholeNumber(0, 50).default(5), {
      description: 'The newest other articles of the article\'s section ("Tin cùng chuyên mục"); `0`: none.',
      expected: UP_TO_50,
    }),
  },
  {
    description: "What the article page shows under the article; see *Front page and related articles*. `false`: both lists off.",
    typeName: "RelatedOptions",
    absent: {},
    off: { count: 0, sameSection: 0 },
  },
);

const frontPageOptions = feature(
  {
    lead: option(flag().default(true), {
      description: "Open the front page with a lead story: the newest post marked `featured: true`, else the newest post.",
      expected: TRUE_OR_FALSE,
    }),
    sectionPosts: option(wholeNumber(0, 50).default(4), {
      description: "Then a block per section (declared order, else by name) with its newest posts: how many; `0`: no blocks.",
      expected: UP_TO_50,
    }),
  },
  {
    description: "The front page (the home list's first page). `false`: no lead story and no section blocks, the list alone.",
    typeName: "FrontPageOptions",
    absent: {},
    off: { lead: false, sectionPosts: 0 },
  },
);

const manifestOptions = feature(
  {
    enabled: enabled(
      'Write the manifest (`/manifest.webmanifest`) and link it from every page, with its icons as the favicon (`<link rel="icon">`, under the path prefix).',
    ),
    shortName: option(text().default(""), {
      description: "The short name under the installed icon.",
      shownDefault: "the site's title",
      expected: "text",
    }),
    icons: option(
      z
        .array(
          option(
            z.strictObject({
              src: option(z.string(), { description: 'The icon\'s file, a site path such as `"/images/icon-512.png"`.' }),
              sizes: option(z.string(), { description: 'Its sizes, such as `"512x512"` (`"any"` for SVG).' }),
              type: option(z.string(), { description: 'Its media type, such as `"image/png"`.' }),
              purpose: option(z.string().optional(), { description: 'What it is for: `"any"`, `"maskable"`, `"monochrome"`.' }),
            }),
            {
              description: "An icon of the installed site.",
              typeName: "ManifestIcon",
            },
          ),
        )
        .default([]),
      {
        description:
          "Icons, site paths with their sizes and types (`[{ src, sizes, type, purpose? }]`). Empty: a monogram of the site's title, drawn as SVG.",
        expected: 'a list of { src, sizes, type }, such as [{ src: "/images/icon-512.png", sizes: "512x512", type: "image/png" }]',
      },
    ),
    themeColor: colour('The browser\'s colour around the installed site (`<meta name="theme-color">`).'),
    backgroundColor: colour("The splash screen's background."),
  },
  {
    description:
      'The web app manifest, so that the offline-capable site can be installed; every page links its icons as the favicon (`<link rel="icon">`, under the path prefix). `false`: no manifest and no icon link (link yours in `_includes/newsroom/head.njk`).',
    typeName: "ManifestOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);

const markdownOptions = group(
  {
    setup: option(z.custom<(md: MarkdownIt) => unknown>((value) => typeof value === "function").optional(), {
      description:
        "A function that extends the markdown renderer (markdown-it), e.g. `(md) => md.use(footnote)` with any markdown-it plugin. The safety defaults are put back after it: no raw HTML (unless `html`), markdown-it's link validation (no `javascript:` links), `{{ }}` and `{% %}` shown as written.",
      shownDefault: "none",
      tsType: "(md: MarkdownIt) => unknown",
      expected: "a function (md) => md.use(plugin)",
    }),
    html: option(flag().default(false), {
      description: "Let raw HTML in post bodies through (only where every author may run scripts on the site).",
      expected: TRUE_OR_FALSE,
    }),
  },
  { description: "How post bodies are rendered.", typeName: "MarkdownOptions" },
);

const NEW_POST_FILE = 'a path inside the posts folder with {slug}, ending in .md, such as "{yyyy}/{MM}/{slug}.md"';
const newPostOptions = group(
  {
    file: option(
      z
        .string()
        .refine(
          (file) => file.includes("{slug}") && /\.(md|markdown)$/.test(file) && !file.startsWith("/") && !file.split("/").includes(".."),
        )
        .default("{yyyy}/{MM}/{slug}.md"),
      {
        description:
          "Where `newsroom new` writes a post inside `postsDir`: tokens `{yyyy}`, `{MM}`, `{dd}` (today in the site's zone) and `{slug}` (the title's, as the build makes it).",
        expected: NEW_POST_FILE,
      },
    ),
    author: option(text().default(""), { description: 'The `author` of new posts (`""` leaves it out).', expected: "a name (text)" }),
  },
  { description: 'What `newsroom new "Tiêu đề"` writes.', typeName: "NewPostOptions" },
);

const DEFAULT_BACKEND = { name: "git-gateway", branch: "main" };
const cmsOptions = feature(
  {
    enabled: enabled("Write the editor.", "`true` in a `cms` object; without one, the editor is off"),
    path: option(sitePath().default("/admin/"), { description: "URL folder of the editor.", expected: A_STRING }),
    backend: option(z.looseObject({ name: nonBlank() }).default(DEFAULT_BACKEND), {
      description:
        "Decap's `backend` settings as Decap documents them (`name`, `repo`, `branch`, `base_url`, `auth_endpoint`…): where saved posts are committed.",
      tsType: "{ name: string; [setting: string]: unknown }",
      expected: 'Decap\'s backend settings with a name, such as { name: "github", repo: "owner/site", branch: "main" }',
    }),
    mediaFolder: option(
      z
        .string()
        .refine(
          (folder) =>
            /^[^/\\]/.test(folder) &&
            !folder.split(/[/\\]/).some((segment) => segment === ".." || segment === ".") &&
            !/[{}\s]/.test(folder),
        )
        .default("images/uploads"),
      {
        description:
          "Folder, inside the input folder, where images uploaded in the editor go; posts refer to them by the same path from the site's root (`/images/uploads/photo.jpg`).",
        expected: 'a folder inside the input folder, without spaces, such as "images/uploads"',
      },
    ),
    localBackend: option(z.union([z.boolean(), z.string().refine(isAbsoluteHttpUrl)]).default(true), {
      description:
        "Let the editor save through `decap-server` on this machine (only when opened from `localhost`): `true` for Decap's default (port 8081), the URL of its API for another port, `false` never.",
      expected: 'true, false, or the URL of decap-server\'s API such as "http://localhost:8082/api/v1"',
    }),
    previewStyles: option(z.array(z.string().regex(/^\/[^/]/)).default([]), {
      description: "The site's own stylesheets (site paths) for the editor's preview, after Newsroom's.",
      expected: 'a list of site paths such as ["/assets/site.css"]',
    }),
  },
  {
    description:
      "The web editor for posts (Decap CMS, which the site installs: `npm install -D decap-cms`) at `cms.path`, with a `config.yml` made from these options; see *Web editor (Decap CMS)*. Off unless set: `true` turns it on with its defaults, and so does an object without `enabled: false`.",
    typeName: "CmsOptions",
    absent: { enabled: false },
    off: { enabled: false },
  },
);

const layoutOptions = group(
  {
    article: layout("article.njk", "Layout of article pages (receives `post`)."),
    home: layout("home.njk", "Layout of the home pages (receives `home`: `posts`, `pageNumber`, `pageCount`, `previousUrl`, `nextUrl`)."),
    archive: layout("archive.njk", "Layout of year, month and day pages (receives `archive`)."),
    archiveIndex: layout("archive-index.njk", "Layout of the archive index."),
    search: layout("search.njk", "Layout of the search page."),
    topic: layout("topic.njk", "Layout of a section's or a tag's pages (receives `topicPage`)."),
    topicIndex: layout("topic-index.njk", "Layout of the index of sections and of tags (receives `topicIndex.kind`)."),
    offline: layout("offline.njk", "Layout of the offline page."),
  },
  {
    description:
      "Layouts of the pages the plugin creates (paths inside `_includes/`). The defaults ship with the plugin; a file of the same name in your `_includes/` replaces the default.",
    typeName: "LayoutNames",
  },
);

const dateRangeOptions = group(
  {
    from: option(wholeNumber(1).default(1900), {
      description: "The earliest year a post's `date` or `updated` may have.",
      expected: "a year such as 1900",
    }),
    yearsAhead: option(wholeNumber(0).default(100), {
      description: "How many years after the build a post's date may be (scheduled posts).",
      expected: "a whole number of years",
    }),
  },
  {
    description:
      "Plausible post dates: a `date` or `updated` outside is taken for a typo (0000-01-01, 2109 for 2019) and stops the build naming the post.",
    typeName: "DateRange",
  },
);

/** The options, group by group: what users write, with the defaults filled in. */
export const optionGroups = z.strictObject({
  locale: option(locale().default("en"), {
    description:
      "BCP 47 locale of dates and interface strings. `vi` and `en` have full packs; any other locale gets its dates from `Intl` and English strings.",
    expected: LOCALE_EXPECTED,
  }),
  timeZone: option(timeZone().default("UTC"), {
    description:
      'IANA zone in which dates are read, written and grouped, such as `"Asia/Ho_Chi_Minh"`. The build machine\'s `TZ` never matters.',
    expected: 'an IANA time zone such as "Asia/Ho_Chi_Minh" or "UTC"',
  }),
  postsDir: option(nonBlank().default("posts"), {
    description:
      "Folder of the markdown posts, relative to Eleventy's input folder (searched recursively for `.md`/`.markdown`; files and folders whose names start with `.`, `node_modules`, the output folder and any folder `newsroom build` wrote are left out).",
    expected: "a non-empty folder path",
  }),
  permalink: option(permalinkPattern().default("/{yyyy}/{MM}/{dd}/{slug}/"), {
    description:
      "Article URL pattern; tokens `{yyyy}` `{MM}` `{dd}` (the date in the site's zone) and `{slug}`, which is required. Starts and ends with `/`.",
    expected: A_STRING,
  }),
  archives: archiveOptions,
  pageSize: option(wholeNumber(1).default(10), {
    description: "Posts per page on the home page and on month and day pages; also the latest posts on a year page.",
    expected: WHOLE_FROM_1,
  }),
  site: siteOptions,
  search: searchOptions,
  feeds: feedOptions,
  offline: offlineOptions,
  layouts: layoutOptions,
  drafts: option(z.union([z.literal("auto"), z.boolean()]).default("auto"), {
    description:
      'Publish drafts and future-dated posts? `"auto"`: only under the dev server (`--serve`/`--watch`), never in a production build.',
    expected: '"auto", true or false',
  }),
  wordsPerMinute: option(wholeNumber(1).default(200), {
    description: "Reading speed for the `readingTime` filter.",
    expected: WHOLE_FROM_1,
  }),
  excerptLength: option(wholeNumber(10).default(200), {
    description: "Characters of a body excerpt when a post has no `summary`.",
    expected: "a whole number of at least 10",
  }),
  sections: sectionOptions,
  tags: tagOptions,
  images: imageOptions,
  related: relatedOptions,
  frontPage: frontPageOptions,
  font: option(flag().default(true), {
    description:
      "Self-host Be Vietnam Pro (Vietnamese and Latin, regular and bold, 53 KB, preloaded) for headings and text; `false`: the system's fonts. See *Typography*.",
    expected: TRUE_OR_FALSE,
  }),
  lunarDate: option(flag().default(false), {
    description:
      'Add the date in the Vietnamese lunar calendar to the article\'s date line: "Ngày 18 tháng 10 năm 2019 (20/9 năm Kỷ Hợi)".',
    expected: TRUE_OR_FALSE,
  }),
  newPost: newPostOptions,
  markdown: markdownOptions,
  cms: cmsOptions,
  notFoundPage: option(z.union([z.literal(""), z.string().regex(/^\/[^?#]*\.html$/)]).default("/404.html"), {
    description:
      'The page hosts serve for a missing URL: in the site\'s language, with the search box and the date widget, working at any depth and under a path prefix. `""`: none.',
    expected: 'a site path ending in .html, such as "/404.html", or ""',
  }),
  robots: option(flag().default(true), {
    description: "Write `/robots.txt` (everything allowed, the sitemap named when there is one).",
    expected: TRUE_OR_FALSE,
  }),
  manifest: manifestOptions,
  dateRange: dateRangeOptions,
  now: option(z.date().optional(), {
    description: "The instant that separates published from future-dated posts (tests pin it).",
    shownDefault: "the build's start",
    expected: "a valid Date",
  }),
});

type Options = z.output<typeof optionGroups>;

/** The pages of which a site has one, by option ("search.page"), those of features that are off left out. */
const SINGLE_PAGES: [group: keyof Options, field: string, on: (o: Options) => boolean][] = [
  ["archives", "index", () => true],
  ["search", "page", (o) => o.search.enabled],
  ["offline", "page", (o) => o.offline.enabled],
  ["sections", "index", (o) => o.sections.enabled],
  ["tags", "index", (o) => o.tags.enabled],
  ["cms", "path", (o) => o.cms.enabled],
];

/**
 * Two of the site's single pages at one URL (or one at the home page's) would overwrite each other:
 * the option named is the one changed from its default (the other is where it always was).
 */
function sharedPages(options: Options): { path: [string, string]; url: string; other: string }[] {
  const fresh = optionGroups.parse({});
  const at = (o: Options, group: keyof Options, field: string) => (o[group] as Record<string, string>)[field]!;
  const seen = new Map<string, { name: string; path: [string, string]; moved: boolean }>([
    ["/", { name: "the home page", path: ["", ""], moved: false }],
  ]);
  const shared = [];
  for (const [group, field, on] of SINGLE_PAGES) {
    if (!on(options)) continue;
    const url = at(options, group, field);
    const page = { name: `${group}.${field}`, path: [group, field] as [string, string], moved: url !== at(fresh, group, field) };
    const first = seen.get(url);
    if (!first) seen.set(url, page);
    else if (page.moved || !first.moved) shared.push({ path: page.path, url, other: first.name });
    else shared.push({ path: first.path, url, other: page.name });
  }
  return shared;
}

/**
 * The options as the plugin uses them: the groups, checked against one another, `site.language`
 * taken from `locale` when not set.
 */
export const newsroomOptions = optionGroups
  .check((ctx) => {
    for (const { path, url, other } of sharedPages(ctx.value)) {
      ctx.issues.push(expectation(`a URL of its own (${other} is at ${JSON.stringify(url)})`, url, path));
    }
  })
  .transform((o) => (o.site.language ? o : { ...o, site: { ...o.site, language: o.locale } }));
