/**
 * From what users write to what the plugin uses: `resolveOptions` parses the options with the
 * schema (defaults filled in, the caller's objects untouched) and turns zod's issues into the
 * plugin's messages, one line per wrong option, all at once:
 *
 *   eleventy-plugin-newsroom: invalid plugin options:
 *     - timeZone: expected an IANA time zone such as "Asia/Ho_Chi_Minh" or "UTC", found "Asia/Hanoi"
 *     - search.partsize: unknown option (did you mean partSize?)
 */
import leven from "leven";
import type { z } from "zod";
import { describe, NewsroomError } from "../kernel/errors.ts";
import { fieldsOf, optionDocs, schemaAt, type OptionDoc } from "./fields.ts";
import { newsroomOptions, optionGroups } from "./schema.ts";
import type { NewsroomOptions, NewsroomUserOptions } from "./types.ts";

/** The defaults, as the schema fills them in (`site.language` is "": resolving takes the `locale`). */
export const defaults: NewsroomOptions = optionGroups.parse({});

/** Merges user options over the defaults (without touching either) and checks them. */
export function resolveOptions(user: NewsroomUserOptions = {}): NewsroomOptions {
  if (user === null || typeof user !== "object" || Array.isArray(user)) {
    throw new NewsroomError(`options must be an object, found ${describe(user)}`);
  }
  const result = newsroomOptions.safeParse(user, { reportInput: true });
  if (result.success) return result.data;
  const lines = optionProblems(result.error.issues, user);
  throw new NewsroomError(`invalid plugin options:\n${lines.map((line) => `  - ${line}`).join("\n")}`, { cause: result.error });
}

/** Every documented option and group by its dotted path ("search", "search.partSize"). */
const documented = new Map<string, { doc: OptionDoc | undefined; schema: z.ZodType }>();
for (const [name, schema] of Object.entries(optionGroups.shape)) {
  documented.set(name, { doc: optionDocs.get(schema), schema });
  const fields = fieldsOf(schema);
  if (fields)
    for (const [field, inner] of Object.entries(fields)) documented.set(`${name}.${field}`, { doc: optionDocs.get(inner), schema: inner });
}

/**
 * The error map: zod's issues as the plugin's lines, "<option>: expected <what it takes>, found
 * <the value>", one per option (a list is named as a whole, with the whole list found), and
 * "<path>: unknown option (did you mean <nearest>?)" for each unknown key at any depth.
 */
function optionProblems(issues: readonly z.core.$ZodIssue[], user: unknown): string[] {
  const lines = new Map<string, string>();
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) lines.set(`${pathText(issue.path)}\u0000${key}`, unknownKey(issue.path, key));
      continue;
    }
    const field = optionOf(issue.path);
    const name = pathText(field);
    if (lines.has(name)) continue;
    const written = valueAt(user, field);
    const value = written === undefined && issue.code === "custom" ? issue.input : written;
    const own = issue.code === "custom" ? (issue.params as { expected?: string } | undefined)?.expected : undefined;
    const expected = own ?? expectedOf(name, value);
    lines.set(name, `${name}: expected ${expected}, found ${describe(value)}`);
  }
  return [...lines.values()];
}

/** The option an issue is about: the longest documented start of its path (a list's item is its list's problem). */
function optionOf(path: readonly PropertyKey[]): PropertyKey[] {
  for (let length = path.length; length > 0; length--) {
    if (documented.has(pathText(path.slice(0, length)))) return path.slice(0, length);
  }
  return [...path];
}

/** What an option takes: its own words, or for a group, what its settings are. */
function expectedOf(name: string, value: unknown): string {
  const entry = documented.get(name);
  const expected = entry?.doc?.expected;
  if (typeof expected === "function") return expected(value);
  if (expected) return expected;
  const fields = entry ? Object.keys(fieldsOf(entry.schema) ?? {}) : [];
  const settings = `an object of its settings { ${fields.join(", ")} }`;
  return entry?.doc?.feature ? `true (on, with its defaults), false (off) or ${settings}` : settings;
}

/** An unknown key, with the nearest known one at its place (case and two or three letters apart), else every known one. */
function unknownKey(path: readonly PropertyKey[], key: string): string {
  const known = Object.keys(fieldsOf(schemaAt(optionGroups, path) ?? optionGroups) ?? {});
  const nearest = nearestName(key, known);
  const where = pathText([...path, key]);
  return nearest ? `${where}: unknown option (did you mean ${nearest}?)` : `${where}: unknown option (known: ${known.join(", ")})`;
}

/** The known name nearest to a misspelt one, or undefined when none is near (a third of its letters or two, whichever is more). */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = leven(name.toLowerCase(), candidate.toLowerCase(), { maxDistance: limit + 1 });
    if (distance <= limit && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** "search.partSize", "sections.categories[1].lable". */
function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    "",
  );
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
