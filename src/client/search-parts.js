// Searches the index's parts as one index, with Pagefind's own API. The build writes the index
// as parts by publication period (/pagefind/parts/<key>/, listed in /pagefind/parts.json) and a
// root bundle with Pagefind's script, worker and WebAssembly (/pagefind/). A search:
//   - opens only the parts its year, month or day filters can match, as one Pagefind instance
//     (the root, with each part merged in through `mergeIndex`): the WebAssembly is fetched once,
//     from the root, whatever the number of parts;
//   - tags every part with a `__part` filter of its own (no download), to tell results apart;
//   - keeps a single index's meaning of a query: Pagefind drops a word that an index does not
//     contain (or falls back to a shorter word), so a part lacking a word that other parts have
//     would answer with the other words alone — such a part's answer is left out;
//   - sorts by date part by part (the parts are disjoint spans of time), as Pagefind's merge
//     interleaves merged indexes by rank instead.
// Plain JavaScript: the browser loads it as is; the tests and the bench run it in Node.

/**
 * @typedef {{ key: string, first: string, last: string, posts: number }} Part
 * @typedef {{ version: number, rootId: string, parts: Part[] }} PartsManifest
 * @typedef {{ id: string, score: number, data: () => Promise<any> }} PagefindResult
 * @typedef {{ results: PagefindResult[], filters?: Record<string, Record<string, number>> }} PagefindResponse
 * @typedef {{
 *   init(): Promise<void>,
 *   options(options: object): Promise<void>,
 *   mergeIndex(path: string, options?: object): Promise<void>,
 *   search(term: string | null, options?: object): Promise<PagefindResponse>,
 *   filters(): Promise<Record<string, Record<string, number>>>,
 * }} PagefindInstance
 * @typedef {{ createInstance(options: object): PagefindInstance }} PagefindModule
 * @typedef {{ filters?: Record<string, any>, sort?: Record<string, "asc" | "desc"> }} SearchOptions
 */

const PART_FILTER = "__part";

/**
 * Reads the parts' list and returns a search over them.
 *
 * @param {{ bundleUrl: string, baseUrl: string, pagefind: PagefindModule, options?: object }} settings
 *   `bundleUrl`: the bundle folder's URL, ending in "/"; `pagefind`: the root's `pagefind.js`, imported;
 *   `options`: Pagefind options for every part (excerptLength, ranking…)
 */
export async function openSearch({ bundleUrl, baseUrl, pagefind, options = {} }) {
  const response = await fetch(`${bundleUrl}parts.json`);
  if (!response.ok) throw new Error(`search: ${bundleUrl}parts.json: HTTP ${response.status}`);
  const manifest = /** @type {PartsManifest} */ (await response.json());
  return new PartedSearch(pagefind, manifest, { bundleUrl, baseUrl, options });
}

export class PartedSearch {
  /** @type {Map<string, Promise<PagefindInstance>>} */
  #instances = new Map();

  /**
   * @param {PagefindModule} pagefind
   * @param {PartsManifest} manifest
   * @param {{ bundleUrl: string, baseUrl: string, options: object }} settings
   */
  constructor(pagefind, manifest, settings) {
    this.pagefind = pagefind;
    this.manifest = manifest;
    this.settings = settings;
    /** @type {Part[]} oldest first */
    this.parts = manifest.parts;
  }

  /**
   * The parts a search with these filters can find anything in.
   * @param {Record<string, any> | undefined} filters
   */
  partsFor(filters) {
    return this.parts.filter((part) => admits(part, filters ?? {}));
  }

  /**
   * Like Pagefind's `search`: results with `id`, `score` and `data()`, best (or by date) first.
   * @param {string | null} term
   * @param {SearchOptions} [options]
   * @returns {Promise<{ results: PagefindResult[] }>}
   */
  async search(term, options = {}) {
    const parts = this.partsFor(options.filters);
    if (parts.length === 0) return { results: [] };
    const instance = await this.#instance(parts);
    const { keep, counts } = await this.#partsWithEveryWord(instance, parts, term);
    const direction = options.sort ? Object.values(options.sort)[0] : undefined;
    if (!direction && parts.length === 1) return { results: this.#withoutRoot((await instance.search(term, options)).results) };

    const perPart = await Promise.all(
      keep.map(async (part) => {
        const filters = { ...options.filters, [PART_FILTER]: part.key };
        return { part, results: this.#withoutRoot((await instance.search(term, { ...options, filters })).results) };
      }),
    );
    if (!direction) {
      // Each part scores with its own statistics; weighing each part's scores by how much rarer
      // the query's words are in the whole archive than in the part brings them onto one scale.
      const weight = idfWeights(keep, counts);
      const results = perPart.flatMap(({ part, results }) =>
        results.map((result) => ({ ...result, score: result.score * (weight.get(part.key) ?? 1) })),
      );
      return { results: results.sort((a, b) => b.score - a.score) };
    }
    // Sorted by date: each part's answer is in date order, and the parts are disjoint spans of time.
    perPart.sort((a, b) => (a.part.key < b.part.key ? -1 : 1) * (direction === "desc" ? -1 : 1));
    return { results: perPart.flatMap((p) => p.results) };
  }

  /** Filter values and counts over every part, as Pagefind's `filters()` gives them for one index. */
  async filters() {
    const all = await (await this.#instance(this.parts)).filters();
    delete all[PART_FILTER];
    return all;
  }

  /**
   * One Pagefind instance per set of parts, opened once: the root bundle (Pagefind's runtime),
   * each part merged in and tagged with its key.
   * @param {Part[]} parts
   */
  #instance(parts) {
    const id = parts.map((p) => p.key).join(",");
    let opened = this.#instances.get(id);
    if (!opened) {
      const { bundleUrl, baseUrl, options } = this.settings;
      opened = (async () => {
        const instance = this.pagefind.createInstance({ basePath: bundleUrl, baseUrl, ...options });
        await instance.init();
        await Promise.all(
          parts.map((part) =>
            instance.mergeIndex(`${bundleUrl}parts/${part.key}/`, { baseUrl, ...options, mergeFilter: { [PART_FILTER]: part.key } }),
          ),
        );
        return instance;
      })();
      this.#instances.set(id, opened);
    }
    return opened;
  }

  /**
   * The parts that contain every word of the query that some part contains. A part without a
   * word would answer with the others alone, or with a shorter word in its place (Pagefind falls
   * back to a word's longest prefix an index has: "dang" finds "dân"), which one index holding
   * the word never does. A word counts as contained when a quoted search (whole words, no
   * fallback) finds it; Pagefind's filter counts say in which parts, and the word's index chunks
   * are the ones the query loads anyway.
   * @param {PagefindInstance} instance
   * @param {Part[]} parts
   * @param {string | null} term
   * @returns {Promise<{ keep: Part[], counts: Record<string, number>[] }>} the parts kept, and per word found somewhere, its posts per part
   */
  async #partsWithEveryWord(instance, parts, term) {
    const words = (term ?? "").replace(/"/g, " ").trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || parts.length < 2) return { keep: parts, counts: [] };
    const counts = await Promise.all(words.map(async (word) => (await instance.search(`"${word}"`)).filters?.[PART_FILTER] ?? {}));
    const somewhere = counts.filter((count) => parts.some((part) => (count[part.key] ?? 0) > 0));
    return { keep: parts.filter((part) => somewhere.every((count) => (count[part.key] ?? 0) > 0)), counts: somewhere };
  }

  /** @param {PagefindResult[]} results */
  #withoutRoot(results) {
    return results.filter((result) => result.id !== this.manifest.rootId);
  }
}

/**
 * Per part, the ratio of the query words' inverse document frequency (BM25's) over the whole
 * archive to that within the part: a word common in one year but rare overall would otherwise
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
 * Whether a part (a span of months) can hold posts matching these filters: every year, month
 * or day filter must fall in its span; `any` needs one of its alternatives to, `all` each of them.
 * Other filters (category, tag) say nothing about time.
 * @param {Part} part
 * @param {Record<string, any>} filters
 * @returns {boolean}
 */
export function admits(part, filters) {
  for (const [name, value] of Object.entries(filters)) {
    if (name === "year" || name === "month" || name === "day") {
      const values = Array.isArray(value) ? value : [value];
      if (!values.every((v) => typeof v !== "string" || overlaps(part, v))) return false;
    } else if (name === "any" && Array.isArray(value)) {
      if (!value.some((alternative) => admits(part, alternative))) return false;
    } else if (name === "all" && Array.isArray(value)) {
      if (!value.every((each) => admits(part, each))) return false;
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
