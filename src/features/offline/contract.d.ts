/**
 * What the service worker (client/service-worker.js, written into the site as /sw.js) reads from
 * the build: one declaration, used by service-worker.ts, which writes the settings into the worker,
 * and by the worker (tsconfig.sw.json checks it with the globals of types/service-worker.d.ts).
 */

/** The settings the worker runs with, written in place of `self.__NEWSROOM_OFFLINE__`. */
export interface ServiceWorkerConfig {
  /** Workbox's folder in the site (path prefix applied), where `workbox-sw.js` and its modules are. */
  workbox: string;
  /** The search bundle's folder. */
  searchBundle: string;
  /** The files naming the current index (the parts' list, each bundle's entry): network first. */
  searchEntries: string;
  /** Each index part's cache, named for the part's current index ("2019" → "newsroom-search-2019-3f2a9c1e"). */
  searchCaches: Record<string, string>;
  /** The page shown for a page neither online nor kept. */
  offlinePage: string;
  /** Pages kept as soon as the worker is installed. */
  warmPages: string[];
  /** How many pages are kept. */
  maxPages: number;
  /** URL folders whose requests go to the network untouched (absent: none). */
  bypass?: string[];
}

/** The expressions in the worker the build replaces: the settings, and Workbox's list of files downloaded with the worker. */
export type ServiceWorkerPlaceholder = "self.__NEWSROOM_OFFLINE__" | "self.__WB_MANIFEST";
