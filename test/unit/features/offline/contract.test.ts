/**
 * #22 item 4: the service worker's contract (src/features/offline/contract.d.ts). The type check
 * (tsconfig.sw.json) sees the worker's reads through a global declaration, not the text the build
 * replaces, so this test holds the text to the contract: each placeholder the build replaces is in
 * it once, each setting it reads is a declared one, and the build writes every declared setting.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import type { ServiceWorkerConfig, ServiceWorkerPlaceholder } from "../../../../src/features/offline/contract.js";
import { serviceWorkerConfig } from "../../../../src/features/offline/service-worker.ts";
import { PLUGIN_DIR } from "../../../../src/kernel/paths.ts";
import { defaults } from "../../../../src/options/index.ts";
import { namesOf } from "../../../helpers/contract.ts";

const PLACEHOLDERS = namesOf<ServiceWorkerPlaceholder>({ "self.__NEWSROOM_OFFLINE__": true, "self.__WB_MANIFEST": true });
const SETTINGS = namesOf<keyof ServiceWorkerConfig>({
  workbox: true,
  searchBundle: true,
  searchEntries: true,
  searchCaches: true,
  offlinePage: true,
  warmPages: true,
  maxPages: true,
  bypass: true,
});

const worker = readFileSync(path.join(PLUGIN_DIR, "features", "offline", "client", "service-worker.js"), "utf8");

test("the worker holds each placeholder the build replaces, once", () => {
  for (const placeholder of PLACEHOLDERS) expect(worker.split(placeholder), placeholder).toHaveLength(2);
});

test("the worker reads only declared settings", () => {
  expect(worker).toContain("const config = self.__NEWSROOM_OFFLINE__;");
  const read = new Set([...worker.matchAll(/\bconfig\.(\w+)/g)].map((match) => match[1]));
  expect(read.size).toBeGreaterThan(5);
  expect(SETTINGS).toEqual(expect.arrayContaining([...read]));
});

test("the build writes every declared setting", () => {
  const config = serviceWorkerConfig(
    {
      outputDir: "/site",
      options: defaults.offline,
      prefix: (url) => `/tin${url}`,
      search: { bundle: "/pagefind/", bytes: 100 },
      warmPages: ["/"],
      files: [],
      generated: [],
      bypass: ["/admin/"],
    },
    { "": "newsroom-search-root-12345678" },
  );
  expect(Object.keys(config).sort()).toEqual([...SETTINGS].sort());
});
