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
  A_STRING,
  expectation,
  flag,
  group,
  httpUrl,
  layout,
  locale,
  LOCALE_EXPECTED,
  nonBlank,
  option,
  permalinkPattern,
  text,
  timeZone,
  TRUE_OR_FALSE,
  WHOLE_FROM_1,
  wholeNumber,
} from "./fields.ts";
import { searchOptions } from "../features/search/options.ts";
import { feedOptions } from "../features/feeds/options.ts";
import { offlineOptions } from "../features/offline/options.ts";
import { sectionOptions, tagOptions } from "../features/topics/options.ts";
import { imageOptions } from "../features/photos/options.ts";
import { relatedOptions } from "../features/articles/options.ts";
import { frontPageOptions } from "../features/home/options.ts";
import { manifestOptions } from "../features/site-files/options.ts";
import { cmsOptions } from "../features/cms/options.ts";
import { archiveOptions } from "../features/archives/options.ts";

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

const layoutOptions = group(
  {
    article: layout("article.njk", "Layout of article pages (receives `post`)."),
    home: layout(
      "home.njk",
      "Layout of the home pages (receives `home`: `posts`, `pageNumber`, `previousUrl`, `nextUrl`, and on the first page only `pageCount` and `front`; pages are numbered from the oldest, see *Sections and tags*).",
    ),
    archive: layout("archive.njk", "Layout of year, month and day pages (receives `archive`)."),
    archiveIndex: layout("archive-index.njk", "Layout of the archive index."),
    search: layout("search.njk", "Layout of the search page."),
    topic: layout(
      "topic.njk",
      "Layout of a section's or a tag's pages (receives `topicPage`; `topicPage.pageCount`, `topic.count` and `topic.posts` on the first page only).",
    ),
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
