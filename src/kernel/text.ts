/** Plain-text helpers for excerpts, reading time and search. Pure functions. */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Visible text of an HTML fragment: tags dropped, block boundaries kept as spaces, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (entity, name: string) => {
      if (name.startsWith("#x") || name.startsWith("#X")) return character(parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return character(parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** The character of a numeric reference; beyond U+10FFFF there is none, and browsers show U+FFFD. */
function character(codePoint: number): string {
  return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : "\uFFFD";
}

/** Number of words in a text (runs of letters or digits; Vietnamese syllables count as words). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Minutes needed to read `words` at `wordsPerMinute`, at least 1. */
export function readingMinutes(words: number, wordsPerMinute: number): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

/**
 * The start of `text`, at most `maxLength` characters, cut at a word boundary with "…".
 */
export function truncateText(text: string, maxLength: number): string {
  // Only the start matters: a 5 MB post is not normalized whole to cut 200 characters.
  const head = text.length > maxLength * 4 + 64 ? text.slice(0, maxLength * 4 + 64) : text;
  const clean = head.replace(/\s+/g, " ").trim();
  if (clean.length <= maxLength && head === text) return clean;
  const cut = clean.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  const base = lastSpace > maxLength * 0.5 ? cut.slice(0, lastSpace) : cut;
  return `${base.replace(/[\s,;:.!?…-]+$/u, "")}…`;
}
