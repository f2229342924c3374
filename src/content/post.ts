/**
 * The front matter schema and the typed `Post` it becomes. A `Post` is what templates
 * receive, from `collections.posts` to the article layout's `post`.
 */
import type { ArchivePermalinks } from "../core/options.ts";
import type { PostProblem } from "../core/errors.ts";
import { dateParts, isoDate, parsePostDate } from "../core/dates.ts";
import { describe } from "../core/errors.ts";
import { expandPermalink } from "../core/permalink.ts";
import { isUrlSafeSlug, slugify } from "../core/slug.ts";

/** What authors may write in a post's front matter. */
export interface PostFrontMatter {
  /** Headline. Required. */
  title: string;
  /** Publication date, see the README for the accepted forms. Required. */
  date: string;
  /** One or two sentences shown in lists and meta descriptions. */
  summary?: string;
  author?: string;
  category?: string;
  /** A list of tags, or one tag as a string. */
  tags?: string[] | string;
  /** Path (inside the site) or URL of the lead image. */
  image?: string;
  /** Alternative text of the image. */
  image_alt?: string;
  /** Caption shown under the image. */
  caption?: string;
  /** URL segment; derived from the title when absent. */
  slug?: string;
  /** `true` keeps the post out of production builds. */
  draft?: boolean;
  /** Date of the last update, same forms as `date`. */
  updated?: string;
}

export const FRONT_MATTER_KEYS: readonly (keyof PostFrontMatter)[] = [
  "title",
  "date",
  "summary",
  "author",
  "category",
  "tags",
  "image",
  "image_alt",
  "caption",
  "slug",
  "draft",
  "updated",
];

/** A link to another post (kept small so posts never reference each other in cycles). */
export interface PostLink {
  title: string;
  url: string;
  date: Date;
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
  tags: string[];
  image: string | undefined;
  image_alt: string | undefined;
  caption: string | undefined;
  slug: string;
  draft: boolean;
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
}

/** What validating front matter needs to know about the site. */
export interface PostContext {
  timeZone: string;
  permalink: string;
  archives: ArchivePermalinks;
  /** Tells whether a site-relative image path exists. */
  imageExists: (path: string) => boolean;
}

/** The checked front matter, before the body is rendered. */
export type PostHead = Omit<Post, "content" | "text" | "wordCount" | "excerpt" | "newer" | "older">;

export type HeadResult =
  { head: PostHead; problems: []; unknownKeys: string[] } | { head: undefined; problems: PostProblem[]; unknownKeys: string[] };

/**
 * Validates front matter. Collects every problem of the post rather than stopping at the first.
 */
export function readPostHead(file: string, data: Record<string, unknown>, ctx: PostContext): HeadResult {
  const problems: PostProblem[] = [];
  const problem = (field: string, expected: string, value: unknown, found = describe(value)) =>
    problems.push({ file, field, expected, found });

  const unknownKeys = Object.keys(data).filter((k) => !(FRONT_MATTER_KEYS as readonly string[]).includes(k));

  const optionalText = (field: keyof PostFrontMatter): string | undefined => {
    const value = data[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (typeof value !== "string") {
      problem(field, "a text", value);
      return undefined;
    }
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  };

  const rawTitle = data.title;
  let title = "";
  if (typeof rawTitle === "string" && rawTitle.trim() !== "") title = rawTitle.trim().replace(/\s+/g, " ");
  else if (typeof rawTitle === "number") title = String(rawTitle);
  else problem("title", "a non-empty title", rawTitle);

  let date: ReturnType<typeof parsePostDate> | undefined;
  if (data.date === undefined || data.date === null) problem("date", "a publication date such as 2019-10-18", data.date);
  else {
    date = parsePostDate(data.date, ctx.timeZone);
    if (!date.ok) problem("date", date.expected, data.date, date.found);
  }

  let updated: Date | undefined;
  if (data.updated !== undefined && data.updated !== null) {
    const parsed = parsePostDate(data.updated, ctx.timeZone);
    if (parsed.ok) updated = parsed.date.toJSDate();
    else problem("updated", parsed.expected, data.updated, parsed.found);
  }

  let tags: string[] = [];
  const rawTags = data.tags;
  if (typeof rawTags === "string") tags = rawTags.trim() ? [rawTags.trim()] : [];
  else if (Array.isArray(rawTags)) {
    if (rawTags.every((t) => typeof t === "string" || typeof t === "number")) {
      tags = [...new Set(rawTags.map((t) => String(t).trim()).filter((t) => t !== ""))];
    } else problem("tags", "a list of words, such as [kinh tế, nông nghiệp]", rawTags);
  } else if (rawTags !== undefined && rawTags !== null) {
    problem("tags", "a list of words, such as [kinh tế, nông nghiệp]", rawTags);
  }

  let draft = false;
  if (data.draft !== undefined && data.draft !== null) {
    if (typeof data.draft === "boolean") draft = data.draft;
    else problem("draft", "true or false", data.draft);
  }

  let slug = "";
  if (data.slug !== undefined && data.slug !== null) {
    const raw = String(data.slug);
    if (isUrlSafeSlug(raw)) slug = raw;
    else problem("slug", `lowercase ASCII letters, digits and single hyphens, such as "${slugify(raw) || "my-article"}"`, data.slug);
  } else if (title) {
    slug = slugify(title);
    if (!slug) problem("title", 'a title with at least one letter or digit, or a "slug" field', rawTitle);
  }

  const image = optionalText("image");
  if (image !== undefined && isLocalPath(image) && !ctx.imageExists(image)) {
    problem("image", "a path to an existing file in the site (or an http(s) URL)", image);
  }

  const summary = optionalText("summary");
  const author = optionalText("author");
  const category = optionalText("category");
  const image_alt = optionalText("image_alt");
  const caption = optionalText("caption");

  if (problems.length > 0 || !date?.ok) return { head: undefined, problems, unknownKeys };

  const parts = dateParts(date.date, ctx.timeZone);
  return {
    head: {
      inputPath: file,
      title,
      date: date.date.toJSDate(),
      dateIso: isoDate(date.date, ctx.timeZone),
      year: parts.yyyy,
      month: parts.MM,
      day: parts.dd,
      updated,
      summary,
      author,
      category,
      tags,
      image,
      image_alt,
      caption,
      slug,
      draft,
      url: expandPermalink(ctx.permalink, { ...parts, slug }),
      dayUrl: expandPermalink(ctx.archives.day, { ...parts, slug }),
      monthUrl: expandPermalink(ctx.archives.month, { ...parts, slug }),
      yearUrl: expandPermalink(ctx.archives.year, { ...parts, slug }),
    },
    problems: [],
    unknownKeys,
  };
}

/** A path inside the site rather than a URL (`https://…`, `//cdn…`, `data:…`). */
export function isLocalPath(path: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(path);
}
