/**
 * The post front matter, defined once (zod 4). From `postFields` come: the `PostFrontMatter`
 * type, the list of known keys, the build's checks of what a post says on its own (post.ts adds
 * those that depend on the site: its time zone, date range, sections and image files), the JSON
 * Schema shipped as `dist/post.schema.json` for editors, and the README's field table (a test
 * compares them).
 *
 * Each rule carries the build's message: zod decides *whether* a value is wrong, the message
 * says what was expected. Dates and images are decided by patterns (the JSON Schema's too) and
 * explained by the functions that name the mistake (`parsePostDate`: 24:00, offsets, "did you
 * mean"; `imageFormProblem`: a relative path, `..`, not an image file); tests prove that each
 * pattern agrees with its function.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { DATE_EXPECTATION, parsePostDate } from "../kernel/dates.ts";
import { describe } from "../kernel/errors.ts";
import { slugify } from "../kernel/slug.ts";
import type { FrontMatterLanguage } from "./frontmatter.ts";

/** Longest slug: URLs and folder names stay well within file-system limits (255 bytes a name). */
const MAX_SLUG_LENGTH = 80;

/** Lowercase ASCII letters and digits joined by single hyphens (kernel/slug.ts `isUrlSafeSlug`). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NON_BLANK = /\S/;

// Dates, as `parsePostDate` accepts them (JSON Schema has no date form of its own for these):
// a calendar day that exists (29 February in leap years only), with an optional time after "T"
// or spaces, seconds and up to 9 decimals, and an optional "Z" or offset up to ±14:59.
const LEAP_YEAR = String.raw`(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)`;
const DAY =
  String.raw`(?:\d{4}-(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|\d{4}-(?:0[469]|11)-(?:0[1-9]|[12]\d|30)` +
  String.raw`|\d{4}-02-(?:0[1-9]|1\d|2[0-8])|${LEAP_YEAR}-02-29)`;
const TIME = String.raw`(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?`;
const OFFSET = String.raw`(?:[zZ]|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)`;
/** The date forms of a post (surrounding spaces allowed: the build trims them). */
export const POST_DATE_PATTERN = new RegExp(String.raw`^\s*${DAY}(?:(?:T| +)${TIME}|(?:[Tt]| +)${TIME}${OFFSET})?\s*$`);

// Images: an http(s) URL, or a path from the site's root ("/images/a.jpg", not "//cdn…") to an
// image file, without "." or ".." segments, with an optional ?query or #fragment. No flags in
// JSON Schema patterns, hence the letter classes.
const caseless = (word: string) => [...word].map((c) => `[${c}${c.toUpperCase()}]`).join("");
const IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"];
const URL_START = String.raw`${caseless("http")}[sS]?://`;
const EXTENSION = String.raw`\.(?:${IMAGE_EXTENSIONS.map(caseless).join("|")})`;
const LOCAL_IMAGE = String.raw`(?!//)(?:/(?!\.\.?(?:[/?#]|$))[^/?#]*)+${EXTENSION}(?:[?#][\s\S]*)?`;
/** A post's `image`, trimmed. */
export const IMAGE_PATTERN = new RegExp(String.raw`^(?:${URL_START}[^/][\s\S]*|${LOCAL_IMAGE})$`);
/** The same as written: blank (no image), or with spaces around that the build trims (a URL must go on past them). */
const WRITTEN_IMAGE_PATTERN = new RegExp(String.raw`^\s*(?:${URL_START}(?=[^/])[\s\S]*\S|${LOCAL_IMAGE})?\s*$`);
export const IMAGE_EXPECTED = 'an http(s) URL, or a path from the site\'s root to an image file, such as "/images/song-ma.jpg"';

/** The message of a text field that YAML read as a number or a boolean; `explain` adds the fix. */
const QUOTE_IT = "text (quote it)";
const isYamlScalar = (value: unknown) => typeof value === "number" || typeof value === "boolean";

/** Text typed by a writer. A YAML number or boolean (`title: 007`, `author: yes`) is refused. */
const string = (expected = "a text") => z.string({ error: (issue) => (isYamlScalar(issue.input) ? QUOTE_IT : expected) });
/** The same, trimmed. */
const text = (expected?: string) => string(expected).overwrite((s) => s.trim());
/** Optional text: absent, empty (`summary:`) or blank means none. */
const optional = <T extends z.ZodType<string, string>>(schema: T) => schema.nullish().transform((s) => s || undefined);

/**
 * A date's form. The pattern decides, cheaply (a test proves it agrees with `parsePostDate`);
 * `parsePostDate` names the mistake. The site's zone turns the text into an instant in post.ts.
 */
const dateText = (missing: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? missing : DATE_EXPECTATION) })
    .regex(POST_DATE_PATTERN, {
      error: (issue) => {
        const parsed = parsePostDate(issue.input, "UTC");
        return parsed.ok ? DATE_EXPECTATION : parsed.expected;
      },
    })
    .overwrite((s) => s.trim());

const TAG = z.union([
  z
    .string()
    .regex(NON_BLANK)
    .overwrite((s) => s.trim()),
  z.int().min(0),
]);
const TAGS_EXAMPLE = "[kinh tế, nông nghiệp]";

/** `true` or `false`; absent means false. */
const flag = (description: string) =>
  z
    .boolean({ error: "true or false" })
    .nullish()
    .transform((value) => value === true)
    .meta({ description });

/** The front matter fields: their types, rules, messages and descriptions. */
export const postFields = {
  title: text("a non-empty title")
    .regex(NON_BLANK, { error: "a non-empty title" })
    .overwrite((s) => s.replace(/\s+/g, " "))
    .meta({ description: "the headline (text)" }),
  date: dateText("a publication date such as 2019-10-18").meta({
    description:
      "publication date in the site's time zone: `2019-10-18`, `2019-10-18 14:30`, or an instant such as `2019-10-18T14:30:00+07:00`",
  }),
  summary: optional(text()).meta({
    description: "one or two sentences for lists and the meta description; without it, the start of the body",
  }),
  author: optional(text()).meta({ description: "the author's name (text)" }),
  category: optional(text()).meta({
    description: "the post's section (text); one of `sections.categories` when the site declares them",
  }),
  tags: z
    .union([text().transform((s) => (s ? [s] : [])), z.array(TAG).transform((list) => [...new Set(list.map(String))])])
    .nullish()
    .transform((list) => list ?? [])
    .meta({
      description: `a list of words (\`${TAGS_EXAMPLE}\`) or a single word; no blank items, and each with letters or digits (its page's URL is made from them)`,
    }),
  image: optional(
    text().check((ctx) => {
      const problem = ctx.value && imageFormProblem(ctx.value);
      if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    }),
  ).meta({
    description:
      "the lead image: a path from the site's root to an image file of the input folder (`/images/song-ma.jpg`), or an `http(s)` URL",
    pattern: WRITTEN_IMAGE_PATTERN.source,
  }),
  image_alt: optional(text()).meta({ description: "the image's alternative text" }),
  caption: optional(text()).meta({ description: "the caption shown under the image" }),
  slug: string()
    .regex(SLUG, {
      error: (issue) =>
        `lowercase ASCII letters, digits and single hyphens, such as "${shortenSlug(slugify(String(issue.input))) || "my-article"}"`,
      abort: true,
    })
    .max(MAX_SLUG_LENGTH, { error: (issue) => `at most ${MAX_SLUG_LENGTH} characters, such as "${shortenSlug(String(issue.input))}"` })
    .nullish()
    .transform((s) => s ?? undefined)
    .meta({
      description: `the URL segment: lowercase ASCII letters, digits and single hyphens, at most ${MAX_SLUG_LENGTH} characters; default: the title through Eleventy's \`slugify\` (\`Đảng bộ\` → \`dang-bo\`)`,
    }),
  draft: flag("`true` keeps the post out of production builds"),
  featured: flag("`true` makes the post the front page's lead story (the newest such post leads)"),
  updated: dateText(DATE_EXPECTATION)
    .nullish()
    .transform((s) => s ?? undefined)
    .meta({ description: "date of the last update, same forms as `date`, not before it" }),
};

/** The whole front matter. Unknown keys: the build warns and ignores them; the JSON Schema refuses them (editors flag typos). */
export const postFrontMatter = z.strictObject(postFields).meta({
  title: "Newsroom post front matter",
  description: "The YAML front matter of a post for eleventy-plugin-newsroom.",
});

/** What authors may write in a post's front matter. */
export type PostFrontMatter = z.input<typeof postFrontMatter>;
export type FieldName = keyof typeof postFields;
/** The front matter's values once checked: text trimmed (blank is absent), tags as a list, flags as booleans. */
export type FrontMatterValues = { [K in FieldName]?: z.output<(typeof postFields)[K]> };

const knownFields = z.object(postFields);
export const FRONT_MATTER_KEYS = Object.keys(postFields) as readonly FieldName[];

/** One field's problem, as the build reports it (post.ts adds the file). */
export interface FieldProblem {
  field: string;
  expected: string;
  found: string;
}

/**
 * Checks front matter against the fields, one field at a time so that every bad field is named
 * (its first problem) and every good one keeps its value for the site's checks. `frontMatter`,
 * the YAML (or JSON) as written, lets messages quote the author (`quote it: title: "007"`).
 */
export function checkFrontMatter(
  data: Record<string, unknown>,
  frontMatter = "",
  language: FrontMatterLanguage = "yaml",
): { values: FrontMatterValues; problems: FieldProblem[]; unknownKeys: string[] } {
  const written = { text: frontMatter, language };
  const problems: FieldProblem[] = [];
  const whole = knownFields.safeParse(data); // a good post: one pass (unknown keys left out)
  const values: Record<string, unknown> = whole.success ? whole.data : {};
  if (!whole.success) {
    for (const field of FRONT_MATTER_KEYS) {
      const value = data[field];
      const result = (postFields[field] as z.ZodType).safeParse(value);
      if (result.success) values[field] = result.data;
      else problems.push({ field, found: describe(value), ...explain(field, value, result.error.issues[0]!.message, written) });
    }
  }
  // YAML turns `tags: [007]` into 7 (JSON `[1e3]` into 1000): a whole number the schema accepts, but not what was written.
  const tags = data.tags;
  if (values.tags && Array.isArray(tags)) {
    const list = writtenValue(written, "tags");
    const altered = tags.find((t) => typeof t === "number" && !list?.match(new RegExp(String.raw`(^|[\s,[])${t}($|[\s,\]])`)));
    if (altered !== undefined) {
      delete values.tags;
      problems.push({ field: "tags", found: describe(tags), expected: quoteTag(altered, language) });
    }
  }
  const unknownKeys = Object.keys(data).filter((key) => !Object.hasOwn(postFields, key));
  return { values: values as FrontMatterValues, problems, unknownKeys };
}

/** The expectation for a bad value (and what was found, where `describe` would say less). */
function explain(field: FieldName, value: unknown, message: string, written: WrittenFrontMatter): { expected: string; found?: string } {
  if (field === "tags") {
    // Zod knows that the list is wrong; the reason needs the whole list.
    if (Array.isArray(value)) {
      const blank = value.findIndex((t) => (t === null || typeof t === "string") && !TAG.safeParse(t).success);
      if (blank >= 0)
        return { expected: `a list of words with no blank item, such as ${TAGS_EXAMPLE}`, found: `a blank tag (item ${blank + 1})` };
      const number = value.find((t) => typeof t === "number" && !TAG.safeParse(t).success);
      if (number !== undefined) return { expected: quoteTag(number, written.language) };
    }
    return { expected: `a list of words, such as ${TAGS_EXAMPLE}` };
  }
  if (message === QUOTE_IT) {
    const as = writtenValue(written, field) ?? String(value);
    const quoted = `"${as.replace(/"/g, '\\"')}"`;
    return {
      expected: `text: ${LANGUAGE_NAMES[written.language]} reads ${as} as a ${typeof value}, not as text — quote it: ${written.language === "json" ? `"${field}": ${quoted}` : `${field}: ${quoted}`}`,
    };
  }
  return { expected: message };
}

const quoteTag = (number: number, language: FrontMatterLanguage) =>
  `words: ${LANGUAGE_NAMES[language]} reads ${number} as a number — quote it, such as ["${number}"]`;

/** The front matter as written, and its language (for messages). */
interface WrittenFrontMatter {
  text: string;
  language: FrontMatterLanguage;
}
const LANGUAGE_NAMES: Record<FrontMatterLanguage, string> = { yaml: "YAML", json: "JSON" };

/** The text an author wrote for `field` (YAML: after `field:` on its line; JSON: after `"field":`), for messages. */
function writtenValue(written: WrittenFrontMatter, field: string): string | undefined {
  const pattern =
    written.language === "json"
      ? String.raw`"${field}"\s*:\s*(\[[^\]]*\]|"(?:[^"\\]|\\.)*"|[^,}\n]*?)\s*(?:[,}\n]|$)`
      : String.raw`^${field}:[ \t]*(.*?)[ \t]*$`;
  return new RegExp(pattern, "m").exec(written.text)?.[1] || undefined;
}

/**
 * What is wrong with the form of an image (trimmed, not blank), or undefined. Accepted: an
 * http(s) URL, or a site path ("/images/a.jpg") to an image file. Refused: other schemes
 * (`javascript:`, `data:`), relative paths (they would break on the article's own URL), paths
 * leaving the site (`..`), folders, and files that are not images (a post, the config). Whether
 * the file exists is the site's question (post.ts `checkImage`).
 */
export function imageFormProblem(image: string): string | undefined {
  if (IMAGE_PATTERN.test(image)) return undefined;
  if (!isLocalPath(image)) return IMAGE_EXPECTED;
  const file = image.split(/[?#]/)[0] ?? image;
  if (!file.startsWith("/")) return `${IMAGE_EXPECTED} (a relative path breaks on the article's own URL)`;
  if (file.split("/").some((segment) => segment === ".." || segment === ".")) return `${IMAGE_EXPECTED}, without "." or ".." segments`;
  // "/images/a#1.jpg": the file's name has a "#" (or "?"), where a URL's path ends.
  if (IMAGE_FILE_NAME.test(image) && !IMAGE_FILE_NAME.test(file)) return `${IMAGE_EXPECTED}; ${cutAt(image)}`;
  return `${IMAGE_EXPECTED} (${IMAGE_EXTENSIONS.map((e) => `.${e}`).join(", ")})`.replace(/, (?=\.\w+\)$)/, " or ");
}

const IMAGE_FILE_NAME = new RegExp(`${EXTENSION}$`);

/**
 * Why a path with "#" or "?" names another file than the one meant: in a URL "#" starts a
 * fragment and "?" a query, so the path stops there. The fix: rename the file, or escape the
 * character ("%23", "%3F"), which the build and browsers read as part of the name.
 */
export function cutAt(image: string): string {
  const mark = /[?#]/.exec(image)?.[0] ?? "#";
  const what = mark === "#" ? "a fragment" : "a query";
  const escaped = image.replace(/[?#]/g, (c) => (c === "#" ? "%23" : "%3F"));
  return `in a URL "${mark}" starts ${what}, so this path names the file ${image.slice(0, image.indexOf(mark))} — rename the file without "${mark}", or write "${mark}" as ${mark === "#" ? "%23" : "%3F"}: ${escaped}`;
}

/**
 * The site path of the file an image names, as a server reads the URL: the query and fragment
 * dropped, percent-escapes decoded ("/images/a%231.jpg" → "/images/a#1.jpg"), except an escape
 * that would make a path separator, which stays as written.
 */
export function imageFile(image: string): string {
  const file = image.split(/[?#]/)[0] ?? image;
  return file.replace(/(?:%[0-9a-fA-F]{2})+/g, (escapes) => {
    try {
      const decoded = decodeURIComponent(escapes);
      return /[/\\]/.test(decoded) ? escapes : decoded;
    } catch {
      return escapes; // not UTF-8: no file of that name
    }
  });
}

/** A path inside the site rather than a URL (`https://…`, `//cdn…`, `data:…`). */
export function isLocalPath(path: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(path);
}

/**
 * A slug cut to MAX_SLUG_LENGTH at a hyphen, with a short hash of the whole slug appended, so
 * that two long titles that start alike still get different URLs. Short slugs pass unchanged.
 * The cut never ends in a hyphen: a slug's hyphens are single (slugify's, or the SLUG pattern's).
 */
export function shortenSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const hash = createHash("sha1").update(slug).digest("hex").slice(0, 6);
  const room = MAX_SLUG_LENGTH - hash.length - 1;
  const cut = slug.slice(0, room + 1);
  const atHyphen = cut.lastIndexOf("-");
  return `${atHyphen > room / 2 ? cut.slice(0, atHyphen) : cut.slice(0, room)}-${hash}`;
}

/**
 * The front matter as a JSON Schema (draft-07, what editors and validators read most widely):
 * what a post can be checked for on its own. Given the site's declared sections, `category` is
 * one of them. The zone, the date range, `updated` after `date`, image files and URLs shared by
 * two posts are the build's checks only.
 */
export function postJsonSchema(site: { categories?: readonly string[] } = {}): Record<string, unknown> {
  const [first, ...rest] = site.categories ?? [];
  const schema =
    first === undefined
      ? postFrontMatter
      : postFrontMatter.extend({
          category: z
            .enum([first, ...rest])
            .nullish()
            .meta(z.globalRegistry.get(postFields.category) ?? {}),
        });
  return z.toJSONSchema(schema, { io: "input", target: "draft-7" });
}
