// Registers Newsroom's service worker (/sw.js beside this site's root), which keeps the pages a
// reader visits and the search files for offline use. Loaded by every page of a production build.
if ("serviceWorker" in navigator) {
  const worker = new URL("../../sw.js", import.meta.url);
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker
    .register(worker)
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // This page came from the network before the worker ran: ask it to keep a copy too.
      if (!hadController) registration.active?.postMessage({ type: "newsroom:keep-page", url: location.href });
    })
    .catch((error) => console.warn("[newsroom] offline reading is unavailable:", error));
}
