/* Newsroom's service worker, written into the site by the build (Workbox, loaded from this site).
 * - Pages: from the network (3 s), else the copy kept from the reader's last visit, else the offline page.
 * - Search: Pagefind's script, WebAssembly, metadata and filters come with the worker; index chunks
 *   and fragments (content-hashed names) are kept once fetched, each part's until a deploy changes
 *   that part, or all of them come with the worker when the index is small.
 * - Styles and scripts: downloaded with the worker (precache), refreshed when a new build changes them. */
/** @type {import("../contract.js").ServiceWorkerConfig} (written by the build) */
const config = self.__NEWSROOM_OFFLINE__;
// The web editor (`cms.path`) is never cached nor served offline: before Workbox's router sees its
// requests, this listener (the first) stops them, and the browser fetches them as if no worker ran.
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin === self.location.origin && (config.bypass ?? []).some((folder) => url.pathname.startsWith(folder)))
    event.stopImmediatePropagation();
});
importScripts(`${config.workbox}workbox-sw.js`);
workbox.setConfig({ modulePathPrefix: config.workbox, debug: false });
const { core, precaching, routing, strategies, expiration, cacheableResponse, recipes } = workbox;

core.setCacheNameDetails({ prefix: "newsroom" });
self.skipWaiting();
core.clientsClaim();
precaching.cleanupOutdatedCaches();

// Static pages and files are the same whatever the query (`/search/?q=…`, Pagefind's `?ts=…`):
// one cached copy each.
/** @type {{ cacheKeyWillBeUsed: (param: { request: Request }) => Promise<string> }} */
const withoutQuery = {
  cacheKeyWillBeUsed: async ({ request }) => {
    const url = new URL(request.url);
    url.search = "";
    return url.href;
  },
};
// The parts' list and each bundle's entry file name the current index: the network's copy when
// online, else the last one seen, else the one that came with the worker.
const entryStrategy = new strategies.NetworkFirst({
  cacheName: "newsroom-search-entry",
  networkTimeoutSeconds: 4,
  plugins: [withoutQuery],
});
const searchEntries = config.searchEntries ? new RegExp(config.searchEntries) : undefined;
routing.registerRoute(
  ({ url }) => searchEntries !== undefined && url.pathname.startsWith(config.searchBundle) && searchEntries.test(url.pathname),
  async (options) => {
    try {
      return await entryStrategy.handle(options);
    } catch (error) {
      const precached = await precaching.matchPrecache(options.url.pathname);
      if (precached) return precached;
      throw error;
    }
  },
);

precaching.precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/^ts$/, /^utm_/, /^fbclid$/] });

// Index files not downloaded with the worker are kept once fetched, each part's in a cache of its
// own named for that part's current index (config.searchCaches): a deploy that re-indexes a part
// drops that part's old files when the new worker activates; the other parts keep theirs.
const partCaches = config.searchCaches ?? {};
const partStrategies = new Map();
// An older part's own worker and WebAssembly too: a date filter may open that part first.
const indexFile = /\.pf_(meta|index|fragment|filter)$|\/parts\/[^/]+\/(?:pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/;
routing.registerRoute(
  ({ url }) => url.pathname.startsWith(config.searchBundle) && indexFile.test(url.pathname),
  (options) => {
    const part = /^parts\/([^/]+)\//.exec(options.url.pathname.slice(config.searchBundle.length))?.[1] ?? "";
    const cacheName = partCaches[part];
    if (!cacheName) return fetch(options.request); // a part this worker does not know: not kept
    let strategy = partStrategies.get(cacheName);
    if (!strategy) {
      strategy = new strategies.CacheFirst({
        cacheName,
        plugins: [new expiration.ExpirationPlugin({ maxEntries: 20000, purgeOnQuotaError: true })],
      });
      partStrategies.set(cacheName, strategy);
    }
    return strategy.handle(options);
  },
);
self.addEventListener("activate", (event) => {
  const current = new Set(Object.values(partCaches));
  const stale = (/** @type {string} */ name) =>
    name.startsWith("newsroom-search") && name !== "newsroom-search-entry" && !current.has(name);
  event.waitUntil(caches.keys().then((names) => Promise.all(names.filter(stale).map((name) => caches.delete(name)))));
});

const pages = new strategies.NetworkFirst({
  cacheName: "newsroom-pages",
  networkTimeoutSeconds: 3,
  plugins: [
    withoutQuery,
    new cacheableResponse.CacheableResponsePlugin({ statuses: [200] }),
    new expiration.ExpirationPlugin({ maxEntries: config.maxPages, purgeOnQuotaError: true }),
  ],
});
routing.registerRoute(({ request }) => request.mode === "navigate", pages);
recipes.warmStrategyCache({ urls: config.warmPages, strategy: pages });
recipes.imageCache({ cacheName: "newsroom-images", maxEntries: 200 });
recipes.offlineFallback({ pageFallback: config.offlinePage });

// The page a reader arrived on was fetched before this worker ran: offline.js asks for a copy.
self.addEventListener("message", (event) => {
  const { type, url } = event.data ?? {};
  if (type !== "newsroom:keep-page" || typeof url !== "string" || new URL(url).origin !== self.location.origin) return;
  event.waitUntil(pages.handleAll({ event, request: new Request(url) })[1]);
});
