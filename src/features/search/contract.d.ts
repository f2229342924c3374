/**
 * What the search page reads from the build: one declaration, used by the indexer that writes
 * these files (src/features/search/indexer.ts) and the browser scripts that read them (JSDoc imports).
 */

/** One Pagefind bundle of the search index (see src/features/search/parts.ts). */
export interface Part {
  /** "all" (one index), "2019" (a year), "2016-2018" (whole years) or "2019-07" (a span of months). */
  key: string;
  /** The first and last month the part covers, "yyyy-MM". */
  first: string;
  last: string;
  /** How many posts it holds. */
  posts: number;
  /** What its index was made from: same hash, same bytes. */
  hash: string;
  /** The bundle's folder from the bundle folder, "" for the root (the newest part), else "parts/<key>/". */
  path: string;
}

/** `/pagefind/parts.json`. */
export interface PartsManifest {
  version: 2;
  /** Oldest first; the last is the root bundle, with Pagefind's script, worker and WebAssembly. */
  parts: Part[];
}
