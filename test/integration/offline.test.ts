/** The service worker a production build writes: its file list, its settings, the offline page. */
import { afterAll, expect, test } from "vitest";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

const sites: FixtureSite[] = [];
afterAll(() => sites.forEach((s) => s.remove()));

function fixture(): FixtureSite {
  const site = createSite({
    "posts/a.md": postFile({ title: "Đảng bộ Sông Mã", date: "2019-10-18" }, "Đảng bộ thị trấn Sông Mã."),
    "posts/b.md": postFile({ title: "Tin khác", date: "2020-01-02" }, "Đường điện mới."),
  });
  sites.push(site);
  return site;
}

/** The worker's settings and file list, read back from the written sw.js. */
function readWorker(site: FixtureSite): { config: Record<string, unknown>; urls: string[]; revisions: (string | null)[] } {
  const text = site.readOutput("sw.js");
  const config = JSON.parse(/const config = (\{.*?\});/s.exec(text)?.[1] ?? "null");
  const manifest: { url: string; revision: string | null }[] = JSON.parse(/precacheAndRoute\((\[.*?\]), \{/s.exec(text)?.[1] ?? "null");
  return { config, urls: manifest.map((e) => e.url).sort(), revisions: manifest.map((e) => e.revision) };
}

test("a production build writes /sw.js, Workbox's runtime, the offline page and the registration script", async () => {
  const site = fixture();
  await site.build({ locale: "vi" }, { pathPrefix: "/tin/" });
  const { config, urls } = readWorker(site);
  expect(config).toMatchObject({
    workbox: "/tin/assets/newsroom/workbox/",
    searchBundle: "/tin/pagefind/",
    offlinePage: "/tin/offline/",
    warmPages: ["/tin/", "/tin/search/", "/tin/archive/"],
  });
  for (const file of ["workbox-sw.js", "workbox-core.prod.js", "workbox-precaching.prod.js", "workbox-recipes.prod.js"]) {
    expect(site.outputFiles()).toContain(`assets/newsroom/workbox/${file}`);
  }
  // Newsroom's scripts and styles, the date widget's days, the search engine and (small index) every index file; never HTML.
  expect(urls).toEqual(
    expect.arrayContaining([
      "archive/days.json",
      "assets/newsroom/newsroom.css",
      "assets/newsroom/search.js",
      "assets/newsroom/offline.js",
      "pagefind/pagefind.js",
      "pagefind/pagefind-entry.json",
    ]),
  );
  const indexFiles = site.outputFiles().filter((f) => f.startsWith("pagefind/"));
  expect(urls.filter((u) => u.startsWith("pagefind/"))).toEqual(indexFiles);
  expect(urls.some((u) => u.endsWith(".html"))).toBe(false);
  expect(urls).not.toContain("sw.js");
  expect(urls.some((u) => u.includes("workbox"))).toBe(false);

  const offline = site.page("/offline/");
  expect(offline.querySelector("h1")?.text).toBe("Bạn đang ngoại tuyến");
  const script = site.page("/2019/10/18/dang-bo-song-ma/").querySelector('script[src$="offline.js"]');
  expect(script?.getAttribute("src")).toBe("/tin/assets/newsroom/offline.js");
  expect(script?.getAttribute("type")).toBe("module");
});

test("the site's own files matching offline.precache go too; a large index sends only what every search needs", async () => {
  const site = fixture();
  // Two parts (partSize 1): 2019 under parts/, 2020 the root.
  await site.build({
    offline: { precache: ["**/*.xml"], fullIndexUpTo: 0 },
    site: { url: "https://tin.example/" },
    search: { partSize: 1 },
  });
  const { urls, revisions } = readWorker(site);
  expect(urls).toEqual(expect.arrayContaining(["feed.xml", "sitemap.xml"]));
  // Index chunks and fragments (of the root and of every part) are kept as searches fetch them.
  expect(urls.filter((u) => /^pagefind\/(parts\/[^/]+\/)?(fragment|index)\//.test(u))).toEqual([]);
  // Pagefind's runtime and the parts' list, and each part's entry, metadata and filters come with the worker.
  expect(urls).toEqual(
    expect.arrayContaining([
      "pagefind/pagefind.js",
      "pagefind/pagefind-worker.js",
      "pagefind/parts.json",
      "pagefind/parts/2019/pagefind-entry.json",
    ]),
  );
  expect(urls.some((u) => /^pagefind\/parts\/2019\/pagefind\.[^/]+\.pf_meta$/.test(u))).toBe(true);
  expect(urls.some((u) => u.startsWith("pagefind/parts/2019/filter/"))).toBe(true);
  expect(urls.some((u) => /^pagefind\/pagefind\.[^/]+\.pf_meta$/.test(u))).toBe(true); // the root's (newest) part
  // An older part's own worker and WebAssembly are kept once fetched (a date filter opening it first), not sent.
  expect(urls.some((u) => /^pagefind\/parts\/2019\/(pagefind-worker\.js|wasm\.)/.test(u))).toBe(false);
  // Content-hashed index files need no revision; the rest carry one.
  expect(revisions.filter((r) => r === null).length).toBeGreaterThan(0);
  expect(revisions.filter((r) => r !== null).length).toBeGreaterThan(0);
});

// #22: turned off, /sw.js is the worker that removes an earlier build's (see options-shorthand.test.ts).
test("offline: { enabled: false } writes no Workbox worker, no offline page and no registration script", async () => {
  const site = fixture();
  await site.build({ offline: { enabled: false } });
  expect(site.readOutput("sw.js")).not.toMatch(/importScripts|precacheAndRoute/);
  expect(site.exists("/offline/")).toBe(false);
  expect(site.outputFiles().some((f) => f.includes("workbox"))).toBe(false);
  expect(site.page("/").querySelector('script[src$="offline.js"]')).toBeNull();
});

test("the dev server gets no service worker (it would keep drafts and stale pages)", async () => {
  const site = fixture();
  await site.build({}, { runMode: "serve" });
  expect(site.exists("/sw.js")).toBe(false);
  expect(site.page("/").querySelector('script[src$="offline.js"]')).toBeNull();
});
