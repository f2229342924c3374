/**
 * A built site's search index opened in Node as the search page opens it: the root bundle's
 * `pagefind.js` (a fresh module instance each time) and the parts through the site's own client,
 * `src/features/search/client/search-parts.js`. Files are read from disk through a `fetch` shim for `file:` URLs,
 * which can count what a search fetches.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openSearch } from "../src/features/search/client/search-parts.js";
import { serveFilesToFetch } from "../test/helpers/file-fetch.ts";

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
export interface Result {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
/**
 * What the client tells while it searches: `onFirst` gets the newest part's results (the first page a
 * reader sees) before the older parts are searched; never called with one index, nor by a client
 * that predates it (the complete results are then the first).
 */
export interface SearchHooks {
  onFirst?(response: { results: Result[] }): void;
}
export interface NodeIndex {
  /** The parts listed in parts.json (1 when the client lists none: one index). */
  parts: number;
  search(
    term: string | null,
    options?: { filters?: Record<string, unknown>; sort?: Record<string, "asc" | "desc"> },
    hooks?: SearchHooks,
  ): Promise<{ results: Result[] }>;
}

/** What a counting window saw: every file fetched, with its size. */
export interface Fetched {
  url: string;
  bytes: number;
}

let counting: Fetched[] | undefined;
const count = (url: string, bytes: number) => void counting?.push({ url, bytes });
const shimFetch = () => serveFilesToFetch(count);

/** Opens `<siteDir>/pagefind/`; `fetched` (when given) receives the module itself and every file fetched from now on. */
export async function openIndex(siteDir: string, fetched?: Fetched[]): Promise<NodeIndex> {
  shimFetch();
  const bundle = path.join(siteDir, "pagefind");
  const moduleFile = path.join(bundle, "pagefind.js");
  if (fetched) {
    // The browser fetches the module itself too; Node imports it without fetch.
    fetched.push({ url: pathToFileURL(moduleFile).href, bytes: (await readFile(moduleFile)).byteLength });
    counting = fetched;
  }
  const pagefind = await import(`${pathToFileURL(moduleFile).href}?instance=${Math.random()}`);
  const search = await openSearch({ bundleUrl: `${pathToFileURL(bundle).href}/`, baseUrl: "/", pagefind });
  // The hooks argument is newer than the client's declared signature: passed through as is.
  const searchWithHooks = search.search.bind(search) as (...args: unknown[]) => Promise<{ results: Result[] }>;
  const parts = (search as { parts?: unknown[] }).parts;
  return {
    parts: Array.isArray(parts) ? parts.length : 1,
    search: (term, options, hooks) => searchWithHooks(term, options, hooks),
  };
}

/** Stops counting (the list passed to openIndex keeps what it got). */
export function stopCounting(): void {
  counting = undefined;
}
