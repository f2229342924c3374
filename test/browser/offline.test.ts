/** Offline reading: pages visited, search and the date widget keep working once the site is unreachable. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/render/csp.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = createSite({
    "posts/a.md": postFile({ title: "Đảng bộ Sông Mã", date: "2019-10-18" }, "Đảng bộ thị trấn Sông Mã chú trọng xây dựng Đảng."),
    "posts/b.md": postFile({ title: "Tin khác", date: "2019-10-02" }, "Nội dung khác."),
    "posts/c.md": postFile({ title: "Đường điện mới", date: "2020-01-02" }, "Đường điện về bản."),
  });
  await site.build({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh" }, { pathPrefix: "/tin/" });
  server = await serveStatic(site.out, "/tin/", { "content-security-policy": CONTENT_SECURITY_POLICY });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

test("after one visit, the site reads and searches offline, and unvisited pages get the offline page", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const article = `${server.url}2019/10/18/dang-bo-song-ma/`;

  await page.goto(article);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // The page the reader landed on came before the worker: it is kept all the same.
  await expect.poll(() => page.evaluate(async () => (await caches.match(location.href)) !== undefined)).toBe(true);
  await page.goto(`${server.url}2019/10/18/`);

  await server.close(); // from here on, the site is unreachable
  await page.goto(article);
  expect(await page.locator("h1").first().textContent()).toBe("Đảng bộ Sông Mã");

  // Search, accent-free, from the index that came with the worker.
  await page.goto(`${server.url}search/?q=dang+bo`);
  await expect.poll(() => page.locator(".search-result-title a").allTextContents(), { timeout: 10_000 }).toContain("Đảng bộ Sông Mã");

  // "Tìm kiếm theo ngày" from the home page (kept when the worker was installed).
  await page.goto(server.url);
  await page.fill("#newsroom-date-search", "2019-10-18");
  await Promise.all([page.waitForURL(/\/tin\/2019\/10\/18\/$/), page.click(".date-search button")]);
  expect(await page.locator(".post-card-title a").allTextContents()).toContain("Đảng bộ Sông Mã");

  // Never visited: the offline page, in the site's language.
  await page.goto(`${server.url}2020/01/02/duong-dien-moi/`);
  expect(await page.locator("h1").first().textContent()).toBe("Bạn đang ngoại tuyến");
  expect(errors).toEqual([]);
  await context.close();
});
