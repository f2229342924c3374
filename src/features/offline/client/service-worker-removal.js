/* Newsroom's offline reading is off (option `offline: false`). A reader whose browser installed the
 * worker of an earlier build keeps it, serving that build's styles and scripts, until /sw.js
 * changes: its next visit fetches this file instead, which deletes Newsroom's caches and
 * unregisters itself. Pages are then fetched from the network as if no worker had run; nothing
 * registers a worker again. */
/** Newsroom's caches: Workbox's precache and runtime ("newsroom-…"), its offline fallback's. @param {string} name */
const ownCache = (name) => name.startsWith("newsroom-") || name === "workbox-offline-fallbacks";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter(ownCache).map((name) => caches.delete(name)));
      await self.registration.unregister();
    })(),
  );
});
