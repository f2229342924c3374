/** Splits a post file into YAML front matter and markdown body. */
import yaml from "js-yaml";

export interface SourceFile {
  /** Parsed front matter: a plain object (may be empty). */
  data: Record<string, unknown>;
  /** Markdown body, NFC-normalized, `\n` line endings. */
  body: string;
}

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
  return { ok: true, source: { data: data as Record<string, unknown>, body } };
}
