/* Newsroom's service worker, written into the site by the build (Workbox, loaded from this site).
 * - Pages: from the network (3 s), else the copy kept from the reader's last visit, else the offline page.
 * - Search: Pagefind's script, WebAssembly, metadata and filters come with the worker; index chunks
 *   and fragments (content-hashed names) are kept once fetched, or all of them when the index is small.
 * - Styles and scripts: downloaded with the worker (precache), refreshed when a new build changes them. */
const config = self.__NEWSROOM_OFFLINE__;
importScripts(`${config.workbox}workbox-sw.js`);
workbox.setConfig({ modulePathPrefix: config.workbox, debug: false });
const { core, precaching, routing, strategies, expiration, cacheableResponse, recipes } = workbox;

core.setCacheNameDetails({ prefix: "newsroom" });
self.skipWaiting();
core.clientsClaim();
precaching.cleanupOutdatedCaches();

// Static pages and files are the same whatever the query (`/search/?q=…`, Pagefind's `?ts=…`):
// one cached copy each.
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

routing.registerRoute(
  ({ url }) => url.pathname.startsWith(config.searchBundle) && /\.pf_(meta|index|fragment|filter)$/.test(url.pathname),
  new strategies.CacheFirst({
    cacheName: "newsroom-search",
    plugins: [new expiration.ExpirationPlugin({ maxEntries: 20000, purgeOnQuotaError: true })],
  }),
);

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
