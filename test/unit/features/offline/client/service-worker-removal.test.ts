/**
 * #22 item 2 (`offline: false`): the worker written at /sw.js when offline reading is off. A
 * reader's browser that installed an earlier build's worker fetches it at the next visit: it
 * takes over at once, deletes Newsroom's caches (and only those: the site's origin may hold
 * others'), and unregisters itself. It handles no request.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { PLUGIN_DIR } from "../../../../../src/kernel/paths.ts";

const code = readFileSync(path.join(PLUGIN_DIR, "features", "offline", "client", "service-worker-removal.js"), "utf8");

test("#22: installed, it takes over at once; activated, it deletes Newsroom's caches, then unregisters itself", async () => {
  const listeners = new Map<string, (event: { waitUntil: (p: Promise<unknown>) => void }) => void>();
  const steps: string[] = [];
  let names = [
    "newsroom-precache-v2-https://tin.example/",
    "newsroom-pages",
    "newsroom-search-2019-3f2a9c1e",
    "newsroom-search-entry",
    "newsroom-images",
    "workbox-offline-fallbacks",
    "another-app-cache",
  ];
  const self = {
    addEventListener: (type: string, listener: (event: { waitUntil: (p: Promise<unknown>) => void }) => void) =>
      listeners.set(type, listener),
    skipWaiting: () => steps.push("skipWaiting"),
    registration: { unregister: async () => steps.push(`unregister with ${names.length} cache(s) left`) },
  };
  const caches = {
    keys: async () => [...names],
    delete: async (name: string) => {
      names = names.filter((n) => n !== name);
      return true;
    },
  };
  new Function("self", "caches", code)(self, caches);
  expect([...listeners.keys()].sort()).toEqual(["activate", "install"]);

  listeners.get("install")!({ waitUntil: () => {} });
  expect(steps).toEqual(["skipWaiting"]);
  const waits: Promise<unknown>[] = [];
  listeners.get("activate")!({ waitUntil: (p) => waits.push(p) });
  await Promise.all(waits);
  expect(names).toEqual(["another-app-cache"]);
  expect(steps).toEqual(["skipWaiting", "unregister with 1 cache(s) left"]);
});
