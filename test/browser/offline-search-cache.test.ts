/**
 * Two README promises of offline reading ("Offline reading") that had no browser test:
 * - a big index keeps the chunks the reader's searches fetched: the search files the worker did
 *   not download (index chunks, fragments) are cached as searches fetch them, so the same search
 *   works offline;
 * - a new deploy replaces the worker and drops stale caches: the precache holds the new deploy's
 *   files and none of the old one's, and the reader sees (online and offline) the corrected article.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The precache's manifest in a built sw.js: the cache keys Workbox gives its entries, as absolute URLs. */
function precacheKeys(site: FixtureSite, origin: string): string[] {
  const text = site.readOutput("sw.js");
  const manifest: { url: string; revision: string | null }[] = JSON.parse(/precacheAndRoute\((\[.*?\]), \{/s.exec(text)?.[1] ?? "null");
  return manifest
    .map(({ url, revision }) => {
      const key = new URL(url, origin);
      if (revision) key.searchParams.set("__WB_REVISION__", revision);
      return key.href;
    })
    .sort();
}

/** Every cache's name and keys, read from the page (the worker's caches are the origin's). */
const cacheContents = (page: Page): Promise<Record<string, string[]>> =>
  page.evaluate(async () => {
    const all: Record<string, string[]> = {};
    for (const name of await caches.keys()) all[name] = (await (await caches.open(name)).keys()).map((r) => r.url).sort();
    return all;
  });

/** Waits until the page is controlled by the site's worker. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Shuts the site out: the browser offline and the server closed (either alone might let a request through). */
async function goOffline(context: BrowserContext, server: StaticServer): Promise<void> {
  await context.setOffline(true);
  await server.close();
}

const titles = (page: Page) => page.locator(".search-result-title a").allTextContents();

/** The paths kept in the per-part search caches ("newsroom-search-{part}-{fingerprint}"), sorted. */
const searchCached = async (page: Page): Promise<string[]> =>
  Object.entries(await cacheContents(page))
    .filter(([name]) => name.startsWith("newsroom-search-") && name !== "newsroom-search-entry")
    .flatMap(([, urls]) => urls.map((url) => new URL(url).pathname))
    .sort();

/** Where an index file is: its part's key, "root" for the root bundle (the newest part). */
const partOf = (file: string) => /\/parts\/([^/]+)\//.exec(file)?.[1] ?? "root";
const OPTIONS = { locale: "vi", offline: { fullIndexUpTo: 100_000 }, search: { partSize: 150 } };

describe("a big index", () => {
  let site: FixtureSite;
  let server: StaticServer;
  /** Paths the server was asked for. */
  const requested: string[] = [];
  const INDEX_FILE = /\.pf_(index|fragment)$/;

  beforeAll(async () => {
    // 300 posts over two years (one index part each: partSize 150; 2020, the newest, at /pagefind/ itself), 150 made-up words each (never "thuy" or
    // "dien"): Pagefind writes several index chunks per part and a fragment per post.
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const syllables = [..."bcdghlmnprstvx"].flatMap((c) => [..."aeiou"].map((v) => c + v));
    const word = () => Array.from({ length: 3 }, () => syllables[Math.floor(random() * syllables.length)]).join("");
    const posts: Record<string, string> = {};
    for (let i = 0; i < 300; i++) {
      const date = `${2019 + (i % 2)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
      const words = Array.from({ length: 150 }, word).join(" ");
      // 12 posts hold "thủy điện", 6 a year: more than the search page's first page of results (10).
      const topic = i % 25 === 0 ? "Nhà máy thủy điện mới hòa lưới. " : "";
      posts[`posts/p${i}.md`] = postFile({ title: `Bản tin số ${i}`, date }, `${topic}Bản tin số ${i}: ${words}.`);
    }
    site = createSite(posts);
    // "Big" is relative to offline.fullIndexUpTo: a 0.6 MB index over a 100 kB limit.
    await site.build(OPTIONS);
    server = await serveStatic(site.out, "/", {}, (pathname) => requested.push(pathname));
  });
  afterAll(async () => {
    await server?.close();
    site?.remove();
  });

  test("keeps the chunks and fragments a search fetched, as they are, and the same search works offline", async () => {
    const indexFiles = site.outputFiles().filter((f) => f.startsWith("pagefind/"));
    const bytes = indexFiles.reduce((sum, f) => sum + statSync(path.join(site.out, f)).size, 0);
    expect(bytes).toBeGreaterThan(100_000);
    for (const part of ["pagefind/parts/2019/", "pagefind/"]) {
      expect(indexFiles.filter((f) => f.startsWith(`${part}index/`)).length, part).toBeGreaterThan(1);
      expect(indexFiles.filter((f) => f.startsWith(`${part}fragment/`)).length, part).toBe(150);
    }
    // The worker does not download the chunks and fragments: searches do.
    const precached = precacheKeys(site, server.url);
    expect(precached.filter((url) => INDEX_FILE.test(new URL(url).pathname))).toEqual([]);

    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}search/`);
    await controlled(page);

    requested.length = 0;
    await page.fill("#newsroom-search-q", "thuy dien");
    await expect.poll(async () => (await titles(page)).length).toBe(10);
    const online = await titles(page);
    expect(online.every((title) => /^Bản tin số \d+$/.test(title))).toBe(true);
    const fetched = [...new Set(requested.filter((p) => INDEX_FILE.test(p)))].sort();
    // Chunks of both parts, and a fragment for each result shown — the newest part's first results, then
    // every part's — not every fragment of the index.
    const partsOfChunks = new Set(fetched.filter((p) => p.endsWith(".pf_index")).map(partOf));
    expect([...partsOfChunks].sort(), `requested: ${requested.join(" ")}`).toEqual(["2019", "root"]);
    const fragments = fetched.filter((p) => p.endsWith(".pf_fragment"));
    expect(fragments.length).toBeGreaterThanOrEqual(online.length);
    expect(fragments.length).toBeLessThanOrEqual(online.length + 10);

    // The rule: what the search fetched is in the worker's search caches (one per part), by its own name, byte for byte.
    await expect.poll(async () => (await searchCached(page)).filter((p) => INDEX_FILE.test(p))).toEqual(fetched);
    expect(Object.keys(await cacheContents(page)).filter((name) => /^newsroom-search-(2019|root)-\w{8}$/.test(name))).toHaveLength(2);
    const sizes = await page.evaluate(
      async (paths) => Promise.all(paths.map(async (p) => (await (await caches.match(p))?.arrayBuffer())?.byteLength)),
      fetched,
    );
    expect(sizes).toEqual(fetched.map((p) => statSync(path.join(site.out, p)).size));

    // Offline, the same search again, on the search page kept by the worker: the same results.
    await goOffline(context, server);
    await page.goto(`${server.url}search/`);
    await page.fill("#newsroom-search-q", "thuy dien");
    await expect.poll(() => titles(page)).toEqual(online);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a deploy that re-indexes a part drops that part's kept files and keeps the other part's", async () => {
    // A server of its own (the test before goes offline by closing the shared one).
    const server = await serveStatic(site.out);
    onTestFinished(() => server.close());
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}search/`);
    await controlled(page);
    await page.fill("#newsroom-search-q", "thuy dien");
    await expect.poll(async () => (await titles(page)).length).toBe(10);
    await expect.poll(async () => (await searchCached(page)).length).toBeGreaterThan(0);
    const before = await searchCached(page);
    const kept2020 = before.filter((p) => partOf(p) === "root");
    expect(kept2020.length).toBeGreaterThan(0);

    // A deploy: post 0 (2019, one of the "thủy điện" posts) corrected: part 2019 is re-indexed, 2020 is not.
    site.write({
      "posts/p0.md": postFile({ title: "Bản tin số 0", date: "2019-01-01" }, "Nhà máy thủy điện mới hòa lưới (đính chính). Bản tin số 0."),
    });
    await site.build(OPTIONS);
    const files = new Set(site.outputFiles().map((f) => `/${f}`));
    expect(before.filter((p) => !files.has(p)).length).toBeGreaterThan(0); // some kept 2019 files are gone from the site

    // The new worker takes over (its precache is the new deploy's), and its activation drops the stale part's cache.
    await page.goto(`${server.url}search/`);
    const newKeys = precacheKeys(site, server.url);
    await expect
      .poll(
        async () =>
          Object.entries(await cacheContents(page))
            .filter(([name]) => name.startsWith("newsroom-precache"))
            .map(([, keys]) => keys),
        { timeout: 30_000 },
      )
      .toEqual([newKeys]);
    await expect.poll(async () => (await searchCached(page)).filter((p) => !files.has(p)), { timeout: 15_000 }).toEqual([]);
    // The unchanged part's files are still kept: no download again for them.
    expect((await searchCached(page)).filter((p) => partOf(p) === "root")).toEqual(kept2020);
    await page.fill("#newsroom-search-q", "thuy dien");
    await expect.poll(async () => (await titles(page)).length).toBe(10);
    await context.close();
  });
});

describe("a new deploy", () => {
  let site: FixtureSite;
  let server: StaticServer;
  const article = (base: string) => `${base}2019/10/18/dang-bo-song-ma/`;

  beforeAll(async () => {
    site = createSite({
      "posts/a.md": postFile({ title: "Đảng bộ Sông Mã", date: "2019-10-18" }, "Đảng bộ thị trấn Sông Mã có 300 đảng viên."),
      "posts/b.md": postFile({ title: "Tin khác", date: "2020-01-02" }, "Nội dung khác."),
      // The site's own stylesheet (offline.precache: "**/*.css"); its colour comes from data, as
      // Eleventy keeps a template's text from one build to the next in one process.
      "site-css.njk": "---\npermalink: /assets/site.css\n---\nbody { color: {{ theme.color }}; }\n",
      "_data/theme.json": '{ "color": "#111" }',
    });
    await site.build({ locale: "vi" });
    server = await serveStatic(site.out, "/");
  });
  afterAll(async () => {
    await server?.close();
    site?.remove();
  });

  test("replaces the worker, drops the old deploy's cached files and shows the corrected article, online and offline", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(article(server.url));
    await controlled(page);
    const before = precacheKeys(site, server.url);
    const precache = async () => Object.entries(await cacheContents(page)).filter(([name]) => name.startsWith("newsroom-precache"));
    await expect.poll(async () => (await precache()).map(([, keys]) => keys)).toEqual([before]);
    await expect.poll(() => page.evaluate(async (url) => (await caches.match(url)) !== undefined, article(server.url))).toBe(true);

    // The next deploy: the article corrected, the stylesheet changed.
    site.write({
      "posts/a.md": postFile({ title: "Đảng bộ Sông Mã", date: "2019-10-18" }, "Đảng bộ thị trấn Sông Mã có 320 đảng viên (đính chính)."),
      "_data/theme.json": '{ "color": "#222" }',
    });
    await site.build({ locale: "vi" });
    const after = precacheKeys(site, server.url);
    const dropped = before.filter((key) => !after.includes(key));
    expect(dropped.some((key) => key.includes("/assets/site.css?"))).toBe(true);
    expect(dropped.some((key) => key.endsWith(".pf_fragment"))).toBe(true);

    // The reader comes back: the page is the corrected one (network first; should the network be
    // slower than the worker's 3 s, the next visit shows it), and the new worker takes over at once.
    await expect
      .poll(async () => {
        await page.goto(article(server.url));
        return page.locator("main").textContent();
      })
      .toContain("320 đảng viên (đính chính)");
    await expect.poll(async () => (await precache()).map(([, keys]) => keys), { timeout: 30_000 }).toEqual([after]);
    const stale = await page.evaluate(
      async (keys) => (await Promise.all(keys.map((key) => caches.match(key)))).filter(Boolean).length,
      dropped,
    );
    expect(stale).toBe(0);

    // Offline: the article kept is the corrected one, and the stylesheet the new one.
    await goOffline(context, server);
    await page.goto(article(server.url));
    expect(await page.locator("main").textContent()).toContain("320 đảng viên (đính chính)");
    expect(await page.evaluate(async () => (await fetch("/assets/site.css")).text())).toContain("#222");
    await context.close();
  });
});
