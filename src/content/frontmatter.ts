/** Splits a post file into YAML front matter and markdown body. */
import yaml from "js-yaml";

export interface SourceFile {
  /** Parsed front matter: a plain object (may be empty). */
  data: Record<string, unknown>;
  /** Markdown body, NFC-normalized, `\n` line endings. */
  body: string;
  /** The front matter as written (YAML text): error messages quote what the author wrote. */
  frontMatter: string;
}

/** Front matter is a few lines of fields: anything bigger is a mistake (or an attack on the parser). */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;
/** A YAML anchor (`&name`), which aliases (`*name`) repeat: news front matter never needs them. */
const ANCHOR = /(?:^|[\s[{,:-])&[^\s[\]{},]+/m;

export type SplitResult = { ok: true; source: SourceFile } | { ok: false; expected: string; found: string; cause?: unknown };

const OPENING = /^---[ \t]*\n/;
const CLOSING = /\n---[ \t]*(?:\n|$)/;

/**
 * Reads a post's text. Strips a byte-order mark, accepts CRLF line endings, normalizes to NFC.
 * YAML is read with the core schema: `date: 2019-10-18` stays the string "2019-10-18", so that
 * dates are interpreted in the site's time zone, never as midnight UTC.
 */
export function splitFrontMatter(raw: string): SplitResult {
  const text = raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
  if (!OPENING.test(text)) {
    return { ok: false, expected: 'front matter between two "---" lines at the top of the file', found: "no opening ---" };
  }
  const afterOpening = text.replace(OPENING, "");
  const closing = CLOSING.exec("\n" + afterOpening);
  if (!closing) {
    return { ok: false, expected: 'front matter closed by a "---" line', found: "no closing ---" };
  }
  const yamlText = afterOpening.slice(0, Math.max(0, closing.index - 1));
  const body = afterOpening.slice(closing.index - 1 + closing[0].length);
  if (Buffer.byteLength(yamlText) > MAX_FRONT_MATTER_BYTES) {
    return {
      ok: false,
      expected: `front matter of at most ${MAX_FRONT_MATTER_BYTES / 1024} KB`,
      found: `${Math.ceil(Buffer.byteLength(yamlText) / 1024)} KB`,
    };
  }
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
  if (data === undefined || data === null) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      expected: "YAML key: value pairs",
      found: Array.isArray(data) ? "a list" : `the ${typeof data} ${JSON.stringify(data)}`,
    };
  }
  return { ok: true, source: { data: data as Record<string, unknown>, body, frontMatter: yamlText } };
}
