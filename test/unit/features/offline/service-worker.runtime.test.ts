/**
 * Workbox's runtime, copied into the site by the service worker step (src/features/offline/service-worker.ts),
 * is found where workbox-build finds it: the plugin depends on workbox-build only, and a strict
 * package layout (pnpm's) lets a package resolve its own dependencies only. That layout is
 * simulated: from the plugin, a Workbox module other than workbox-build is not found.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { consoleLog } from "../../../../src/kernel/log.ts";
import { defaults } from "../../../../src/options/index.ts";
import { writeServiceWorker } from "../../../../src/features/offline/service-worker.ts";

vi.mock("node:module", async (importOriginal) => {
  const module = await importOriginal<typeof import("node:module")>();
  return {
    ...module,
    createRequire(from: string | URL) {
      const require = module.createRequire(from);
      const found = require.resolve;
      const resolve = (id: string, options?: { paths?: string[] }) => {
        if (/^workbox-(?!build)/.test(id) && !options?.paths)
          throw Object.assign(new Error(`Cannot find module '${id}'`), { code: "MODULE_NOT_FOUND" });
        return found(id, options);
      };
      return Object.assign(require, { resolve });
    },
  };
});

let out: string;
beforeEach(() => {
  out = mkdtempSync(path.join(tmpdir(), "newsroom-sw-runtime-"));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

test("with a strict package layout, Workbox's runtime is found beside workbox-build and copied into the site", async () => {
  await writeServiceWorker(
    {
      outputDir: out,
      options: { ...defaults.offline, precache: [] },
      prefix: (url) => url,
      search: undefined,
      warmPages: ["/"],
      files: [],
      generated: [],
    },
    consoleLog,
  );
  const copied = readdirSync(path.join(out, "assets/newsroom/workbox")).toSorted();
  expect(copied).toHaveLength(8);
  expect(copied).toContain("workbox-sw.js");
  const require = createRequire(import.meta.url);
  const precaching = require.resolve("workbox-precaching/build/workbox-precaching.prod.js", {
    paths: [path.dirname(require.resolve("workbox-build"))],
  });
  expect(readFileSync(path.join(out, "assets/newsroom/workbox/workbox-precaching.prod.js"), "utf8")).toBe(readFileSync(precaching, "utf8"));
  expect(readdirSync(out)).toContain("sw.js");
});
