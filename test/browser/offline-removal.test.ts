/**
 * #22 item 2 (`offline: false`): a worker stays in readers' browsers until its script changes, so
 * turning offline reading off must take back the worker an earlier deploy installed. A reader who
 * visited the site while it had offline reading comes back after a deploy with `offline: false`:
 * the worker is gone, with Newsroom's caches, and the page is the network's.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = createSite({
    "posts/a.md": postFile({ title: "Đảng bộ Sông Mã", date: "2019-10-18" }, "Đảng bộ thị trấn Sông Mã chú trọng xây dựng Đảng."),
  });
  await site.build({ locale: "vi", search: false });
  server = await serveStatic(site.out, "/");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

test("#22: after a deploy with offline: false, the earlier deploy's worker unregisters itself and Newsroom's caches are deleted", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const article = `${server.url}2019/10/18/dang-bo-song-ma/`;
  const registrations = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
  const ownCaches = () => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("newsroom-")));

  await page.goto(article);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect.poll(ownCaches).toContain("newsroom-pages");
  expect(await registrations()).toBe(1);

  await site.build({ locale: "vi", search: false, offline: false }); // the next deploy
  await page.reload(); // the browser checks the worker's script on navigation, and finds the new one
  await expect.poll(registrations, { timeout: 15_000 }).toBe(0);
  await expect.poll(ownCaches, { timeout: 15_000 }).toEqual([]);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  expect(await page.locator('script[src$="offline.js"]').count()).toBe(0);
  expect(await page.locator("h1").first().textContent()).toBe("Đảng bộ Sông Mã");
  await context.close();
});
