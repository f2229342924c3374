/**
 * The service worker's caching rules, read by running its template against a recording stand-in
 * for Workbox: which strategy answers pages, index files, the index's entry files. Guards the
 * planted bug "pages served cache-first" (a corrected article would stay stale for readers) and
 * keeps the refresh after a new deploy (skipWaiting, clientsClaim, outdated caches dropped).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import { PLUGIN_DIR } from "../../../../../src/kernel/paths.ts";
import { defaults } from "../../../../../src/options/index.ts";
import { partCaches, serviceWorkerConfig } from "../../../../../src/features/offline/service-worker.ts";

interface Strategy {
  kind: string;
  options: { cacheName?: string; networkTimeoutSeconds?: number; plugins?: { kind: string; options?: { maxEntries?: number } }[] };
}
type Matcher = (context: { url: URL; request: { mode: string } }) => boolean;

const calls: string[] = [];
const routes: { match: Matcher; handler: unknown }[] = [];
const strategies: Strategy[] = [];
const config = serviceWorkerConfig(
  {
    outputDir: "",
    options: { ...defaults.offline, maxPages: 42 },
    prefix: (url) => `/tin${url}`,
    search: { bundle: "/pagefind/", bytes: 1 },
    warmPages: ["/"],
    files: [],
    generated: [],
  },
  partCaches(
    [
      { url: "pagefind/parts/2019/pagefind-entry.json", revision: "3f2a9c1e77" },
      { url: "pagefind/parts/2020/pagefind-entry.json", revision: "b0b0b0b0b0" },
      { url: "pagefind/pagefind.js", revision: "1234" },
    ],
    "/pagefind/",
  ),
);
const listeners: Record<string, (event: unknown) => void> = {};
const fetched: string[] = [];

beforeAll(() => {
  const template = readFileSync(path.join(PLUGIN_DIR, "features", "offline", "client", "service-worker.js"), "utf8");
  const code = template.replace("self.__NEWSROOM_OFFLINE__", () => JSON.stringify(config)).replace("self.__WB_MANIFEST", "[]");
  const record =
    (kind: string) =>
    (...args: unknown[]) =>
      void calls.push(`${kind}${args.length ? ` ${JSON.stringify(args[0])}` : ""}`);
  const strategy = (kind: string) =>
    class {
      kind = kind;
      constructor(public options: Strategy["options"]) {
        strategies.push(this);
      }
      handle() {
        return `${kind} ${this.options.cacheName}`;
      }
    };
  const plugin = (kind: string) =>
    class {
      kind = kind;
      constructor(public options: unknown) {}
    };
  const workbox = {
    setConfig: record("setConfig"),
    core: { setCacheNameDetails: record("setCacheNameDetails"), clientsClaim: record("clientsClaim") },
    precaching: {
      cleanupOutdatedCaches: record("cleanupOutdatedCaches"),
      precacheAndRoute: record("precacheAndRoute"),
      matchPrecache: () => undefined,
    },
    routing: { registerRoute: (match: Matcher, handler: unknown) => void routes.push({ match, handler }) },
    strategies: {
      NetworkFirst: strategy("NetworkFirst"),
      CacheFirst: strategy("CacheFirst"),
      StaleWhileRevalidate: strategy("StaleWhileRevalidate"),
    },
    expiration: { ExpirationPlugin: plugin("ExpirationPlugin") },
    cacheableResponse: { CacheableResponsePlugin: plugin("CacheableResponsePlugin") },
    recipes: {
      warmStrategyCache: record("warmStrategyCache"),
      imageCache: record("imageCache"),
      offlineFallback: record("offlineFallback"),
    },
  };
  const self = {
    skipWaiting: record("skipWaiting"),
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      calls.push(`addEventListener "${type}"`);
      listeners[type] = listener;
    },
    location: { origin: "https://tin.example" },
  };
  const fetch = (request: { url: string }) => void fetched.push(request.url);
  new Function("self", "importScripts", "workbox", "fetch", code)(self, record("importScripts"), workbox, fetch);
});

const handlerFor = (pathname: string, mode = "no-cors") => {
  const context = { url: new URL(pathname, "https://tin.example"), request: { mode } };
  return routes.find((route) => route.match(context))?.handler;
};

test("pages come from the network first (3 s), then from the copy of the last visit, at most offline.maxPages of them", () => {
  const pages = handlerFor("/tin/2019/10/18/bai/", "navigate") as Strategy;
  expect(pages.kind).toBe("NetworkFirst");
  expect(pages.options.networkTimeoutSeconds).toBe(3);
  expect(pages.options.plugins?.find((p) => p.kind === "ExpirationPlugin")?.options?.maxEntries).toBe(42);
});

test("index chunks, fragments, metadata and filters (content-hashed names) are kept once fetched, each part's in its own cache", () => {
  const handle = (file: string) => {
    const url = new URL(`/tin/pagefind/${file}`, "https://tin.example");
    return (handlerFor(url.pathname) as (options: unknown) => unknown)({ url, request: { url: url.href } });
  };
  expect(handle("parts/2019/index/vi_3.pf_index")).toBe("CacheFirst newsroom-search-2019-3f2a9c1e");
  expect(handle("parts/2019/filter/vi_4.pf_filter")).toBe("CacheFirst newsroom-search-2019-3f2a9c1e");
  expect(handle("parts/2020/fragment/vi_5.pf_fragment")).toBe("CacheFirst newsroom-search-2020-b0b0b0b0");
  // A part this worker does not list (its deploy is not this one's): fetched, not kept.
  expect(handle("parts/2031/index/vi_6.pf_index")).toBeUndefined();
  expect(fetched).toEqual(["https://tin.example/tin/pagefind/parts/2031/index/vi_6.pf_index"]);
});

test("when a new worker activates, the search caches of parts this deploy re-indexed are deleted, the others kept", async () => {
  const names = [
    "newsroom-search-2019-00000000",
    "newsroom-search-2019-3f2a9c1e",
    "newsroom-search-2020-b0b0b0b0",
    "newsroom-search",
    "newsroom-search-entry",
    "newsroom-pages",
  ];
  const deleted: string[] = [];
  let done: Promise<unknown> = Promise.resolve();
  (globalThis as unknown as { caches: unknown }).caches = {
    keys: async () => names,
    delete: async (name: string) => void deleted.push(name),
  };
  listeners.activate!({ waitUntil: (promise: Promise<unknown>) => (done = promise) });
  await done;
  expect(deleted.sort()).toEqual(["newsroom-search", "newsroom-search-2019-00000000"]);
});

test("the files naming the current index (parts' list, entries) come from the network first", () => {
  const entry = strategies.find((s) => s.options.cacheName === "newsroom-search-entry");
  expect(entry?.kind).toBe("NetworkFirst");
  for (const file of ["parts.json", "pagefind-entry.json", "parts/2019/pagefind-entry.json"]) {
    const handler = handlerFor(`/tin/pagefind/${file}`);
    expect(typeof handler, file).toBe("function"); // network first, the precached copy as a fallback
  }
});

test("a new deploy takes over at once and drops the caches of the one before", () => {
  expect(calls).toEqual(expect.arrayContaining(["skipWaiting", "clientsClaim", "cleanupOutdatedCaches"]));
  expect(calls).toContain(`offlineFallback ${JSON.stringify({ pageFallback: "/tin/offline/" })}`);
});
