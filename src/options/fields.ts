/**
 * The building blocks of the options' schemas (zod 4): what each kind of value accepts, the
 * message a wrong one gets, and the documentation every option carries (`optionDocs`), from
 * which the README's table and the public types are generated (docs.ts).
 *
 * Zod decides *whether* a value is wrong; the message says what was expected. A field's
 * `expected` names what it takes whatever the mistake (a list of widths is refused as a whole,
 * "images.widths: expected a list of widths…, found the list [15,800]"); a check that finds a
 * particular mistake (a pattern without `{slug}`) says so in its own message.
 */
import { IANAZone } from "luxon";
import { z } from "zod";
import { PERMALINK_TOKENS } from "../kernel/permalink.ts";
import { isUrlSafeSlug, slugify } from "../kernel/slug.ts";
import { sectionDeclarationProblem } from "../kernel/topics.ts";

/** What one option, or one group of options, says about itself. */
export interface OptionDoc {
  /** What it does, for the README's table and the types' JSDoc (markdown). */
  description: string;
  /** What a wrong value should have been: "a whole number of at least 1". A function when the reason depends on the value. */
  expected?: string | ((value: unknown) => string);
  /** The default as the docs show it, where the value says less ("the `locale`"); otherwise the default value itself. */
  shownDefault?: string;
  /** The name of the TypeScript type generated for a group (`SearchOptions`) or a list's item (`SectionDeclaration`). */
  typeName?: string;
  /** The TypeScript type, where the schema cannot tell it (a function). */
  tsType?: string;
  /** An optional feature (set by `feature`): its settings when absent, and those `false` stands for. */
  feature?: { absent: object; off: object };
}

/** The documentation of every option and group, by schema. */
export const optionDocs = z.registry<OptionDoc>();

/** An option: its schema with its documentation. */
export function option<T extends z.ZodType>(schema: T, doc: OptionDoc): T {
  (schema as z.ZodType).register(optionDocs, doc);
  return schema;
}

// ---- values ----------------------------------------------------------------------------------

export const text = () => z.string();
/** Text with something in it (spaces alone are nothing). */
export const nonBlank = () => z.string().regex(/\S/);
/** A whole number in a range. */
export const wholeNumber = (min: number, max?: number) => (max === undefined ? z.int().min(min) : z.int().min(min).max(max));
export const flag = () => z.boolean();

/** A value of `schema` that `problem` finds nothing wrong with; the message is the problem found. */
function checked<T extends z.ZodType>(schema: T, problem: (value: z.output<T>) => string | undefined): T {
  return schema.check((ctx) => {
    const found = problem(ctx.value as z.output<T>);
    if (found !== undefined) ctx.issues.push(expectation(found, ctx.value));
  });
}

/** An issue that says what was expected (the error map uses its words rather than the option's). */
export function expectation(expected: string, input: unknown, path?: PropertyKey[]): z.core.$ZodRawIssue {
  return { code: "custom", message: expected, input, params: { expected }, ...(path ? { path } : {}) };
}

/** A URL pattern: starts and ends with "/", with these tokens only, these required. */
export const urlPattern = (allowed: readonly string[], required: readonly string[] = allowed) =>
  checked(z.string(), (value) => checkPattern(value, allowed, required));
/** A fixed site path such as "/search/". */
export const sitePath = () => urlPattern([], []);

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

export const permalinkPattern = () => checked(z.string(), checkPermalink);

function isSupportedLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}
export const locale = () => z.string().refine(isSupportedLocale);
export const timeZone = () => z.string().refine((zone) => IANAZone.isValidZone(zone));

export function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
export const httpUrl = () => z.string().refine(isAbsoluteHttpUrl);

// ---- sections --------------------------------------------------------------------------------

const SECTIONS_EXPECTED =
  'a list of sections, each a name or { name, label?, slug? }, such as ["Thời sự", { name: "Xây dựng Đảng", slug: "xay-dung-dang" }]';

/** A declared section: its name, or its name with the label menus show and its URL slug. */
const sectionDeclaration = option(
  z.union([z.string(), z.strictObject({ name: z.string(), label: z.string().optional(), slug: z.string().optional() })]),
  {
    description:
      "A section the site declares: the name posts write in `category`, or that name with the label menus show and the URL slug (defaults: the name, and the name slugged like titles).",
    typeName: "SectionDeclaration",
  },
);

/** The declared sections: every item a section with a name; no name, no slug, twice. */
export const sectionList = () => checked(z.array(sectionDeclaration), checkSections);

/** What is wrong with a list of declared sections, or undefined. */
function checkSections(list: unknown): string | undefined {
  if (!Array.isArray(list)) return SECTIONS_EXPECTED;
  const names = new Set<string>();
  const slugs = new Set<string>();
  for (const item of list as unknown[]) {
    const entry = typeof item === "string" ? { name: item } : item;
    if (!entry || typeof entry !== "object") return SECTIONS_EXPECTED;
    const { name, label, slug } = entry as { name?: unknown; label?: unknown; slug?: unknown };
    if (typeof name !== "string" || name.trim() === "") return `${SECTIONS_EXPECTED} (a section without a name)`;
    if (label !== undefined && typeof label !== "string") return `${SECTIONS_EXPECTED} (the label of "${name}" is not text)`;
    if (slug !== undefined && (typeof slug !== "string" || !isUrlSafeSlug(slug))) {
      return `${SECTIONS_EXPECTED} (the slug of "${name}" is not lowercase ASCII letters, digits and hyphens)`;
    }
    const unslugged = sectionDeclarationProblem(typeof slug === "string" ? { name, slug } : name);
    if (unslugged) return `${SECTIONS_EXPECTED} (${unslugged})`;
    const finalSlug = typeof slug === "string" ? slug : slugify(name);
    if (names.has(name)) return `${SECTIONS_EXPECTED} ("${name}" is declared twice)`;
    if (slugs.has(finalSlug)) return `${SECTIONS_EXPECTED} (two sections have the slug "${finalSlug}")`;
    names.add(name);
    slugs.add(finalSlug);
  }
  return undefined;
}

/** What a list of sections should have been, said of this one. */
export const sectionsExpected = (value: unknown) => checkSections(value) ?? SECTIONS_EXPECTED;

// ---- groups ----------------------------------------------------------------------------------

/** A group of options: an object refusing unknown keys, every field with its default, absent meaning all defaults. */
export function group<Shape extends z.ZodRawShape>(shape: Shape, doc: OptionDoc) {
  // Every field has a default, so {} is a whole group (a generic shape cannot show it to the compiler).
  return option(z.strictObject(shape).prefault({} as z.input<z.ZodObject<Shape>>), doc);
}

/**
 * An optional feature's group, with the shorthand: `false` turns the feature off (`off`), `true`
 * turns it on with its defaults, an object sets its fields. Absent, the feature is as `absent`
 * says. A feature with an `enabled` field has it default to true: a group written as an object
 * is on unless it says `enabled: false` (`cms: { backend }` is the editor with that backend).
 */
export function feature<Shape extends z.ZodRawShape>(
  shape: Shape,
  doc: OptionDoc & { absent: z.input<z.ZodObject<Shape>>; off: z.input<z.ZodObject<Shape>> },
) {
  const { absent, off, ...rest } = doc;
  const settings = z.strictObject(shape);
  const shorthand = (value: boolean | z.input<typeof settings>) => (value === true ? {} : value === false ? off : value);
  return option(z.preprocess(shorthand, settings).prefault(absent), { ...rest, feature: { absent, off } });
}

// ---- reading the schemas ---------------------------------------------------------------------

/** The schema under wrappers that change neither the fields nor the keys (defaults, optional, checks, the shorthand). */
export function unwrap(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType };
  if (def.innerType) return unwrap(def.innerType);
  // A pipe: the shorthand's preprocess keeps the fields of what it feeds (`out`), a transform those of its input.
  if (def.type === "pipe") return unwrap(def.out?._zod.def.type === "transform" ? def.in! : def.out!);
  return schema;
}

/** The fields of a group, a list's item or the root: undefined for a value that is not an object. */
export function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; shape?: Record<string, z.ZodType>; options?: z.ZodType[] };
  if (def.type === "object") return def.shape;
  if (def.type !== "union") return undefined;
  return (def.options ?? []).map(fieldsOf).find((fields) => fields !== undefined);
}

/** The schema at a path of keys and list indexes, or undefined. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  for (const key of path) {
    if (!schema) return undefined;
    const inner = unwrap(schema);
    const def = inner._zod.def as { type: string; element?: z.ZodType };
    schema = typeof key === "number" ? (def.type === "array" ? def.element : undefined) : fieldsOf(inner)?.[String(key)];
  }
  return schema;
}

/** Words and field builders the features' option schemas share. */
export const LOCALE_EXPECTED = 'a BCP 47 locale supported by Intl, such as "vi" or "en"';
export const WHOLE_FROM_1 = "a whole number of at least 1";
export const TRUE_OR_FALSE = "true or false";
export const A_STRING = "a string";
export const UP_TO_50 = "a whole number from 0 to 50";
const LAYOUT = "a layout path inside your includes folder";
const COLOUR = 'a colour such as "#8b1a1a"';
const FEED_FILE = 'a file path starting with "/", such as "/feed.xml"';

export const enabled = (description: string, shownDefault?: string) =>
  option(flag().default(true), { description, expected: TRUE_OR_FALSE, ...(shownDefault ? { shownDefault } : {}) });
export const layout = (file: string, description: string) =>
  option(nonBlank().default(`newsroom/${file}`), { description, expected: LAYOUT });
export const feedFile = (file: string, description: string) =>
  option(
    z
      .string()
      .regex(/^\/[^{}]*[^/]$/)
      .default(file),
    { description, expected: FEED_FILE },
  );
export const colour = (description: string) =>
  option(
    z
      .string()
      .regex(/^#[0-9a-f]{3,8}$/i)
      .default("#ffffff"),
    { description, expected: COLOUR },
  );
