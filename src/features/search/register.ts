/** The search feature's page and browser scripts (the index itself is built in build/build.ts). */
import type { FeatureContext } from "../../kernel/feature.ts";

/** The search page's scripts, served as they are. */
export const SEARCH_ASSETS = {
  "/assets/newsroom/search.js": "features/search/client/search.js",
  "/assets/newsroom/search-parts.js": "features/search/client/search-parts.js",
  "/assets/newsroom/date-range.js": "features/search/client/date-range.js",
  "/assets/newsroom/highlight.js": "features/search/client/highlight.js",
} as const;

/** Registers the search page (option `search.page`) and its scripts when search is on: with search off the output holds none of its files. */
export function registerSearch(options: { enabled: boolean; page: string; layout: string }, context: FeatureContext): void {
  if (!options.enabled) return;
  context.addPage("search", options.layout, { permalink: options.page });
  for (const [url, file] of Object.entries(SEARCH_ASSETS)) context.addAsset(url, file);
}
