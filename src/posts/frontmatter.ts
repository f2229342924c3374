/** Splits a post file into front matter (YAML, or JSON after `---json`, as Eleventy reads them) and markdown body. */
import yaml from "js-yaml";

/** The front matter's language: YAML (`---`, `---yaml`) or JSON (`---json`). */
export type FrontMatterLanguage = "yaml" | "json";

export interface SourceFile {
  /** Parsed front matter: a plain object (may be empty). */
  data: Record<string, unknown>;
  /** Markdown body, NFC-normalized, `\n` line endings. */
  body: string;
  /** The front matter as written (YAML or JSON text): error messages quote what the author wrote. */
  frontMatter: string;
  language: FrontMatterLanguage;
}

/** Front matter is a few lines of fields: anything bigger is a mistake (or an attack on the parser). */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;
/** A YAML anchor (`&name`), which aliases (`*name`) repeat: news front matter never needs them. */
const ANCHOR = /(?:^|[\s[{,:-])&[^\s[\]{},]+/m;

export type SplitResult = { ok: true; source: SourceFile } | { ok: false; expected: string; found: string; cause?: unknown };

/** The opening line, with the language Eleventy allows after it (`---json`, `--- yaml`). */
const OPENING = /^---[ \t]*([A-Za-z][\w-]*)?[ \t]*\n/;
const CLOSING = /\n---[ \t]*(?:\n|$)/;
const LANGUAGES: Record<string, FrontMatterLanguage> = { yaml: "yaml", yml: "yaml", json: "json" };
const SUPPORTED = 'YAML front matter (after a "---" line) or JSON (after "---json")';

/**
 * Reads a post's text. Strips a byte-order mark, accepts CRLF line endings, normalizes to NFC.
 * YAML is read with the core schema: `date: 2019-10-18` stays the string "2019-10-18", so that
 * dates are interpreted in the site's time zone, never as midnight UTC. JSON (`---json`) is
 * read with `JSON.parse`, and checked against the same fields.
 */
export function splitFrontMatter(raw: string): SplitResult {
  const text = raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
  const opening = OPENING.exec(text);
  if (!opening) {
    return { ok: false, expected: 'front matter between two "---" lines at the top of the file', found: "no opening ---" };
  }
  const word = opening[1]?.toLowerCase();
  const language = word === undefined ? "yaml" : LANGUAGES[word];
  if (!language) return { ok: false, expected: SUPPORTED, found: `front matter in "${opening[1]}" (the line "${opening[0].trim()}")` };
  const afterOpening = text.slice(opening[0].length);
  const closing = CLOSING.exec("\n" + afterOpening);
  if (!closing) {
    return { ok: false, expected: 'front matter closed by a "---" line', found: "no closing ---" };
  }
  const frontMatter = afterOpening.slice(0, Math.max(0, closing.index - 1));
  const body = afterOpening.slice(closing.index - 1 + closing[0].length);
  if (Buffer.byteLength(frontMatter) > MAX_FRONT_MATTER_BYTES) {
    return {
      ok: false,
      expected: `front matter of at most ${MAX_FRONT_MATTER_BYTES / 1024} KB`,
      found: `${Math.ceil(Buffer.byteLength(frontMatter) / 1024)} KB`,
    };
  }
  const parsed = language === "json" ? parseJson(frontMatter) : parseYaml(frontMatter);
  if (!parsed.ok) return parsed;
  return { ok: true, source: { data: parsed.data, body, frontMatter, language } };
}

type Parsed = { ok: true; data: Record<string, unknown> } | { ok: false; expected: string; found: string; cause?: unknown };

function parseYaml(yamlText: string): Parsed {
  // Aliases can repeat a structure exponentially ("billion laughs"): refused before parsing.
  const anchor = ANCHOR.exec(yamlText);
  if (anchor) {
    return {
      ok: false,
      expected: 'plain YAML without anchors and aliases (&name, *name); quote a value that starts with "&" or "*"',
      found: `the anchor ${anchor[0].trim()}`,
    };
  }
  let data: unknown;
  try {
    data = yaml.load(yamlText, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const reason = error instanceof yaml.YAMLException ? error.message.split("\n")[0] : String(error);
    return { ok: false, expected: "valid YAML", found: `a YAML error: ${reason}`, cause: error };
  }
  if (data === undefined || data === null) return { ok: true, data: {} };
  return asFields(data, "YAML key: value pairs");
}

/**
 * JSON front matter, as Eleventy reads it (`JSON.parse`). A key written twice is refused, as
 * YAML refuses it (`JSON.parse` would keep the last silently): js-yaml reads JSON too and names it.
 */
function parseJson(jsonText: string): Parsed {
  if (jsonText.trim() === "") return { ok: true, data: {} };
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (error) {
    return { ok: false, expected: "valid JSON", found: `a JSON error: ${jsonReason(error as Error, jsonText)}`, cause: error };
  }
  try {
    yaml.load(jsonText, { schema: yaml.JSON_SCHEMA });
  } catch (error) {
    if (error instanceof yaml.YAMLException && error.reason === "duplicated mapping key") {
      // js-yaml marks the text just before the second key.
      const line = jsonText.split("\n")[error.mark.line] ?? "";
      const start = line.indexOf('"', Math.max(0, error.mark.column - 1));
      const key = /^"((?:[^"\\]|\\.)*)"/.exec(line.slice(start))?.[1];
      const found = key === undefined ? "a key written twice" : `the key "${key}" written twice (${error.mark.line + 1}:${start + 1})`;
      return { ok: false, expected: "valid JSON with each key once", found, cause: error };
    }
    // Anything else js-yaml cannot read is still valid JSON: JSON.parse's reading stands.
  }
  return asFields(data, 'a JSON object of "key": value pairs');
}

/** "Unexpected token } in JSON at position 12" → "Unexpected token } (2:5)", the same on every Node version. */
function jsonReason(error: Error, jsonText: string): string {
  const message = error.message.split("\n")[0] ?? "";
  const at = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(message);
  if (!at) return message;
  const before = jsonText.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${message.slice(0, at.index)} (${line}:${column})`;
}

/** Front matter must be fields: an object, not a list or a lone value. */
function asFields(data: unknown, expected: string): Parsed {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      expected,
      found: Array.isArray(data) ? "a list" : `the ${data === null ? "value" : typeof data} ${JSON.stringify(data)}`,
    };
  }
  return { ok: true, data: data as Record<string, unknown> };
}
