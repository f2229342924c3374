/**
 * The service worker file a production build writes (src/features/offline/service-worker.ts): Workbox's
 * runtime copied into the site, and `/sw.js` with its settings and the list of files it downloads.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { defaults } from "../../../../src/options/index.ts";
import {
  generatedFolderGlob,
  partCaches,
  precacheGlobs,
  writeServiceWorker,
  type ServiceWorkerJob,
} from "../../../../src/features/offline/service-worker.ts";
import { consoleLog } from "../../../../src/kernel/log.ts";

let out: string;
beforeEach(() => {
  out = mkdtempSync(path.join(tmpdir(), "newsroom-sw-"));
  const files: Record<string, string> = {
    "assets/newsroom/newsroom.css": "body{}",
    "assets/newsroom/date-search.js": "//",
    "fonts/serif.woff2": "font",
    "style.css": "p{}",
    "2019/10/18/song-ma/index.html": "<p>article</p>",
    "2019/10/18/song-ma/print.css": "p{}",
    "archive/days.json": '["2019-10-18"]',
    "pagefind/pagefind.js": "//",
    "pagefind/parts.json": "{}",
    "pagefind/parts/2019/pagefind-entry.json": "{}",
    "pagefind/parts/2019/pagefind.2019abc.pf_meta": "meta",
    "pagefind/parts/2019/filter/year.pf_filter": "filter",
    "pagefind/parts/2019/index/ab12.pf_index": "index",
    "pagefind/parts/2019/fragment/cd34.pf_fragment": "fragment",
    "index.html": "<p>home</p>",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), text);
  }
});
afterEach(() => {
  rmSync(out, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const job = (more: Partial<ServiceWorkerJob> = {}): ServiceWorkerJob => ({
  outputDir: out,
  options: { ...defaults.offline, precache: ["**/*.css", "**/*.woff2"] },
  prefix: (url) => url,
  search: { bundle: "/pagefind/", bytes: 100 },
  warmPages: ["/", "/search/"],
  files: ["/archive/days.json"],
  generated: ["/{yyyy}/{MM}/{dd}/{slug}/"],
  ...more,
});

/** What `/sw.js` holds: its settings, and the files it downloads with their revisions. */
function readWorker() {
  const worker = readFileSync(path.join(out, "sw.js"), "utf8");
  const config = JSON.parse(/^const config = (.*);$/m.exec(worker)![1]!);
  const entries: { url: string; revision: string | null }[] = JSON.parse(/precacheAndRoute\((\[.*?\]), \{/s.exec(worker)![1]!);
  return { worker, config, entries, urls: entries.map((e) => e.url).toSorted() };
}

test("Workbox's runtime is copied into the site: the loader and every module the worker uses", async () => {
  await writeServiceWorker(job(), consoleLog);
  expect(readdirSync(path.join(out, "assets/newsroom/workbox")).toSorted()).toEqual([
    "workbox-cacheable-response.prod.js",
    "workbox-core.prod.js",
    "workbox-expiration.prod.js",
    "workbox-precaching.prod.js",
    "workbox-recipes.prod.js",
    "workbox-routing.prod.js",
    "workbox-strategies.prod.js",
    "workbox-sw.js",
  ]);
});

test("a small index goes whole with the worker, with the site's styles and fonts and Newsroom's files; never the pages", async () => {
  const summary = await writeServiceWorker(job(), consoleLog);
  const { urls, config, entries, worker } = readWorker();
  expect(urls).toEqual([
    "archive/days.json",
    "assets/newsroom/date-search.js",
    "assets/newsroom/newsroom.css",
    "fonts/serif.woff2",
    "pagefind/pagefind.js",
    "pagefind/parts.json",
    "pagefind/parts/2019/filter/year.pf_filter",
    "pagefind/parts/2019/fragment/cd34.pf_fragment",
    "pagefind/parts/2019/index/ab12.pf_index",
    "pagefind/parts/2019/pagefind-entry.json",
    "pagefind/parts/2019/pagefind.2019abc.pf_meta",
    "style.css",
  ]);
  expect(summary).toMatchObject({ files: 12, fullIndex: true });
  // Content-hashed index files are their own version; the others carry a revision.
  for (const entry of entries) {
    if (/\.pf_(meta|index|fragment|filter)$/.test(entry.url)) expect(entry.revision, entry.url).toBeNull();
    else expect(entry.revision, entry.url).toMatch(/^[0-9a-f]{32}$/);
  }
  expect(config).toMatchObject({
    workbox: "/assets/newsroom/workbox/",
    searchBundle: "/pagefind/",
    searchEntries: "(?:^|/)(?:pagefind-entry|parts)\\.json$",
    offlinePage: "/offline/",
    warmPages: ["/", "/search/"],
    maxPages: 200,
  });
  // Each part's search files are cached under a name of that part's current index.
  const entry = entries.find((e) => e.url === "pagefind/parts/2019/pagefind-entry.json")!;
  expect(config.searchCaches).toEqual({ "2019": `newsroom-search-2019-${entry.revision!.slice(0, 8)}` });
  expect(worker).not.toContain("self.__NEWSROOM_OFFLINE__");
  expect(worker).not.toContain("self.__WB_MANIFEST");
});

test("only the index's own files go without a revision: a site file that merely has .pf_meta in its name keeps one", async () => {
  writeFileSync(path.join(out, "ban-in.pf_meta.css"), "p{}");
  await writeServiceWorker(job(), consoleLog);
  const entry = readWorker().entries.find((e) => e.url === "ban-in.pf_meta.css");
  expect(entry?.revision).toMatch(/^[0-9a-f]{32}$/);
});

test("the summary counts the files downloaded with the worker and their bytes", async () => {
  const summary = await writeServiceWorker(job({ options: { ...job().options, precache: ["*.css", "fonts/*.woff2"] } }), consoleLog);
  const { urls } = readWorker();
  expect(summary.files).toBe(urls.length);
  expect(summary.bytes).toBe(urls.reduce((sum, url) => sum + readFileSync(path.join(out, url)).length, 0));
});

test("a large index: only what every search needs goes with the worker", async () => {
  const summary = await writeServiceWorker(job({ options: { ...job().options, fullIndexUpTo: 99 } }), consoleLog);
  expect(summary.fullIndex).toBe(false);
  const { urls } = readWorker();
  expect(urls.filter((url) => url.startsWith("pagefind/"))).toEqual([
    "pagefind/pagefind.js",
    "pagefind/parts.json",
    "pagefind/parts/2019/filter/year.pf_filter",
    "pagefind/parts/2019/pagefind-entry.json",
    "pagefind/parts/2019/pagefind.2019abc.pf_meta",
  ]);
});

test("without search, no index file and no search settings; the worker's URLs carry the path prefix", async () => {
  const summary = await writeServiceWorker(job({ search: undefined, prefix: (url) => `/tin${url}` }), consoleLog);
  const { urls, config } = readWorker();
  expect(summary.fullIndex).toBe(false);
  expect(urls.some((url) => url.startsWith("pagefind/"))).toBe(false);
  expect(config).toMatchObject({
    workbox: "/tin/assets/newsroom/workbox/",
    searchBundle: "",
    searchEntries: "",
    offlinePage: "/tin/offline/",
  });
  expect(config.warmPages).toEqual(["/tin/", "/tin/search/"]);
  expect(config.searchCaches).toEqual({});
});

test("the worker and Workbox's copy are never in the list, even when a glob matches them", async () => {
  await writeServiceWorker(job(), consoleLog);
  await writeServiceWorker(job({ options: { ...job().options, precache: ["**/*.js"] } }), consoleLog);
  const { urls } = readWorker();
  expect(urls).not.toContain("sw.js");
  expect(urls.some((url) => url.includes("workbox"))).toBe(false);
  expect(urls).toContain("assets/newsroom/date-search.js");
  expect(urls).toContain("pagefind/pagefind.js");
  expect(new Set(urls).size).toBe(urls.length); // a file matched by both lists is listed once
});

test("a glob that matches nothing is normal; a file too large for the list is worth a warning", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  writeFileSync(path.join(out, "big.css"), "x".repeat(10_000_001));
  await writeServiceWorker(job({ options: { ...job().options, precache: ["**/*.css", "nothing/*.woff2"] } }), consoleLog);
  const warnings = warn.mock.calls.map((call) => String(call[0]));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/^\[newsroom\] warning: offline: .*big\.css/);
  expect(readWorker().urls).not.toContain("big.css");
});

test("pages at the top level (permalink /{slug}/) leave no folder to skip; other patterns skip their first folder", () => {
  const { site } = precacheGlobs({
    options: { ...defaults.offline, precache: ["**/*.css"] },
    search: undefined,
    files: [],
    generated: ["/{slug}/", "/{MM}-{yyyy}/{slug}/", "/tin-{slug}/", "/chuyen-muc/{slug}/", "/chuyen-muc/"],
  });
  expect(site.ignores).toEqual(["[0-9][0-9]-[0-9][0-9][0-9][0-9]/**", "tin-*/**", "chuyen-muc/**"]);
  expect(generatedFolderGlob("/{dd}.{MM}/{slug}/")).toBe("[0-9][0-9].[0-9][0-9]/**");
});

test("a cache name per index part, from its entry file's revision (#20: the root bundle's too); other files and unrevised entries name none", () => {
  const entries = [
    { url: "pagefind/parts/2019/pagefind-entry.json", revision: "3f2a9c1e77aa" },
    { url: "pagefind/parts/2020-07/pagefind-entry.json", revision: "b0b0b0b0b0" },
    { url: "pagefind/parts/2021/pagefind-entry.json", revision: null },
    { url: "pagefind/parts/2022/pagefind.2022.pf_meta", revision: "cccccccccc" },
    { url: "pagefind/pagefind-entry.json", revision: "dddddddddd" },
    { url: "other/pagefind/parts/2023/pagefind-entry.json", revision: "eeeeeeeeee" },
  ];
  expect(partCaches(entries, "/pagefind/")).toEqual({
    "": "newsroom-search-root-dddddddd",
    "2019": "newsroom-search-2019-3f2a9c1e",
    "2020-07": "newsroom-search-2020-07-b0b0b0b0",
  });
  expect(partCaches([{ url: "tim/pagefind/parts/2019/pagefind-entry.json", revision: "12345678ab" }], "/tim/pagefind/")).toEqual({
    "2019": "newsroom-search-2019-12345678",
  });
  expect(partCaches(entries, undefined)).toEqual({});
});

test("folders the worker leaves alone (the web editor) are neither downloaded nor answered by it", async () => {
  mkdirSync(path.join(out, "admin"), { recursive: true });
  writeFileSync(path.join(out, "admin", "editor.css"), "x{}");
  await writeServiceWorker(job({ bypass: ["/admin/"], prefix: (url) => `/tin${url}` }), consoleLog);
  const { urls, config } = readWorker();
  expect(urls.some((url) => url.startsWith("admin/"))).toBe(false);
  expect(config.bypass).toEqual(["/tin/admin/"]);
  expect(
    precacheGlobs({ options: defaults.offline, search: undefined, files: [], generated: [], bypass: ["//admin/", "/cms/"] }).site.ignores,
  ).toEqual(["admin/**", "cms/**"]);
  await writeServiceWorker(job(), consoleLog);
  expect(readWorker().config).not.toHaveProperty("bypass");
});

test("files up to 10 MB are listed even when the index limit is smaller; the index limit raises it", async () => {
  writeFileSync(path.join(out, "six-megabytes.css"), "x".repeat(6_000_000));
  await writeServiceWorker(job({ options: { ...job().options, fullIndexUpTo: 5_000_000 } }), consoleLog);
  expect(readWorker().urls).toContain("six-megabytes.css");
  writeFileSync(path.join(out, "twelve-megabytes.css"), "x".repeat(12_000_000));
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  await writeServiceWorker(job({ options: { ...job().options, fullIndexUpTo: 13_000_000 } }), consoleLog);
  expect(readWorker().urls).toContain("twelve-megabytes.css");
  expect(warn).not.toHaveBeenCalled();
});
