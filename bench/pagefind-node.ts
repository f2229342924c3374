/**
 * A built site's search index opened in Node as the search page opens it: the root bundle's
 * `pagefind.js` (a fresh module instance each time) and the parts through the site's own client,
 * `src/client/search-parts.js`. Files are read from disk through a `fetch` shim for `file:` URLs,
 * which can count what a search fetches.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openSearch } from "../src/client/search-parts.js";
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
export interface NodeIndex {
  /** The parts listed in parts.json. */
  parts: number;
  search(
    term: string | null,
    options?: { filters?: Record<string, unknown>; sort?: Record<string, "asc" | "desc"> },
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
  return {
    parts: search.parts.length,
    search: (term, options) => search.search(term, options) as Promise<{ results: Result[] }>,
  };
}

/** Stops counting (the list passed to openIndex keeps what it got). */
export function stopCounting(): void {
  counting = undefined;
}
