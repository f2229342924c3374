/**
 * The typed `Post` that front matter becomes: what templates receive, from `collections.posts`
 * to the article layout's `post`. The front matter's own rules are in post-schema.ts.
 */
import type { ArchivePermalinks } from "../options/index.ts";
import type { FrontMatterLanguage } from "./frontmatter.ts";
import type { PostProblem } from "../kernel/errors.ts";
import { dateParts, isoDate, parsePostDate } from "../kernel/dates.ts";
import { DateTime } from "luxon";
import { describe } from "../kernel/errors.ts";
import type { SectionDeclaration } from "../options/index.ts";
import { declaredSection, sectionSlug, SLUG_LETTERS, topicUrl } from "../kernel/topics.ts";
import { expandPermalink } from "../kernel/permalink.ts";
import { slugify } from "../kernel/slug.ts";
import { checkFrontMatter, cutAt, IMAGE_EXPECTED, imageFile, imageFormProblem, isLocalPath, shortenSlug } from "./post-schema.ts";

export type { PostFrontMatter } from "./post-schema.ts";
export {  isLocalPath,  shortenSlug } from "./post-schema.ts";

/** A link to another post (kept small so posts never reference each other in cycles). */
export interface PostLink {
  title: string;
  url: string;
  date: Date;
}

/** The link to `post` in another post's lists (its neighbours, related and same-section posts). */
export function linkTo(post: Post): PostLink {
  return { title: post.title, url: post.url, date: post.date };
}

/** A validated post, ready for templates. */
export interface Post {
  /** The source file, relative to the project root, e.g. "posts/2019-10-18-song-ma.md". */
  inputPath: string;
  title: string;
  /** The publication instant. Format it with the date filters (they use the site's zone). */
  date: Date;
  /** `date` as ISO 8601 with the site zone's offset, for `<time datetime>`. */
  dateIso: string;
  /** The publication date's calendar parts in the site's time zone. */
  year: string;
  month: string;
  day: string;
  updated: Date | undefined;
  summary: string | undefined;
  author: string | undefined;
  category: string | undefined;
  /** The category's section page ("" when section pages are off or there is no category). */
  categoryUrl: string;
  tags: string[];
  /** The tags with their pages (`url` "" when tag pages are off). */
  tagLinks: { name: string; url: string }[];
  image: string | undefined;
  image_alt: string | undefined;
  caption: string | undefined;
  slug: string;
  draft: boolean;
  /** Marked as a lead story for the front page. */
  featured: boolean;
  /** The article's URL, without the deploy path prefix. */
  url: string;
  /** URLs of the archive pages of the post's day, month and year. */
  dayUrl: string;
  monthUrl: string;
  yearUrl: string;
  /** Body rendered to HTML. */
  content: string;
  /** Body as plain text (for excerpts, reading time, search). */
  text: string;
  wordCount: number;
  /** `summary`, or the start of the body. */
  excerpt: string;
  /** The newer and older neighbours in the published list (set once the list is known). */
  newer: PostLink | undefined;
  older: PostLink | undefined;
  /** "Tin liên quan": the most related posts, best first (set once the list is known; see features/articles/related.ts). */
  related: PostLink[];
  /** "Tin cùng chuyên mục": the newest other posts of the same section, not already in `related`. */
  sameSection: PostLink[];
}

/** What validating front matter needs to know about the site. */
export interface PostContext {
  timeZone: string;
  permalink: string;
  archives: ArchivePermalinks;
  /** Tells whether a site path ("/images/a.jpg") is a file of the site's input folder. */
  imageExists: (path: string) => boolean;
  /** The plausible dates of a post (option dateRange). */
  dates?: { earliestYear: number; latest: Date };
  /** Section and tag pages: their URL patterns ("" when off) and the declared sections (empty: any category). */
  topics?: { sectionUrl: string; tagUrl: string; declared: readonly SectionDeclaration[] };
}

/** The checked front matter, before the body is rendered. */
export type PostHead = Omit<Post, "content" | "text" | "wordCount" | "excerpt" | "newer" | "older" | "related" | "sameSection">;

/** `warnings`: what the build should tell about a good post (a time moved out of a daylight-saving gap), each starting with the field. */
export type HeadResult =
  | { head: PostHead; problems: []; unknownKeys: string[]; warnings: string[] }
  | { head: undefined; problems: PostProblem[]; unknownKeys: string[]; warnings: string[] };

/**
 * Validates front matter: the schema's rules (post-schema.ts), then the site's (its time zone and
 * date range, declared sections, image files) and the slug made from the title. Collects every
 * problem of the post rather than stopping at the first.
 */
export function readPostHead(
  file: string,
  data: Record<string, unknown>,
  ctx: PostContext,
  frontMatter = "",
  language: FrontMatterLanguage = "yaml",
): HeadResult {
  const { values, problems: fieldProblems, unknownKeys } = checkFrontMatter(data, frontMatter, language);
  const problems: PostProblem[] = fieldProblems.map((p) => ({ file, ...p }));
  const problem = (field: string, expected: string, value: unknown) => problems.push({ file, field, expected, found: describe(value) });
  const warnings: string[] = [];

  // The site's zone turns a date into an instant; the site's range catches typos in the year.
  const instant = (field: "date" | "updated"): DateTime | undefined => {
    const written = values[field];
    if (written === undefined) return undefined;
    const parsed = parsePostDate(written, ctx.timeZone);
    if (!parsed.ok) return void problem(field, parsed.expected, data[field]); // the last word, after the schema's pattern
    if (parsed.inGap) {
      warnings.push(
        `${field}: ${written} does not exist in ${ctx.timeZone} (the clocks skip it when daylight saving time starts); ` +
          `${parsed.date.toFormat("yyyy-MM-dd HH:mm")} (${parsed.date.toFormat("ZZ")}) is used instead — write that time, or another, to keep this warning away`,
      );
    }
    if (!ctx.dates) return parsed.date;
    const { earliestYear, latest } = ctx.dates;
    if (parsed.date.year >= earliestYear && parsed.date.toMillis() <= latest.getTime()) return parsed.date;
    const last = DateTime.fromJSDate(latest, { zone: ctx.timeZone }).toFormat("yyyy-MM-dd");
    return void problem(field, `a date from ${earliestYear}-01-01 to ${last} (option dateRange) — a typo in the year?`, data[field]);
  };
  const date = instant("date");
  const updated = instant("updated");
  if (date && updated && updated < date) {
    problem("updated", `a date on or after the publication date (${date.toISO({ suppressMilliseconds: true })})`, data.updated);
  }

  const title = values.title ?? "";
  let slug = values.slug ?? "";
  if (title && (data.slug === undefined || data.slug === null)) {
    slug = shortenSlug(slugify(title));
    if (!slug) problem("title", 'a title with at least one letter or digit, or a "slug" field', data.title);
  }

  const { image, category, tags = [] } = values;
  if (image !== undefined) {
    const imageProblem = checkImage(image, ctx);
    if (imageProblem) problem("image", imageProblem, image);
  }
  const declared = (ctx.topics?.declared ?? []).map(declaredSection);
  if (category !== undefined && declared.length > 0 && !declared.some((d) => d.name === category)) {
    const near = declared.find((d) => slugify(d.name) === slugify(category));
    const names = declared.map((d) => `"${d.name}"`).join(", ");
    problem(
      "category",
      `one of the site's sections (option sections.categories): ${near ? `did you mean "${near.name}"? ` : ""}${names}`,
      category,
    );
  } else if (category !== undefined && sectionSlug(category, ctx.topics?.declared ?? []) === "") {
    // "🔥" or "!!!" would make a section at "/chuyen-muc//", shared by every such category.
    problem("category", `a category with ${SLUG_LETTERS}, or one declared with a slug in option sections.categories`, category);
  }
  const written: unknown[] | undefined = Array.isArray(data.tags) ? data.tags : undefined;
  const item = (tag: string) => (written ? ` (item ${written.findIndex((t) => String(t).trim() === tag) + 1})` : "");
  const slugless = tags.flatMap((tag) => (slugify(tag) === "" ? [`${JSON.stringify(tag)}${item(tag)}`] : []));
  if (slugless.length > 0) {
    problems.push({
      file,
      field: "tags",
      expected: `tags with ${SLUG_LETTERS.replace("its URL", "their URLs")}`,
      found: slugless.join(", "),
    });
  }

  if (problems.length > 0 || !date) return { head: undefined, problems, unknownKeys, warnings };

  const parts = dateParts(date, ctx.timeZone);
  return {
    head: {
      inputPath: file,
      title,
      date: date.toJSDate(),
      dateIso: isoDate(date, ctx.timeZone),
      year: parts.yyyy,
      month: parts.MM,
      day: parts.dd,
      updated: updated?.toJSDate(),
      summary: values.summary,
      author: values.author,
      category,
      tags,
      categoryUrl: category !== undefined && ctx.topics ? topicUrl(ctx.topics.sectionUrl, sectionSlug(category, ctx.topics.declared)) : "",
      tagLinks: tags.map((name) => ({ name, url: ctx.topics ? topicUrl(ctx.topics.tagUrl, slugify(name)) : "" })),
      image,
      image_alt: values.image_alt,
      caption: values.caption,
      slug,
      draft: values.draft ?? false,
      featured: values.featured ?? false,
      url: expandPermalink(ctx.permalink, { ...parts, slug }),
      dayUrl: expandPermalink(ctx.archives.day, { ...parts, slug }),
      monthUrl: expandPermalink(ctx.archives.month, { ...parts, slug }),
      yearUrl: expandPermalink(ctx.archives.year, { ...parts, slug }),
    },
    problems: [],
    unknownKeys,
    warnings,
  };
}

/**
 * What is wrong with a post's `image`, or undefined: its form (post-schema.ts
 * `imageFormProblem`), then, for a path inside the site, whether the site has that file.
 */
export function checkImage(image: string, ctx: Pick<PostContext, "imageExists">): string | undefined {
  const formProblem = imageFormProblem(image);
  if (formProblem || !isLocalPath(image)) return formProblem;
  const file = imageFile(image);
  if (file.split("/").some((segment) => segment === ".." || segment === ".")) return `${IMAGE_EXPECTED}, without "." or ".." segments`;
  if (ctx.imageExists(file)) return undefined;
  // "/images/a.jpg#2.jpg", where the file is "a.jpg#2.jpg": say why the name was cut.
  const whole = imageFile(image.replace(/[?#]/g, (c) => (c === "#" ? "%23" : "%3F")));
  if (whole !== file && ctx.imageExists(whole)) return `${IMAGE_EXPECTED}; ${cutAt(image)}`;
  return `${IMAGE_EXPECTED}; no such file in the site`;
}
