// Searches the site's index with Pagefind's own API, as one index, with phrases ranked first.
//
// The build writes one standard Pagefind bundle at /pagefind/ while the archive fits one index;
// a bigger archive is split by publication date: the newest part at /pagefind/ itself (with
// Pagefind's script, worker and WebAssembly), the older ones under /pagefind/parts/<key>/, all
// listed in /pagefind/parts.json. A search:
//   - opens only the parts its year, month or day filters can match, as one Pagefind instance
//     (the first part opened, each other merged in through `mergeIndex`): the WebAssembly is
//     fetched once, whatever the number of parts;
//   - when it needs older parts too, answers first from the newest part alone (`onFirst`: a
//     first page of results for about the bytes of one small index), then from all of them;
//   - ranks posts where the query's words stand next to each other, in order, above posts where
//     they stand apart (Vietnamese words are mostly two or three syllables: "Đảng bộ", "nông
//     thôn mới"), by Pagefind's own quoted-phrase search over the words already loaded;
//   - sorts by date part by part (the parts are disjoint spans of time).
// `đ`/`Đ` are written as `d`/`D` in the index (Pagefind folds other marks, not this letter), so
// queries are folded the same way; the letters are put back in what readers see (restoreD).
// Plain JavaScript: the browser loads it as is; the tests and the bench run it in Node.

/**
 * @import { DMeta, Part, PartsManifest, PositionDigits, SearchMeta } from "../contract.js"
 */
/**
 * A result's data (Pagefind's fragment): what the search page shows; `meta` as the build writes it.
 * @typedef {{ url: string, content: string, excerpt: string, meta: Partial<SearchMeta> }} PagefindData
 * @typedef {{ id: string, score: number, words?: number[], data: () => Promise<PagefindData> }} PagefindResult
 * @typedef {{ results: PagefindResult[], filters?: Record<string, Record<string, number>> }} PagefindResponse
 * @typedef {{ [name: string]: string | string[] | Filters[] }} Filters Pagefind's filters: a value, values, or `any`/`all` of filters
 * @typedef {{ ranking?: { metaWeights?: Record<string, number> } } & Record<string, unknown>} PagefindOptions
 * @typedef {{
 *   init(): Promise<void>,
 *   options(options: PagefindOptions): Promise<void>,
 *   mergeIndex(path: string, options?: PagefindOptions): Promise<void>,
 *   search(term: string | null, options?: SearchOptions): Promise<PagefindResponse>,
 *   filters(): Promise<Record<string, Record<string, number>>>,
 * }} PagefindInstance
 * @typedef {{ createInstance(options: PagefindOptions): PagefindInstance }} PagefindModule
 * @typedef {{ filters?: Filters, sort?: Record<string, "asc" | "desc"> }} SearchOptions
 * @typedef {{ onFirst?(response: { results: PagefindResult[] }): void | Promise<void> }} SearchHooks
 */

const PART_FILTER = "__part";
/** Meta field of a record: where its text had `đ`/`Đ` (see restoreD). @type {DMeta} */
const D_META = "d";

/**
 * Reads the parts' list and returns a search over them.
 *
 * @param {{ bundleUrl: string, baseUrl: string, pagefind: PagefindModule, options?: PagefindOptions }} settings
 *   `bundleUrl`: the bundle folder's URL, ending in "/"; `pagefind`: the root's `pagefind.js`, imported;
 *   `options`: Pagefind options for every part (excerptLength, ranking…)
 */
export async function openSearch({ bundleUrl, baseUrl, pagefind, options = {} }) {
  const response = await fetch(`${bundleUrl}parts.json`);
  if (!response.ok) throw new Error(`search: ${bundleUrl}parts.json: HTTP ${response.status}`);
  const manifest = /** @type {PartsManifest} */ (await response.json());
  return new PartedSearch(pagefind, manifest, { bundleUrl, baseUrl, options });
}

class PartedSearch {
  /** @type {Map<string, Promise<PagefindInstance>>} */
  #instances = new Map();
  /** Instances open one after another: Pagefind's WebAssembly set-up, shared by a module, breaks when two load at once. */
  #opening = Promise.resolve();

  /**
   * @param {PagefindModule} pagefind
   * @param {PartsManifest} manifest
   * @param {{ bundleUrl: string, baseUrl: string, options: PagefindOptions }} settings
   */
  constructor(pagefind, manifest, settings) {
    this.pagefind = pagefind;
    // The title ranks through its folded copy `t` (đ as d, as queries are); fields never shown as text weigh nothing.
    const ranking = settings.options.ranking ?? {};
    const metaWeights = { title: 0, t: 5, date: 0, image: 0, [D_META]: 0, ...ranking.metaWeights };
    this.settings = { ...settings, options: { ...settings.options, ranking: { ...ranking, metaWeights } } };
    /** @type {Part[]} oldest first; the last is the newest, at the bundle folder itself */
    this.parts = manifest.parts;
  }

  /**
   * The parts a search with these filters can find anything in.
   * @param {Filters | undefined} filters
   */
  partsFor(filters) {
    return this.parts.filter((part) => part.posts > 0 && admits(part, filters ?? {}));
  }

  /**
   * Like Pagefind's `search`: results with `id`, `score` and `data()`, best (or by date) first.
   * When older parts must be searched too and the newest is among the parts, `hooks.onFirst`
   * receives the newest part's results first, and the older parts are opened only once the promise
   * it returns settles (the first page's fragments then have the network to themselves).
   * @param {string | null} term
   * @param {SearchOptions} [options]
   * @param {SearchHooks} [hooks]
   * @returns {Promise<{ results: PagefindResult[] }>}
   */
  async search(term, options = {}, hooks = {}) {
    const parts = this.partsFor(options.filters);
    if (parts.length === 0) return { results: [] };
    const query = term === null ? null : foldQuery(term);
    const newest = this.parts.at(-1);
    if (parts.length > 1 && newest && parts.includes(newest) && !this.#instances.has(keyOf(parts)) && hooks.onFirst) {
      const first = await this.#searchParts([newest], query, options);
      await hooks.onFirst({ results: first.results.map(withD) });
    }
    return { results: (await this.#searchParts(parts, query, options)).results.map(withD) };
  }

  /**
   * @param {Part[]} parts
   * @param {string | null} query
   * @param {SearchOptions} options
   */
  async #searchParts(parts, query, options) {
    const instance = await this.#instance(parts);
    const direction = options.sort ? Object.values(options.sort)[0] : undefined;
    if (parts.length === 1) {
      const { results } = await instance.search(query, options);
      return { results: query && !direction ? await phrasesFirst(instance, query, options, results) : results };
    }
    const { keep, counts } = await partsWithEveryWord(instance, parts, query);
    const perPart = await Promise.all(
      keep.map(async (part) => ({
        part,
        results: (await instance.search(query, { ...options, filters: { ...options.filters, [PART_FILTER]: part.key } })).results,
      })),
    );
    if (direction) {
      // Sorted by date: each part's answer is in date order, and the parts are disjoint spans of time.
      perPart.sort((a, b) => (a.part.first < b.part.first ? -1 : 1) * (direction === "desc" ? -1 : 1));
      return { results: perPart.flatMap((p) => p.results) };
    }
    // Each part scores with its own statistics; weighing each part's scores by how much rarer the
    // query's words are in the whole archive than in the part brings them onto one scale.
    const weight = idfWeights(keep, counts);
    const results = perPart
      .flatMap(({ part, results }) => results.map((result) => ({ ...result, score: result.score * (weight.get(part.key) ?? 1) })))
      .sort((a, b) => b.score - a.score);
    return { results: query ? await phrasesFirst(instance, query, options, results) : results };
  }

  /** Filter values and counts over every part, as Pagefind's `filters()` gives them for one index. */
  async filters() {
    const all = await (await this.#instance(this.parts)).filters();
    delete all[PART_FILTER];
    return all;
  }

  /**
   * One Pagefind instance per set of parts, opened once: the first part's bundle, each other
   * merged in, every one tagged with its key.
   * @param {Part[]} parts
   */
  #instance(parts) {
    const id = keyOf(parts);
    let opened = this.#instances.get(id);
    if (!opened) {
      const { bundleUrl, baseUrl, options } = this.settings;
      // Every bundle has Pagefind's worker and WebAssembly; the root first, when it is one of the parts.
      const root = this.parts.at(-1);
      const ordered = [...parts].sort((a, b) => (a === root ? -1 : b === root ? 1 : 0));
      opened = this.#opening.then(async () => {
        const [first, ...others] = ordered;
        const instance = this.pagefind.createInstance({
          basePath: `${bundleUrl}${first.path}`,
          baseUrl,
          ...options,
          mergeFilter: { [PART_FILTER]: first.key },
        });
        await instance.init();
        await Promise.all(
          others.map((part) =>
            instance.mergeIndex(`${bundleUrl}${part.path}`, { baseUrl, ...options, mergeFilter: { [PART_FILTER]: part.key } }),
          ),
        );
        return instance;
      });
      this.#opening = opened.then(
        () => {},
        () => {},
      );
      this.#instances.set(id, opened);
    }
    return opened;
  }
}

/**
 * A result whose data has `đ`/`Đ` back in its text and excerpt (the index holds them as d/D).
 * @param {PagefindResult} result
 * @returns {PagefindResult}
 */
function withD(result) {
  return {
    ...result,
    data: async () => {
      const data = await result.data();
      const positions = data.meta?.[D_META];
      if (!positions) return data;
      return { ...data, excerpt: restoreExcerptD(data.excerpt, data.content, positions), content: restoreD(data.content, positions) };
    },
  };
}

/** @param {Part[]} parts */
function keyOf(parts) {
  return parts.map((p) => p.key).join(",");
}

/**
 * The parts that contain every word of the query that some part contains. A part without a word
 * would answer with the others alone, or with a shorter word in its place (Pagefind falls back to
 * a word's longest prefix an index has: "dang" finds "dân"), which one index holding the word
 * never does. A word counts as contained when a quoted search (whole words, no fallback) finds
 * it; Pagefind's filter counts say in which parts, and the word's index chunks are the ones the
 * query loads anyway.
 * @param {PagefindInstance} instance
 * @param {Part[]} parts
 * @param {string | null} query
 * @returns {Promise<{ keep: Part[], counts: Record<string, number>[] }>} the parts kept, and per word found somewhere, its posts per part
 */
async function partsWithEveryWord(instance, parts, query) {
  const words = wordsOf(query ?? "");
  if (words.length === 0) return { keep: parts, counts: [] };
  const counts = await Promise.all(words.map(async (word) => (await instance.search(`"${word}"`)).filters?.[PART_FILTER] ?? {}));
  const somewhere = counts.filter((count) => parts.some((part) => (count[part.key] ?? 0) > 0));
  return { keep: parts.filter((part) => somewhere.every((count) => (count[part.key] ?? 0) > 0)), counts: somewhere };
}

/**
 * Per part, the ratio of the query words' inverse document frequency (BM25's) over the parts
 * searched to that within the part: a word common in one year but rare overall would otherwise
 * rank that year's posts too low, and the reverse too high.
 * @param {Part[]} parts
 * @param {Record<string, number>[]} counts per word, its posts in each part
 * @returns {Map<string, number>}
 */
export function idfWeights(parts, counts) {
  /** @param {number} n @param {number} df */
  const idf = (n, df) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const total = parts.reduce((sum, part) => sum + part.posts, 0);
  const overall = counts.reduce(
    (sum, count) =>
      sum +
      idf(
        total,
        parts.reduce((n, part) => n + (count[part.key] ?? 0), 0),
      ),
    0,
  );
  const weights = new Map();
  for (const part of parts) {
    const local = counts.reduce((sum, count) => sum + idf(part.posts, count[part.key] ?? 0), 0);
    weights.set(part.key, local > 0 && overall > 0 ? overall / local : 1);
  }
  return weights;
}

/**
 * The query as the index holds words: `đ`/`Đ` as `d`/`D` (Pagefind folds the other marks itself,
 * and keeps them for its exact-accent boost). Quotes are the reader's own phrase syntax: kept.
 * @param {string} term
 */
export function foldQuery(term) {
  return term.normalize("NFC").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/** @param {string} query @returns {string[]} the query's words, quotes dropped */
function wordsOf(query) {
  return query.replace(/"/g, " ").trim().split(/\s+/).filter(Boolean);
}

/**
 * Results where the query's words stand together rank first: those holding the whole query as a
 * phrase, then by how many of its pairs of neighbouring words they hold side by side, in order
 * (Pagefind's quoted search over the words the query loaded anyway: no more downloads; one search
 * per pair and one for the whole); ties keep Pagefind's order. A query the reader quoted is a
 * phrase search already.
 * @param {PagefindInstance} instance
 * @param {string} query
 * @param {SearchOptions} options
 * @param {PagefindResult[]} results
 */
async function phrasesFirst(instance, query, options, results) {
  const words = wordsOf(query);
  if (words.length < 2 || query.includes('"') || results.length < 2) return results;
  const phrases = words.slice(1).map((word, i) => `${words[i]} ${word}`);
  if (words.length > 2) phrases.push(words.join(" "));
  const found = await Promise.all(phrases.map((phrase) => instance.search(`"${phrase}"`, { filters: options.filters })));
  /** @type {Map<string, number>} result id → rank: whole phrase first, then pairs held */
  const rank = new Map();
  found.forEach((response, i) => {
    const weight = i === words.length - 1 ? words.length : 1; // the last search is the whole query's
    for (const { id } of response.results) rank.set(id, (rank.get(id) ?? 0) + weight);
  });
  if (rank.size === 0) return results;
  return results
    .map((result, order) => ({ result, order, rank: rank.get(result.id) ?? 0 }))
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .map(({ result }) => result);
}

/** Digits of the numbers in a record's `d` meta (punctuation: no word of the index); the build's POSITION_DIGITS. */
/** @type {PositionDigits} */
const POSITION_DIGITS = "!#$%&()*+,-/:;<=";

/** @param {string} digits */
function positionNumber(digits) {
  let n = 0;
  for (const digit of digits) n = n * 16 + POSITION_DIGITS.indexOf(digit);
  return n;
}

/**
 * Puts `đ`/`Đ` back into a record's text or an excerpt of it, which the index holds with `d`/`D`.
 * `positions` (the record's `d` meta, see dPositions in src/features/search/indexer.ts) lists, for each
 * word (a run of non-space characters) that had them, its index among the text's words, and
 * which of its d/D letters were đ/Đ when not all were. `firstWord`: the index of `text`'s first
 * word in the record's text (an excerpt's start). HTML tags and entities (Pagefind's `<mark>`,
 * `&amp;`) hold no d, so an excerpt's words count as its text's.
 * @param {string} text
 * @param {string | undefined} positions
 * @param {number} [firstWord]
 */
export function restoreD(text, positions, firstWord = 0) {
  if (!positions) return text;
  /** @type {Map<number, number>} word index → mask (-1: every d/D) */
  const wanted = new Map();
  let index = 0;
  for (const entry of positions.split(" ")) {
    const [delta, mask] = entry.split(".");
    index += positionNumber(delta);
    wanted.set(index, mask ? positionNumber(mask) : -1);
  }
  let word = firstWord - 1;
  return text.replace(/\S+/g, (token) => {
    word++;
    const mask = wanted.get(word);
    if (mask === undefined) return token;
    let bit = 0;
    return token.replace(/[dD]/g, (letter) => {
      const on = mask === -1 || (mask >> bit) & 1;
      bit++;
      return on ? (letter === "d" ? "đ" : "Đ") : letter;
    });
  });
}

/**
 * A Pagefind excerpt (HTML: escaped text and `<mark>`s) with `đ`/`Đ` put back: its words are found
 * in the record's `content` (the index's text) to know where it starts.
 * @param {string} excerpt
 * @param {string} content
 * @param {string | undefined} positions
 */
export function restoreExcerptD(excerpt, content, positions) {
  if (!positions) return excerpt;
  const plain = excerpt
    .replace(/<\/?mark>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ({ "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' })[entity] ?? "'")
    .match(/\S+/g);
  if (!plain) return excerpt;
  const words = content.match(/\S+/g) ?? [];
  for (let start = 0; start + plain.length <= words.length; start++) {
    if (plain.every((word, i) => words[start + i] === word)) return restoreD(excerpt, positions, start);
  }
  return excerpt;
}

/**
 * Whether a part (a span of months) can hold posts matching these filters: every year, month
 * or day filter must fall in its span; `any` needs one of its alternatives to, `all` each of them.
 * Other filters (category, tag) say nothing about time.
 * @param {Part} part
 * @param {Filters} filters
 * @returns {boolean}
 */
export function admits(part, filters) {
  for (const [name, value] of Object.entries(filters)) {
    if (name === "year" || name === "month" || name === "day") {
      const values = Array.isArray(value) ? value : [value];
      if (!values.every((v) => typeof v !== "string" || overlaps(part, v))) return false;
    } else if (name === "any" && Array.isArray(value)) {
      // (a string among them holds no filter: admits it, as Object.entries of a string gives no year, month or day)
      if (!value.some((alternative) => typeof alternative !== "object" || admits(part, alternative))) return false;
    } else if (name === "all" && Array.isArray(value)) {
      if (!value.every((each) => typeof each !== "object" || admits(part, each))) return false;
    }
  }
  return true;
}

/**
 * @param {Part} part
 * @param {string} period "yyyy", "yyyy-MM" or "yyyy-MM-dd"
 */
function overlaps(part, period) {
  const year = period.slice(0, 4);
  const first = period.length === 4 ? `${year}-01` : period.slice(0, 7);
  const last = period.length === 4 ? `${year}-12` : period.slice(0, 7);
  return part.first <= last && first <= part.last;
}
