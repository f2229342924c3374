/**
 * The front matter schema and the typed `Post` it becomes. A `Post` is what templates
 * receive, from `collections.posts` to the article layout's `post`.
 */
import type { ArchivePermalinks } from "../core/options.ts";
import type { PostProblem } from "../core/errors.ts";
import { dateParts, isoDate, parsePostDate } from "../core/dates.ts";
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { describe } from "../core/errors.ts";
import type { SectionDeclaration } from "../core/options.ts";
import { declaredSection, sectionSlug, topicUrl } from "../core/topics.ts";
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
  /** `true` makes the post the front page's lead story (the newest such post). */
  featured?: boolean;
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
  "featured",
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
  /** "Tin liên quan": the most related posts, best first (set once the list is known; see site/related.ts). */
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

/** Longest slug: URLs and folder names stay well within file-system limits (255 bytes a name). */
export const MAX_SLUG_LENGTH = 80;
/** Image files a post's `image` may name inside the site. */
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg)$/i;

/** The checked front matter, before the body is rendered. */
export type PostHead = Omit<Post, "content" | "text" | "wordCount" | "excerpt" | "newer" | "older" | "related" | "sameSection">;

export type HeadResult =
  { head: PostHead; problems: []; unknownKeys: string[] } | { head: undefined; problems: PostProblem[]; unknownKeys: string[] };

/**
 * Validates front matter. Collects every problem of the post rather than stopping at the first.
 */
export function readPostHead(file: string, data: Record<string, unknown>, ctx: PostContext, frontMatter = ""): HeadResult {
  const problems: PostProblem[] = [];
  const problem = (field: string, expected: string, value: unknown, found = describe(value)) =>
    problems.push({ file, field, expected, found });
  /** YAML turned an unquoted value into a number or a boolean ("007" → 7, "yes" → true): say how to keep the text. */
  const unquoted = (field: string, value: unknown) => {
    const written = writtenValue(frontMatter, field) ?? String(value);
    problem(
      field,
      `text: YAML reads ${written} as a ${typeof value}, not as text — quote it: ${field}: "${written.replace(/"/g, '\\"')}"`,
      value,
    );
  };

  const unknownKeys = Object.keys(data).filter((k) => !(FRONT_MATTER_KEYS as readonly string[]).includes(k));

  const optionalText = (field: keyof PostFrontMatter): string | undefined => {
    const value = data[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number" || typeof value === "boolean") {
      unquoted(field, value);
      return undefined;
    }
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
  else if (typeof rawTitle === "number" || typeof rawTitle === "boolean") unquoted("title", rawTitle);
  else problem("title", "a non-empty title", rawTitle);

  let date: ReturnType<typeof parsePostDate> | undefined;
  if (data.date === undefined || data.date === null) problem("date", "a publication date such as 2019-10-18", data.date);
  else {
    date = parsePostDate(data.date, ctx.timeZone);
    if (!date.ok) problem("date", date.expected, data.date, date.found);
  }

  const plausible = (field: "date" | "updated", value: unknown, parsed: DateTime): boolean => {
    if (!ctx.dates) return true;
    const { earliestYear, latest } = ctx.dates;
    if (parsed.year >= earliestYear && parsed.toMillis() <= latest.getTime()) return true;
    const last = DateTime.fromJSDate(latest, { zone: ctx.timeZone }).toFormat("yyyy-MM-dd");
    problem(field, `a date from ${earliestYear}-01-01 to ${last} (option dateRange) — a typo in the year?`, value);
    return false;
  };
  if (date?.ok && !plausible("date", data.date, date.date)) date = undefined;

  let updated: Date | undefined;
  if (data.updated !== undefined && data.updated !== null) {
    const parsed = parsePostDate(data.updated, ctx.timeZone);
    if (!parsed.ok) problem("updated", parsed.expected, data.updated, parsed.found);
    else if (plausible("updated", data.updated, parsed.date)) {
      if (date?.ok && parsed.date < date.date) {
        problem("updated", `a date on or after the publication date (${date.date.toISO({ suppressMilliseconds: true })})`, data.updated);
      } else updated = parsed.date.toJSDate();
    }
  }

  let tags: string[] = [];
  const rawTags = data.tags;
  if (typeof rawTags === "string") tags = rawTags.trim() ? [rawTags.trim()] : [];
  else if (Array.isArray(rawTags)) {
    const blank = rawTags.findIndex((t) => t === null || t === undefined || (typeof t === "string" && t.trim() === ""));
    const altered = rawTags.find(
      (t) =>
        typeof t === "number" &&
        !(Number.isSafeInteger(t) && t >= 0 && writtenValue(frontMatter, "tags")?.match(new RegExp(`(^|[\\s,\\[])${t}($|[\\s,\\]])`))),
    );
    if (blank >= 0)
      problem("tags", "a list of words with no blank item, such as [kinh tế, nông nghiệp]", rawTags, `a blank tag (item ${blank + 1})`);
    else if (altered !== undefined)
      problem("tags", `words: YAML reads ${String(altered)} as a number — quote it, such as ["${String(altered)}"]`, rawTags);
    else if (rawTags.every((t) => typeof t === "string" || typeof t === "number")) {
      tags = [...new Set(rawTags.map((t) => String(t).trim()))];
    } else problem("tags", "a list of words, such as [kinh tế, nông nghiệp]", rawTags);
  } else if (rawTags !== undefined && rawTags !== null) {
    problem("tags", "a list of words, such as [kinh tế, nông nghiệp]", rawTags);
  }

  const flag = (field: "draft" | "featured"): boolean => {
    const value = data[field];
    if (value === undefined || value === null || typeof value === "boolean") return value === true;
    problem(field, "true or false", value);
    return false;
  };
  const draft = flag("draft");
  const featured = flag("featured");

  let slug = "";
  if (typeof data.slug === "number" || typeof data.slug === "boolean") unquoted("slug", data.slug);
  else if (data.slug !== undefined && data.slug !== null) {
    const raw = String(data.slug);
    if (!isUrlSafeSlug(raw))
      problem("slug", `lowercase ASCII letters, digits and single hyphens, such as "${slugify(raw) || "my-article"}"`, data.slug);
    else if (raw.length > MAX_SLUG_LENGTH)
      problem("slug", `at most ${MAX_SLUG_LENGTH} characters, such as "${shortenSlug(raw)}"`, data.slug);
    else slug = raw;
  } else if (title) {
    slug = shortenSlug(slugify(title));
    if (!slug) problem("title", 'a title with at least one letter or digit, or a "slug" field', rawTitle);
  }

  const image = optionalText("image");
  if (image !== undefined) {
    const imageProblem = checkImage(image, ctx);
    if (imageProblem) problem("image", imageProblem, image);
  }

  const summary = optionalText("summary");
  const author = optionalText("author");
  const category = optionalText("category");
  const declared = (ctx.topics?.declared ?? []).map(declaredSection);
  if (category !== undefined && declared.length > 0 && !declared.some((d) => d.name === category)) {
    const near = declared.find((d) => slugify(d.name) === slugify(category));
    const names = declared.map((d) => `"${d.name}"`).join(", ");
    problem(
      "category",
      `one of the site's sections (option sections.categories): ${near ? `did you mean "${near.name}"? ` : ""}${names}`,
      category,
    );
  }
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
      categoryUrl: category !== undefined && ctx.topics ? topicUrl(ctx.topics.sectionUrl, sectionSlug(category, ctx.topics.declared)) : "",
      tagLinks: tags.map((name) => ({ name, url: ctx.topics ? topicUrl(ctx.topics.tagUrl, slugify(name)) : "" })),
      image,
      image_alt,
      caption,
      slug,
      draft,
      featured,
      url: expandPermalink(ctx.permalink, { ...parts, slug }),
      dayUrl: expandPermalink(ctx.archives.day, { ...parts, slug }),
      monthUrl: expandPermalink(ctx.archives.month, { ...parts, slug }),
      yearUrl: expandPermalink(ctx.archives.year, { ...parts, slug }),
    },
    problems: [],
    unknownKeys,
  };
}

/**
 * What is wrong with a post's `image`, or undefined. Accepted: an http(s) URL, or a site path
 * ("/images/a.jpg") to an image file inside the site's input folder. Refused: other schemes
 * (`javascript:`, `data:`), relative paths (they would break on the article's own URL), paths
 * leaving the site (`..`), folders, and files that are not images (a post, the config).
 */
export function checkImage(image: string, ctx: Pick<PostContext, "imageExists">): string | undefined {
  const expected = 'an http(s) URL, or a path from the site\'s root to an image file, such as "/images/song-ma.jpg"';
  if (!isLocalPath(image)) return /^https?:\/\/[^/]/i.test(image) ? undefined : expected;
  const file = image.split(/[?#]/)[0] ?? image;
  if (!file.startsWith("/")) return `${expected} (a relative path breaks on the article's own URL)`;
  if (file.split("/").some((segment) => segment === ".." || segment === ".")) return `${expected}, without "." or ".." segments`;
  if (!IMAGE_FILE.test(file)) return `${expected} (.jpg, .jpeg, .png, .gif, .webp, .avif or .svg)`;
  if (!ctx.imageExists(file)) return `${expected}; no such file in the site`;
  return undefined;
}

/**
 * A slug cut to MAX_SLUG_LENGTH at a hyphen, with a short hash of the whole slug appended, so
 * that two long titles that start alike still get different URLs. Short slugs pass unchanged.
 */
export function shortenSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const hash = createHash("sha1").update(slug).digest("hex").slice(0, 6);
  const room = MAX_SLUG_LENGTH - hash.length - 1;
  const cut = slug.slice(0, room + 1);
  const atHyphen = cut.lastIndexOf("-");
  return `${(atHyphen > room / 2 ? cut.slice(0, atHyphen) : cut.slice(0, room)).replace(/-+$/, "")}-${hash}`;
}

/** The text an author wrote after `field:` on its line of the front matter (for messages). */
function writtenValue(frontMatter: string, field: string): string | undefined {
  const line = new RegExp(`^${field}:[ \\t]*(.*?)[ \\t]*$`, "m").exec(frontMatter);
  return line?.[1] || undefined;
}

/** A path inside the site rather than a URL (`https://…`, `//cdn…`, `data:…`). */
export function isLocalPath(path: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(path);
}
