/**
 * The globals Newsroom's service worker scripts (src/features/offline/client/service-worker.js,
 * service-worker-removal.js) run with, for tsconfig.sw.json: the service worker's own members of
 * `self` (TypeScript's "WebWorker" lib types `self` as any worker's), Workbox's modules as
 * workbox-sw puts them on `workbox`, and the placeholders the build replaces.
 */
import type { ServiceWorkerConfig } from "../src/features/offline/contract.js";

declare global {
  interface WorkerGlobalScopeEventMap {
    fetch: FetchEvent;
    install: ExtendableEvent;
    activate: ExtendableEvent;
    message: ExtendableMessageEvent;
  }
  interface WorkerGlobalScope {
    skipWaiting(): Promise<void>;
    readonly registration: ServiceWorkerRegistration;
    /** The settings, written by the build (offline/contract.d.ts). */
    readonly __NEWSROOM_OFFLINE__: ServiceWorkerConfig;
    /** The files downloaded with the worker, written by the build. */
    readonly __WB_MANIFEST: import("workbox-precaching").PrecacheEntry[];
  }
  /** Workbox's modules, loaded by workbox-sw from the site's copy. */
  var workbox: {
    setConfig(config: { modulePathPrefix?: string; debug?: boolean }): void;
    core: typeof import("workbox-core");
    precaching: typeof import("workbox-precaching");
    routing: typeof import("workbox-routing");
    strategies: typeof import("workbox-strategies");
    expiration: typeof import("workbox-expiration");
    cacheableResponse: typeof import("workbox-cacheable-response");
    recipes: typeof import("workbox-recipes");
  };
}
