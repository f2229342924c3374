/**
 * Queries a built Pagefind bundle from Node with Pagefind's own `pagefind.js`: the same
 * code the browser runs, fed from disk through a `fetch` shim for `file:` URLs.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openSearch } from "../../src/features/search/client/search-parts.js";
import { serveFilesToFetch } from "./file-fetch.ts";

export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  locations: number[];
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Record<string, any>; sort?: Record<string, "asc" | "desc"> },
    hooks?: {
      onFirst?: (first: { results: { id: string; score: number; data(): Promise<PagefindResultData> }[] }) => void | Promise<void>;
    },
  ): Promise<{
    results: { id: string; score: number; data(): Promise<PagefindResultData> }[];
    filters: Record<string, Record<string, number>>;
  }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy?(): Promise<void>;
}

/** Every file the shim served, in order (tests clear it to count a search's downloads). */
export const fetched: string[] = [];

const record = (url: string) => void fetched.push(url);
const shimFetch = () => serveFilesToFetch(record);

/**
 * Opens the index at `<siteDir>/pagefind/` as the search page does: the root's `pagefind.js`
 * (a fresh module instance per call) and every part through the site's own client
 * (src/features/search/client/search-parts.js).
 */
export async function loadPagefind(siteDir: string, bundle = "pagefind"): Promise<PagefindApi> {
  shimFetch();
  const dir = path.join(siteDir, bundle);
  const moduleUrl = `${pathToFileURL(path.join(dir, "pagefind.js")).href}?instance=${Math.random()}`;
  const pagefind = await import(/* @vite-ignore */ moduleUrl);
  const open = (baseUrl: string) => openSearch({ bundleUrl: `${pathToFileURL(dir).href}/`, baseUrl, pagefind });
  let search = await open("/");
  return {
    // Only `baseUrl` (the deploy prefix of result URLs) is taken: the search is opened again with it.
    options: async (options) => {
      if (typeof options.baseUrl === "string") search = await open(options.baseUrl);
    },
    search: (term, options, hooks) => search.search(term, options, hooks) as ReturnType<PagefindApi["search"]>,
    filters: () => search.filters(),
  };
}

/** Search and load every result's data. */
export async function searchAll(pagefind: PagefindApi, term: string | null, options: Parameters<PagefindApi["search"]>[1] = {}) {
  const response = await pagefind.search(term, options);
  return Promise.all(response.results.map((r) => r.data()));
}

/** The highlighted words of an excerpt. */
export function marks(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1] ?? "");
}
