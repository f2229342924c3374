/**
 * Every plugin option is checked when the plugin is added: a wrong value stops the build with one
 * line per problem, "<option>: expected <what is accepted>, found <the value>", and the edge
 * values the README documents are accepted.
 */
import { describe, expect, test } from "vitest";
import { defaults, resolveOptions, type NewsroomUserOptions } from "../../../src/options/index.ts";
import { optionGroups } from "../../../src/options/schema.ts";

/** The problem lines of the error resolveOptions throws (none when it accepts the options). */
function problems(user: unknown): string[] {
  try {
    resolveOptions(user as NewsroomUserOptions);
    return [];
  } catch (error) {
    const message = (error as Error).message;
    expect(message).toMatch(/^eleventy-plugin-newsroom: invalid plugin options:\n {2}- /);
    return message
      .split("\n")
      .slice(1)
      .map((line) => line.replace(/^ {2}- /, ""));
  }
}

const starts = 'a pattern that starts and ends with "/"';
const fixed = (token: string) => `a fixed path without tokens (found {${token}})`;
const flag = (field: string, value: string) => `${field}: expected true or false, found ${value}`;

describe("each wrong value is named with what is accepted and what was found", () => {
  test.each<[string, unknown, string]>([
    ["locale not text", { locale: 42 }, 'locale: expected a BCP 47 locale supported by Intl, such as "vi" or "en", found number 42'],
    ["locale Intl does not know", { locale: "xx" }, 'locale: expected a BCP 47 locale supported by Intl, such as "vi" or "en", found "xx"'],
    [
      "timeZone",
      { timeZone: "Mars/Olympus" },
      'timeZone: expected an IANA time zone such as "Asia/Ho_Chi_Minh" or "UTC", found "Mars/Olympus"',
    ],
    ["timeZone not text", { timeZone: 7 }, 'timeZone: expected an IANA time zone such as "Asia/Ho_Chi_Minh" or "UTC", found number 7'],
    ["postsDir blank", { postsDir: "  " }, "postsDir: expected a non-empty folder path, found an empty string"],
    ["postsDir not text", { postsDir: 1 }, "postsDir: expected a non-empty folder path, found number 1"],
    ["permalink not text", { permalink: 1 }, "permalink: expected a string, found number 1"],
    ["permalink without a leading /", { permalink: "{yyyy}/{slug}/" }, `permalink: expected ${starts}, found "{yyyy}/{slug}/"`],
    ["permalink without a trailing /", { permalink: "/{yyyy}/{slug}" }, `permalink: expected ${starts}, found "/{yyyy}/{slug}"`],
    [
      "permalink token",
      { permalink: "/{yyyy}/{week}/{slug}/" },
      'permalink: expected a pattern using only the tokens {yyyy}, {MM}, {dd}, {slug} (unknown {week}), found "/{yyyy}/{week}/{slug}/"',
    ],
    [
      "permalink empty token",
      { permalink: "/{}/{slug}/" },
      'permalink: expected a pattern using only the tokens {yyyy}, {MM}, {dd}, {slug} (unknown {}), found "/{}/{slug}/"',
    ],
    ["pageSize fraction", { pageSize: 1.5 }, "pageSize: expected a whole number of at least 1, found number 1.5"],
    ["wordsPerMinute", { wordsPerMinute: 0 }, "wordsPerMinute: expected a whole number of at least 1, found number 0"],
    ["wordsPerMinute fraction", { wordsPerMinute: 200.5 }, "wordsPerMinute: expected a whole number of at least 1, found number 200.5"],
    ["excerptLength", { excerptLength: 9 }, "excerptLength: expected a whole number of at least 10, found number 9"],
    ["excerptLength fraction", { excerptLength: 10.5 }, "excerptLength: expected a whole number of at least 10, found number 10.5"],
    ["dateRange.from", { dateRange: { from: 0 } }, "dateRange.from: expected a year such as 1900, found number 0"],
    ["dateRange.from fraction", { dateRange: { from: 1900.5 } }, "dateRange.from: expected a year such as 1900, found number 1900.5"],
    ["dateRange.yearsAhead", { dateRange: { yearsAhead: -1 } }, "dateRange.yearsAhead: expected a whole number of years, found number -1"],
    [
      "dateRange.yearsAhead fraction",
      { dateRange: { yearsAhead: 0.5 } },
      "dateRange.yearsAhead: expected a whole number of years, found number 0.5",
    ],
    ["drafts", { drafts: "no" }, 'drafts: expected "auto", true or false, found "no"'],
    ["now invalid", { now: new Date("x") }, "now: expected a valid Date, found an invalid Date"],
    ["now as text", { now: "2020-01-01" }, 'now: expected a valid Date, found "2020-01-01"'],
    ["site.title", { site: { title: 1 } }, "site.title: expected a string, found number 1"],
    ["site.description", { site: { description: false } }, "site.description: expected a string, found boolean false"],
    [
      "site.url not http",
      { site: { url: "ftp://news.example.org/" } },
      'site.url: expected an absolute http(s) URL such as "https://news.example.org/", found "ftp://news.example.org/"',
    ],
    [
      "site.url not a URL",
      { site: { url: "news" } },
      'site.url: expected an absolute http(s) URL such as "https://news.example.org/", found "news"',
    ],
    [
      "site.language",
      { site: { language: "not a tag!" } },
      'site.language: expected a BCP 47 language tag such as "vi", found "not a tag!"',
    ],
    ["site.url not text", { site: { url: 1 } }, "site.url: expected a string, found number 1"],
    ["site.language not text", { site: { language: 1 } }, "site.language: expected a string, found number 1"],
    ["font", { font: "Be Vietnam Pro" }, flag("font", '"Be Vietnam Pro"')],
    ["cms.enabled", { cms: { enabled: "yes" } }, flag("cms.enabled", '"yes"')],
    ["cms.path", { cms: { path: "/admin" } }, `cms.path: expected ${starts}, found "/admin"`],
    ["cms.path not text", { cms: { path: 1 } }, "cms.path: expected a string, found number 1"],
    ["cms.path token", { cms: { path: "/{slug}/" } }, `cms.path: expected ${fixed("slug")}, found "/{slug}/"`],
    ...(
      [
        ["git-gateway", '"git-gateway"'],
        [["git-gateway"], 'the list ["git-gateway"]'],
        [null, "null"],
        [{ repo: "owner/site" }, 'the object {"repo":"owner/site"}'],
        [{ name: 1 }, 'the object {"name":1}'],
        [{ name: " " }, 'the object {"name":" "}'],
      ] as const
    ).map(
      ([backend, found]) =>
        [
          `cms.backend ${found}`,
          { cms: { backend } },
          `cms.backend: expected Decap's backend settings with a name, such as { name: "github", repo: "owner/site", branch: "main" }, found ${found}`,
        ] as [string, unknown, string],
    ),
    ...(
      [
        ["/images/uploads", '"/images/uploads"'],
        ["\\images", '"\\\\images"'],
        ["images/../../etc", '"images/../../etc"'],
        ["./images", '"./images"'],
        ["images/{slug}", '"images/{slug}"'],
        ["ảnh tải lên", '"ảnh tải lên"'],
        [1, "number 1"],
      ] as const
    ).map(
      ([mediaFolder, found]) =>
        [
          `cms.mediaFolder ${found}`,
          { cms: { mediaFolder } },
          `cms.mediaFolder: expected a folder inside the input folder, without spaces, such as "images/uploads", found ${found}`,
        ] as [string, unknown, string],
    ),
    ...(
      [
        ["localhost:8082", '"localhost:8082"'],
        ["ftp://localhost/api", '"ftp://localhost/api"'],
        [8081, "number 8081"],
      ] as const
    ).map(
      ([localBackend, found]) =>
        [
          `cms.localBackend ${found}`,
          { cms: { localBackend } },
          `cms.localBackend: expected true, false, or the URL of decap-server's API such as "http://localhost:8082/api/v1", found ${found}`,
        ] as [string, unknown, string],
    ),
    ...(
      [
        ["/assets/site.css", '"/assets/site.css"'],
        [["assets/site.css"], 'the list ["assets/site.css"]'],
        [["//cdn.example/site.css"], 'the list ["//cdn.example/site.css"]'],
        [[1], "the list [1]"],
      ] as const
    ).map(
      ([previewStyles, found]) =>
        [
          `cms.previewStyles ${found}`,
          { cms: { previewStyles } },
          `cms.previewStyles: expected a list of site paths such as ["/assets/site.css"], found ${found}`,
        ] as [string, unknown, string],
    ),
    [
      "archives.year token",
      { archives: { year: "/{yyyy}/{MM}/" } },
      'archives.year: expected a pattern using only the tokens {yyyy} (unknown {MM}), found "/{yyyy}/{MM}/"',
    ],
    [
      "archives.month tokens",
      { archives: { month: "/{yyyy}/" } },
      'archives.month: expected a pattern containing "{yyyy}", "{MM}", found "/{yyyy}/"',
    ],
    [
      "archives.day tokens",
      { archives: { day: "/{yyyy}/{MM}/" } },
      'archives.day: expected a pattern containing "{yyyy}", "{MM}", "{dd}", found "/{yyyy}/{MM}/"',
    ],
    ["archives.index", { archives: { index: "/{yyyy}/" } }, `archives.index: expected ${fixed("yyyy")}, found "/{yyyy}/"`],
    ["archives.day not text", { archives: { day: 1 } }, "archives.day: expected a string, found number 1"],
    ["search.enabled", { search: { enabled: "yes" } }, flag("search.enabled", '"yes"')],
    ["search.page", { search: { page: "/tim-kiem" } }, `search.page: expected ${starts}, found "/tim-kiem"`],
    ["search.page token", { search: { page: "/{q}/" } }, `search.page: expected ${fixed("q")}, found "/{q}/"`],
    ["search.page not text", { search: { page: true } }, "search.page: expected a string, found boolean true"],
    [
      "search.cache blank",
      { search: { cache: " " } },
      'search.cache: expected a folder such as ".cache/newsroom", or false, found an empty string',
    ],
    [
      "search.cache true",
      { search: { cache: true } },
      'search.cache: expected a folder such as ".cache/newsroom", or false, found boolean true',
    ],
    [
      "search.partSize fraction",
      { search: { partSize: 2.5 } },
      "search.partSize: expected a whole number of posts (1 or more), or false for one index, found number 2.5",
    ],
    [
      "search.partSize true",
      { search: { partSize: true } },
      "search.partSize: expected a whole number of posts (1 or more), or false for one index, found boolean true",
    ],
    ["feeds.enabled", { feeds: { enabled: 1 } }, flag("feeds.enabled", "number 1")],
    ["feeds.limit", { feeds: { limit: 0 } }, "feeds.limit: expected a whole number of at least 1, found number 0"],
    ["feeds.limit fraction", { feeds: { limit: 1.5 } }, "feeds.limit: expected a whole number of at least 1, found number 1.5"],
    [
      "feeds.atom relative",
      { feeds: { atom: "feed.xml" } },
      'feeds.atom: expected a file path starting with "/", such as "/feed.xml", found "feed.xml"',
    ],
    [
      "feeds.json a folder",
      { feeds: { json: "/feeds/" } },
      'feeds.json: expected a file path starting with "/", such as "/feed.xml", found "/feeds/"',
    ],
    [
      "feeds.sitemap token",
      { feeds: { sitemap: "/{yyyy}.xml" } },
      'feeds.sitemap: expected a file path starting with "/", such as "/feed.xml", found "/{yyyy}.xml"',
    ],
    [
      "feeds.atom inside a path",
      { feeds: { atom: "x/feed.xml" } },
      'feeds.atom: expected a file path starting with "/", such as "/feed.xml", found "x/feed.xml"',
    ],
    [
      "feeds.json not text",
      { feeds: { json: 1 } },
      'feeds.json: expected a file path starting with "/", such as "/feed.xml", found number 1',
    ],
    ["offline.enabled", { offline: { enabled: "no" } }, flag("offline.enabled", '"no"')],
    ["offline.page", { offline: { page: "/{slug}/" } }, `offline.page: expected ${fixed("slug")}, found "/{slug}/"`],
    ["offline.page not text", { offline: { page: 1 } }, "offline.page: expected a string, found number 1"],
    [
      "offline.fullIndexUpTo",
      { offline: { fullIndexUpTo: -1 } },
      "offline.fullIndexUpTo: expected a number of bytes (0 or more), found number -1",
    ],
    [
      "offline.fullIndexUpTo infinite",
      { offline: { fullIndexUpTo: Infinity } },
      "offline.fullIndexUpTo: expected a number of bytes (0 or more), found number Infinity",
    ],
    ["offline.maxPages", { offline: { maxPages: 0 } }, "offline.maxPages: expected a whole number of at least 1, found number 0"],
    [
      "offline.maxPages fraction",
      { offline: { maxPages: 1.5 } },
      "offline.maxPages: expected a whole number of at least 1, found number 1.5",
    ],
    [
      "offline.precache not a list",
      { offline: { precache: "**/*.css" } },
      'offline.precache: expected a list of globs such as ["**/*.css"], found "**/*.css"',
    ],
    [
      "offline.precache item",
      { offline: { precache: ["**/*.css", 1] } },
      'offline.precache: expected a list of globs such as ["**/*.css"], found the list ["**/*.css",1]',
    ],
    [
      "offline.precache blank item",
      { offline: { precache: [""] } },
      'offline.precache: expected a list of globs such as ["**/*.css"], found the list [""]',
    ],
    ["sections.enabled", { sections: { enabled: "yes" } }, flag("sections.enabled", '"yes"')],
    ["sections.url", { sections: { url: "/chuyen-muc/" } }, 'sections.url: expected a pattern containing "{slug}", found "/chuyen-muc/"'],
    [
      "sections.url token",
      { sections: { url: "/{yyyy}/{slug}/" } },
      'sections.url: expected a pattern using only the tokens {slug} (unknown {yyyy}), found "/{yyyy}/{slug}/"',
    ],
    ["sections.url not text", { sections: { url: 1 } }, "sections.url: expected a string, found number 1"],
    ["sections.index", { sections: { index: "chuyen-muc/" } }, `sections.index: expected ${starts}, found "chuyen-muc/"`],
    ["sections.index not text", { sections: { index: 1 } }, "sections.index: expected a string, found number 1"],
    ["sections.feeds", { sections: { feeds: "yes" } }, flag("sections.feeds", '"yes"')],
    ["tags.enabled", { tags: { enabled: 0 } }, flag("tags.enabled", "number 0")],
    ["tags.url", { tags: { url: "/tag/{name}/" } }, 'tags.url: expected a pattern containing "{slug}", found "/tag/{name}/"'],
    ["tags.index", { tags: { index: "/tag/{slug}/" } }, `tags.index: expected ${fixed("slug")}, found "/tag/{slug}/"`],
    ["markdown.setup", { markdown: { setup: "footnote" } }, 'markdown.setup: expected a function (md) => md.use(plugin), found "footnote"'],
    ["markdown.html", { markdown: { html: "yes" } }, flag("markdown.html", '"yes"')],
    [
      "notFoundPage without .html",
      { notFoundPage: "/404" },
      'notFoundPage: expected a site path ending in .html, such as "/404.html", or "", found "/404"',
    ],
    [
      "notFoundPage relative",
      { notFoundPage: "404.html" },
      'notFoundPage: expected a site path ending in .html, such as "/404.html", or "", found "404.html"',
    ],
    [
      "notFoundPage with a query",
      { notFoundPage: "/404.html?x.html" },
      'notFoundPage: expected a site path ending in .html, such as "/404.html", or "", found "/404.html?x.html"',
    ],
    [
      "notFoundPage inside a path",
      { notFoundPage: "x/404.html" },
      'notFoundPage: expected a site path ending in .html, such as "/404.html", or "", found "x/404.html"',
    ],
    [
      "notFoundPage not text",
      { notFoundPage: false },
      'notFoundPage: expected a site path ending in .html, such as "/404.html", or "", found boolean false',
    ],
    ["robots", { robots: "yes" }, flag("robots", '"yes"')],
    ["manifest.enabled", { manifest: { enabled: null } }, flag("manifest.enabled", "null")],
    ["manifest.shortName", { manifest: { shortName: 1 } }, "manifest.shortName: expected text, found number 1"],
    [
      "manifest.icons item without a type",
      { manifest: { icons: [{ src: "/i.png", sizes: "512x512" }] } },
      'manifest.icons: expected a list of { src, sizes, type }, such as [{ src: "/images/icon-512.png", sizes: "512x512", type: "image/png" }], found the list [{"src":"/i.png","sizes":"512x512"}]',
    ],
    [
      "manifest.icons item without sizes",
      { manifest: { icons: [{ src: "/i.png", type: "image/png" }] } },
      'manifest.icons: expected a list of { src, sizes, type }, such as [{ src: "/images/icon-512.png", sizes: "512x512", type: "image/png" }], found the list [{"src":"/i.png","type":"image/png"}]',
    ],
    [
      "manifest.icons item without src",
      { manifest: { icons: [{ sizes: "1x1", type: "image/png" }] } },
      'manifest.icons: expected a list of { src, sizes, type }, such as [{ src: "/images/icon-512.png", sizes: "512x512", type: "image/png" }], found the list [{"sizes":"1x1","type":"image/png"}]',
    ],
    [
      "manifest.icons empty item",
      { manifest: { icons: [null] } },
      'manifest.icons: expected a list of { src, sizes, type }, such as [{ src: "/images/icon-512.png", sizes: "512x512", type: "image/png" }], found the list [null]',
    ],
    [
      "manifest.icons not a list",
      { manifest: { icons: "/i.png" } },
      'manifest.icons: expected a list of { src, sizes, type }, such as [{ src: "/images/icon-512.png", sizes: "512x512", type: "image/png" }], found "/i.png"',
    ],
    [
      "manifest.themeColor name",
      { manifest: { themeColor: "red" } },
      'manifest.themeColor: expected a colour such as "#8b1a1a", found "red"',
    ],
    [
      "manifest.themeColor too long",
      { manifest: { themeColor: "#123456789" } },
      'manifest.themeColor: expected a colour such as "#8b1a1a", found "#123456789"',
    ],
    [
      "manifest.backgroundColor too short",
      { manifest: { backgroundColor: "#12" } },
      'manifest.backgroundColor: expected a colour such as "#8b1a1a", found "#12"',
    ],
    [
      "manifest.backgroundColor after text",
      { manifest: { backgroundColor: "x#fff" } },
      'manifest.backgroundColor: expected a colour such as "#8b1a1a", found "x#fff"',
    ],
    [
      "manifest.backgroundColor before text",
      { manifest: { backgroundColor: "#fffx" } },
      'manifest.backgroundColor: expected a colour such as "#8b1a1a", found "#fffx"',
    ],
    [
      "manifest.themeColor not text",
      { manifest: { themeColor: 0xffffff } },
      'manifest.themeColor: expected a colour such as "#8b1a1a", found number 16777215',
    ],
    ["newPost.author", { newPost: { author: 1 } }, "newPost.author: expected a name (text), found number 1"],
    ["related.count above 50", { related: { count: 51 } }, "related.count: expected a whole number from 0 to 50, found number 51"],
    ["related.count below 0", { related: { count: -1 } }, "related.count: expected a whole number from 0 to 50, found number -1"],
    [
      "related.sameSection fraction",
      { related: { sameSection: 2.5 } },
      "related.sameSection: expected a whole number from 0 to 50, found number 2.5",
    ],
    [
      "frontPage.sectionPosts",
      { frontPage: { sectionPosts: 51 } },
      "frontPage.sectionPosts: expected a whole number from 0 to 50, found number 51",
    ],
    ["frontPage.lead", { frontPage: { lead: "yes" } }, flag("frontPage.lead", '"yes"')],
    ["lunarDate", { lunarDate: "yes" }, flag("lunarDate", '"yes"')],
    ["images.enabled", { images: { enabled: 1 } }, flag("images.enabled", "number 1")],
    [
      "images.widths empty",
      { images: { widths: [] } },
      "images.widths: expected a list of widths in pixels, such as [480, 800, 1200], found the list []",
    ],
    [
      "images.widths too narrow",
      { images: { widths: [15, 800] } },
      "images.widths: expected a list of widths in pixels, such as [480, 800, 1200], found the list [15,800]",
    ],
    [
      "images.widths too wide",
      { images: { widths: [8001] } },
      "images.widths: expected a list of widths in pixels, such as [480, 800, 1200], found the list [8001]",
    ],
    [
      "images.widths fraction",
      { images: { widths: [480.5] } },
      "images.widths: expected a list of widths in pixels, such as [480, 800, 1200], found the list [480.5]",
    ],
    [
      "images.widths not a list",
      { images: { widths: 480 } },
      "images.widths: expected a list of widths in pixels, such as [480, 800, 1200], found number 480",
    ],
    ...(
      [
        [[], "the list []"],
        [["avif", "webp"], 'the list ["avif","webp"]'],
        [["jpeg", "gif"], 'the list ["jpeg","gif"]'],
        ["jpeg", '"jpeg"'],
      ] as const
    ).map(
      ([formats, found]) =>
        [
          `images.formats ${found}`,
          { images: { formats } },
          `images.formats: expected a list of "avif", "webp", "jpeg", "png" with "jpeg" or "png" among them (for browsers and crawlers that read nothing else), such as ["avif", "webp", "jpeg"], found ${found}`,
        ] as [string, unknown, string],
    ),
    ["images.url", { images: { url: "/img" } }, `images.url: expected ${starts}, found "/img"`],
    ["images.url token", { images: { url: "/img/{slug}/" } }, `images.url: expected ${fixed("slug")}, found "/img/{slug}/"`],
    ["images.url not text", { images: { url: 1 } }, "images.url: expected a string, found number 1"],
    ["images.cache blank", { images: { cache: " " } }, "images.cache: expected a folder path, found an empty string"],
    ["images.cache not text", { images: { cache: false } }, "images.cache: expected a folder path, found boolean false"],
    [
      "layouts.home blank",
      { layouts: { home: " " } },
      "layouts.home: expected a layout path inside your includes folder, found an empty string",
    ],
    ["layouts.archive", { layouts: { archive: 1 } }, "layouts.archive: expected a layout path inside your includes folder, found number 1"],
    [
      "layouts.archiveIndex",
      { layouts: { archiveIndex: "" } },
      "layouts.archiveIndex: expected a layout path inside your includes folder, found an empty string",
    ],
    [
      "layouts.search",
      { layouts: { search: "" } },
      "layouts.search: expected a layout path inside your includes folder, found an empty string",
    ],
    [
      "layouts.offline",
      { layouts: { offline: "" } },
      "layouts.offline: expected a layout path inside your includes folder, found an empty string",
    ],
    [
      "layouts.topic",
      { layouts: { topic: "" } },
      "layouts.topic: expected a layout path inside your includes folder, found an empty string",
    ],
    [
      "layouts.topicIndex",
      { layouts: { topicIndex: "" } },
      "layouts.topicIndex: expected a layout path inside your includes folder, found an empty string",
    ],
  ])("%s", (_, user, line) => {
    expect(problems(user)).toEqual([line]);
  });

  const newPostFile =
    'newPost.file: expected a path inside the posts folder with {slug}, ending in .md, such as "{yyyy}/{MM}/{slug}.md", found';
  test.each([
    ["{yyyy}/{MM}/bai-moi.md", '"{yyyy}/{MM}/bai-moi.md"'],
    ["{yyyy}/{slug}.txt", '"{yyyy}/{slug}.txt"'],
    ["{yyyy}/{slug}.md.bak", '"{yyyy}/{slug}.md.bak"'],
    ["/posts/{slug}.md", '"/posts/{slug}.md"'],
    ["{yyyy}/../{slug}.md", '"{yyyy}/../{slug}.md"'],
    [1, "number 1"],
  ])("newPost.file %s", (file, found) => {
    expect(problems({ newPost: { file } })).toEqual([`${newPostFile} ${found}`]);
  });

  const sections =
    'sections.categories: expected a list of sections, each a name or { name, label?, slug? }, such as ["Thời sự", { name: "Xây dựng Đảng", slug: "xay-dung-dang" }]';
  test.each<[string, unknown, string]>([
    ["not a list", "Thời sự", ', found "Thời sự"'],
    ["an item neither a name nor an object", [42], ", found the list [42]"],
    ["an empty item", [null], ", found the list [null]"],
    ["a blank name", ["Thời sự", " "], ' (a section without a name), found the list ["Thời sự"," "]'],
    ["a name that is not text", [{ name: 5 }], ' (a section without a name), found the list [{"name":5}]'],
    [
      "a label that is not text",
      [{ name: "Kinh tế", label: 5 }],
      ' (the label of "Kinh tế" is not text), found the list [{"name":"Kinh tế","label":5}]',
    ],
    [
      "a slug that is not text",
      [{ name: "Kinh tế", slug: 5 }],
      ' (the slug of "Kinh tế" is not lowercase ASCII letters, digits and hyphens), found the list [{"name":"Kinh tế","slug":5}]',
    ],
    [
      "a name declared twice",
      ["Thời sự", { name: "Thời sự", slug: "thoi-su-2" }],
      ' ("Thời sự" is declared twice), found the list ["Thời sự",{"name":"Thời sự","slug":"thoi-su-2"}]',
    ],
    [
      "a declared slug taken",
      ["Kinh tế", { name: "Tin kinh tế", slug: "kinh-te" }],
      ' (two sections have the slug "kinh-te"), found the list ["Kinh tế",{"name":"Tin kinh tế","slug":"kinh-te"}]',
    ],
  ])("sections.categories: %s", (_, categories, rest) => {
    expect(problems({ sections: { categories } })).toEqual([`${sections}${rest}`]);
  });

  // #22 item 2: an unknown option is named with the nearest known one; far from all, it lists them.
  test("an unknown option names the nearest known one, else lists the known ones", () => {
    expect(problems({ timezone: "UTC" })).toEqual(["timezone: unknown option (did you mean timeZone?)"]);
    const known = Object.keys(optionGroups.shape);
    expect(problems({ colour: "red" })).toEqual([`colour: unknown option (known: ${known.join(", ")})`]);
    expect(known).toEqual(expect.arrayContaining(["locale", "timeZone", "permalink", "now"]));
  });

  test("options that are not an object are refused as a whole", () => {
    for (const [user, found] of [
      [null, "null"],
      [["vi"], 'the list ["vi"]'],
      [42, "number 42"],
    ] as const) {
      expect(() => resolveOptions(user as never)).toThrow(`eleventy-plugin-newsroom: options must be an object, found ${found}`);
    }
  });
});

describe("a value of the wrong kind is refused even when it would read as a right one", () => {
  // A list holding one right value, a URL object or a function with a name would pass the checks
  // that turn their value into text (Intl, time zones, patterns, URLs): the option is refused as it
  // was given, not as it reads.
  test.each<[string, unknown, string]>([
    [
      "a locale in a list",
      { locale: ["vi"] },
      'locale: expected a BCP 47 locale supported by Intl, such as "vi" or "en", found the list ["vi"]',
    ],
    [
      "a time zone in a list",
      { timeZone: ["Asia/Ho_Chi_Minh"] },
      'timeZone: expected an IANA time zone such as "Asia/Ho_Chi_Minh" or "UTC", found the list ["Asia/Ho_Chi_Minh"]',
    ],
    [
      "a feed file in a list",
      { feeds: { atom: ["/tin-moi.xml"] } },
      'feeds.atom: expected a file path starting with "/", such as "/feed.xml", found the list ["/tin-moi.xml"]',
    ],
    [
      "a 404 page in a list",
      { notFoundPage: ["/khong-tim-thay.html"] },
      'notFoundPage: expected a site path ending in .html, such as "/404.html", or "", found the list ["/khong-tim-thay.html"]',
    ],
    [
      "a colour in a list",
      { manifest: { themeColor: ["#8b1a1a"] } },
      'manifest.themeColor: expected a colour such as "#8b1a1a", found the list ["#8b1a1a"]',
    ],
    [
      "decap-server's address as a URL object",
      { cms: { localBackend: new URL("http://localhost:8082/api/v1") } },
      `cms.localBackend: expected true, false, or the URL of decap-server's API such as "http://localhost:8082/api/v1", found the object "http://localhost:8082/api/v1"`,
    ],
    [
      "a preview style in a list of its own",
      { cms: { previewStyles: [["/assets/site.css"]] } },
      'cms.previewStyles: expected a list of site paths such as ["/assets/site.css"], found the list [["/assets/site.css"]]',
    ],
    [
      "a backend given as a function named like one",
      { cms: { backend: function github() {} } },
      'cms.backend: expected Decap\'s backend settings with a name, such as { name: "github", repo: "owner/site", branch: "main" }, found function function github() {}',
    ],
  ])("%s", (_, user, line) => {
    expect(problems(user)).toEqual([line]);
  });
});

describe("the edge values the README allows are accepted", () => {
  test.each<[string, NewsroomUserOptions]>([
    ["smallest page size, reading speed and excerpt", { pageSize: 1, wordsPerMinute: 1, excerptLength: 10 }],
    ["dates from year 1, none ahead", { dateRange: { from: 1, yearsAhead: 0 } }],
    ["drafts on and off", { drafts: true }],
    ["drafts off", { drafts: false }],
    ["a fixed now", { now: new Date("2020-01-01T00:00:00Z") }],
    ["an http site URL and a language of its own", { site: { url: "http://news.example.org", language: "vi" } }],
    ["an https site URL", { site: { url: "https://news.example.org/tin/" } }],
    ["no self-hosted font", { font: false }],
    [
      "the web editor on, elsewhere, with a backend, a folder, decap-server's URL and styles",
      {
        cms: {
          enabled: true,
          path: "/soan-bai/",
          backend: { name: "github", repo: "owner/site", branch: "main" },
          mediaFolder: "images/uploads/2024",
          localBackend: "http://localhost:8082/api/v1",
          previewStyles: ["/assets/site.css"],
        },
      },
    ],
    ["the web editor without decap-server", { cms: { localBackend: false } }],
    ["no search cache, one index", { search: { cache: false, partSize: false } }],
    ["parts of one post", { search: { partSize: 1 } }],
    [
      "one post a feed, feeds in a folder",
      { feeds: { limit: 1, atom: "/feeds/atom.xml", json: "/feeds/feed.json", sitemap: "/sitemap-1.xml" } },
    ],
    ["no full index offline, one page kept, no globs", { offline: { fullIndexUpTo: 0, maxPages: 1, precache: [] } }],
    [
      "a section and tag URL of their own",
      { sections: { url: "/muc/{slug}/", index: "/muc/" }, tags: { url: "/the/{slug}/", index: "/the/" } },
    ],
    [
      "sections by name, with a label, with a slug",
      {
        sections: {
          categories: ["Thời sự", { name: "Kinh tế", label: "Kinh tế – Tài chính" }, { name: "Xây dựng Đảng", slug: "xd-dang" }],
        },
      },
    ],
    ["new posts as .markdown, with an author", { newPost: { file: "{slug}.markdown", author: "Phóng viên" } }],
    ["a markdown setup", { markdown: { setup: (md) => md, html: true } }],
    ["no 404 page", { notFoundPage: "" }],
    ["a 404 page in a folder", { notFoundPage: "/loi/404.html" }],
    ["no robots.txt", { robots: false }],
    [
      "icons and short colours",
      { manifest: { icons: [{ src: "/i.png", sizes: "512x512", type: "image/png" }], themeColor: "#ABC", backgroundColor: "#12345678" } },
    ],
    ["an article URL without the date", { permalink: "/tin/{slug}/" }],
    [
      "no related posts, up to 50 of the same section",
      { related: { count: 0, sameSection: 50 }, frontPage: { sectionPosts: 0, lead: false } },
    ],
    ["the narrowest and widest photos, PNG alone", { images: { widths: [16, 8000], formats: ["png"], url: "/anh/", cache: "tmp/img" } }],
    ["JPEG with the modern formats", { images: { formats: ["webp", "avif", "jpeg"] }, lunarDate: true }],
    [
      "archives of their own",
      { archives: { year: "/nam-{yyyy}/", month: "/{yyyy}-{MM}/", day: "/{yyyy}-{MM}-{dd}/", index: "/luu-tru/" } },
    ],
  ])("%s", (_, user) => {
    expect(problems(user)).toEqual([]);
  });

  test("site.language defaults to the locale, and a language of its own is kept", () => {
    expect(resolveOptions({ locale: "vi" }).site.language).toBe("vi");
    expect(resolveOptions({ locale: "vi", site: { language: "vi-VN" } }).site.language).toBe("vi-VN");
  });

  test("every nested group merges over its defaults, an undefined value keeping the default", () => {
    const options = resolveOptions({
      archives: { index: "/luu-tru/", year: undefined },
      search: { partSize: 10 },
      feeds: { limit: 5 },
      offline: { maxPages: 3 },
      dateRange: { yearsAhead: 1 },
      sections: { feeds: false },
      tags: { enabled: false },
      newPost: { author: "Phóng viên" },
      markdown: { html: true },
      manifest: { shortName: "Tin" },
      images: { widths: [640] },
      related: { count: 3 },
      frontPage: { sectionPosts: 6 },
      layouts: { article: "tin.njk" },
    });
    expect(options.archives).toEqual({ ...defaults.archives, index: "/luu-tru/" });
    expect(options.search).toEqual({ ...defaults.search, partSize: 10 });
    expect(options.feeds).toEqual({ ...defaults.feeds, limit: 5 });
    expect(options.offline).toEqual({ ...defaults.offline, maxPages: 3 });
    expect(options.dateRange).toEqual({ ...defaults.dateRange, yearsAhead: 1 });
    expect(options.sections).toEqual({ ...defaults.sections, feeds: false });
    expect(options.tags).toEqual({ ...defaults.tags, enabled: false });
    expect(options.newPost).toEqual({ ...defaults.newPost, author: "Phóng viên" });
    expect(options.markdown).toEqual({ ...defaults.markdown, html: true });
    expect(options.manifest).toEqual({ ...defaults.manifest, shortName: "Tin" });
    expect(options.layouts).toEqual({ ...defaults.layouts, article: "tin.njk" });
    expect(options.images).toEqual({ ...defaults.images, widths: [640] });
    expect(options.related).toEqual({ ...defaults.related, count: 3 });
    expect(options.frontPage).toEqual({ ...defaults.frontPage, sectionPosts: 6 });
  });
});
