/**
 * #20: a big archive (several index parts) answers first from its newest part, says it is still
 * searching the older years, then lists every part's results; results the reader has begun to read
 * never move under them: the complete results then wait behind a button.
 */
import type { Browser, BrowserContext, Route } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const posts: Record<string, string> = {};
  // Two posts a year from 2016 to 2020; partSize 2: 2020 is the root bundle, the other years parts of their own.
  for (let year = 2016; year <= 2020; year++) {
    for (const day of [10, 20]) {
      posts[`posts/${year}-${day}.md`] = postFile(
        { title: `Sông Mã năm ${year} số ${day}`, date: `${year}-05-${day}` },
        `Tin Sông Mã năm ${year}.`,
      );
    }
  }
  site = createSite(posts);
  await site.build({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh", search: { partSize: 2 }, offline: { enabled: false } });
  server = await serveStatic(site.out);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

/** Holds every request for an older part's files (the page's and Pagefind's worker's) until `release`. */
async function holdOlderParts(context: BrowserContext): Promise<{ release: () => void; held: () => number }> {
  const waiting: Route[] = [];
  let released = false;
  await context.route(/\/pagefind\/parts\//, (route) => (released ? route.continue() : void waiting.push(route)));
  return {
    release: () => {
      released = true;
      for (const route of waiting.splice(0)) void route.continue();
    },
    held: () => waiting.length,
  };
}

const titlesOf = (context: BrowserContext) => context.pages()[0]!.locator(".search-result-title a").allTextContents();

test("the newest part's results come first, with a sign that older years are being searched; then every year's", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const hold = await holdOlderParts(context);
  await page.goto(`${server.url}search/?q=song+ma`);
  await expect.poll(() => titlesOf(context)).toEqual(expect.arrayContaining(["Sông Mã năm 2020 số 10", "Sông Mã năm 2020 số 20"]));
  expect(await titlesOf(context)).toHaveLength(2);
  // The older parts are asked for once the first results are on screen.
  await expect.poll(() => hold.held()).toBeGreaterThan(0);
  await expect.poll(() => page.locator("[data-newsroom-search-results]").getAttribute("data-newsroom-search-pending")).toBe("");
  expect(await page.locator("[data-newsroom-search-status]").textContent()).toContain("đang tìm thêm trong các năm trước");
  hold.release();
  await expect.poll(async () => (await titlesOf(context)).length).toBe(10);
  expect(await page.locator("[data-newsroom-search-results]").getAttribute("data-newsroom-search-pending")).toBeNull();
  expect(await page.locator("[data-newsroom-search-status]").textContent()).not.toContain("đang tìm thêm");
  await context.close();
});

test("results the reader has begun to read stay where they are: the complete results wait behind a button", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const hold = await holdOlderParts(context);
  await page.goto(`${server.url}search/?q=song+ma`);
  await expect.poll(async () => (await titlesOf(context)).length).toBe(2);
  const first = await titlesOf(context);
  await page.locator(".search-result-title a").first().dispatchEvent("pointerdown");
  hold.release();
  const button = page.locator(".search-all-years");
  await expect.poll(() => button.isVisible()).toBe(true);
  expect(await titlesOf(context)).toEqual(first);
  await button.click();
  await expect.poll(async () => (await titlesOf(context)).length).toBe(10);
  expect(await button.isVisible()).toBe(false);
  await context.close();
});

test("a year filter opens only that year's part (the newest part is not needed)", async () => {
  const context = await browser.newContext();
  const requested: string[] = [];
  context.on("request", (request) => requested.push(new URL(request.url()).pathname));
  const page = await context.newPage();
  await page.goto(`${server.url}search/?q=song+ma&year=2017`);
  await expect.poll(() => titlesOf(context)).toEqual(expect.arrayContaining(["Sông Mã năm 2017 số 10", "Sông Mã năm 2017 số 20"]));
  const indexFiles = requested.filter((p) => /\.pf_(meta|index|fragment)$/.test(p));
  expect(indexFiles.length).toBeGreaterThan(0);
  expect(indexFiles.every((p) => p.startsWith("/pagefind/parts/2017/"))).toBe(true);
  await context.close();
});
