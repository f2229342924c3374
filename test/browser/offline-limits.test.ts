/**
 * The offline cache's limit (option offline.maxPages): pages kept for offline reading are the
 * most recently visited ones, the oldest dropped first. A README claim that was untested.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;
const days = ["01", "02", "03", "04", "05", "06", "07"];

beforeAll(async () => {
  site = createSite(
    Object.fromEntries(
      days.map((d) => [`posts/${d}.md`, postFile({ title: `Tin ngày ${d}`, date: `2019-10-${d}` }, `Nội dung ngày ${d}.`)]),
    ),
  );
  await site.build({ locale: "vi", offline: { maxPages: 4 } });
  server = await serveStatic(site.out, "/");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

test("at most offline.maxPages pages are kept, the oldest visited dropped first", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const article = (d: string) => `${server.url}2019/10/${d}/tin-ngay-${d}/`;
  await page.goto(article(days[0]!));
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  for (const d of days.slice(1)) {
    await page.goto(article(d));
    await page.waitForTimeout(150); // visits in order: the expiration goes by time of use
  }
  const kept = () =>
    page.evaluate(async () => {
      const cache = await caches.open("newsroom-pages");
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    });
  await expect.poll(async () => (await kept()).length, { timeout: 10_000 }).toBeLessThanOrEqual(4);
  const paths = await kept();
  expect(paths).toContain(new URL(article(days.at(-1)!)).pathname);
  expect(paths).not.toContain(new URL(article(days[0]!)).pathname);
  await context.close();
});
