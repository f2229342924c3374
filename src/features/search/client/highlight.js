// Highlighting search words in excerpts the way readers type them: without accents, and
// with "d" for "đ". Plain JavaScript shared by the search page and the tests.

/**
 * Lowercase, no diacritics, đ→d: "Đảng" → "dang".
 * @param {string} text
 */
export function fold(text) {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** @param {string} query @returns {string[]} folded query words */
export function queryWords(query) {
  return (fold(query.normalize("NFC")).match(WORD) ?? []).filter(Boolean);
}

/** @param {string} word @param {string[]} terms */
function matches(word, terms) {
  const folded = fold(word);
  return terms.some((t) => folded === t || (t.length >= 2 && folded.startsWith(t)));
}

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Adds `<mark>` around the words of a Pagefind excerpt that match the query once folded,
 * which Pagefind misses for `đ` words found through their folded form. When the excerpt
 * still marks nothing, makes one from `content` around the first matching word.
 *
 * @param {string} excerpt Pagefind's excerpt (HTML: escaped text and <mark> elements)
 * @param {string} content the record's plain text
 * @param {string} query what the reader typed
 * @param {number} [size] words in a rebuilt excerpt
 * @returns {string} HTML
 */
export function highlightExcerpt(excerpt, content, query, size = 30) {
  const terms = queryWords(query);
  if (terms.length === 0) return excerpt;
  // Leave existing marks and HTML entities (&lt; …) alone; look at the words in between.
  const parts = excerpt.split(/(<mark>.*?<\/mark>|&#?\w+;)/s);
  const marked = parts
    .map((part) =>
      part.startsWith("<mark>") || part.startsWith("&") ? part : part.replace(WORD, (w) => (matches(w, terms) ? `<mark>${w}</mark>` : w)),
    )
    .join("");
  if (marked.includes("<mark>")) return marked;

  const words = [...content.matchAll(WORD)];
  const hit = words.findIndex((w) => matches(w[0], terms));
  if (hit === -1) return marked;
  const first = Math.max(0, hit - Math.floor(size / 3));
  const last = Math.min(words.length - 1, first + size - 1);
  const start = words[first].index;
  const end = words[last].index + words[last][0].length;
  const slice = content.slice(start, end);
  const html = escapeHtml(slice).replace(WORD, (w) => (matches(w, terms) ? `<mark>${w}</mark>` : w));
  return `${start > 0 ? "… " : ""}${html}${end < content.length ? " …" : ""}`;
}
