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
    "posts/a.md": postFile({ title: "Tin sáng", date: "2019-10-18 08:00" }),
    "posts/b.md": postFile({ title: "Tin tối", date: "2019-10-18 20:00" }),
    "posts/c.md": postFile({ title: "Tin đầu tháng", date: "2019-10-02" }),
    "posts/d.md": postFile({ title: "Tin năm mới", date: "2020-01-01" }),
  });
  await site.build({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh" });
  server = await serveStatic(site.out);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

async function pickDate(startPath: string, date: string) {
  const page = await browser.newPage();
  await page.goto(new URL(startPath, server.url).href);
  await page.fill("#newsroom-date-search", date);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith(startPath) || url.search !== ""),
    page.click(".date-search button"),
  ]);
  await page.waitForLoadState("load");
  return page;
}

test("picking a day with articles opens that day's page", async () => {
  const page = await pickDate("/2020/01/01/tin-nam-moi/", "2019-10-18");
  expect(new URL(page.url()).pathname).toBe("/2019/10/18/");
  expect(await page.locator(".post-card-title a").allTextContents()).toEqual(["Tin tối", "Tin sáng"]);
  expect(await page.locator("[data-newsroom-date-notice]").isVisible()).toBe(false);
  await page.close();
});

test("picking an empty day opens the nearest earlier day and says so", async () => {
  const page = await pickDate("/2020/01/01/tin-nam-moi/", "2019-10-17");
  expect(new URL(page.url()).pathname).toBe("/2019/10/02/");
  const notice = page.locator("[data-newsroom-date-notice]");
  await expect.poll(() => notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toBe("Không có bài viết nào ngày 17/10/2019. Dưới đây là các bài viết của ngày gần nhất trước đó.");
  await page.close();
});

// #21 item 10: the input's min (and max) made the browser stop the form with its own English message.
test("picking a day before the first article opens the first day, and says so", async () => {
  const page = await pickDate("/2019/10/18/", "2019-01-01");
  expect(new URL(page.url()).pathname).toBe("/2019/10/02/");
  const notice = page.locator("[data-newsroom-date-notice]");
  await expect.poll(() => notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toBe(
    "Không có bài viết nào ngày 1/1/2019 hoặc trước đó. Dưới đây là các bài viết của ngày gần nhất sau đó.",
  );
  await page.close();
});

test("picking a day after the last article opens the last day, and says so", async () => {
  const page = await pickDate("/2019/10/18/", "2031-05-20");
  expect(new URL(page.url()).pathname).toBe("/2020/01/01/");
  const notice = page.locator("[data-newsroom-date-notice]");
  await expect.poll(() => notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toBe("Không có bài viết nào ngày 20/5/2031. Dưới đây là các bài viết của ngày gần nhất trước đó.");
  await page.close();
});

test("the archive index reached with ?date= goes on to the day; a day before the first article opens the first day", async () => {
  // The archive index's ?date= (the no-JavaScript target) may carry any day.
  const page = await browser.newPage();
  await Promise.all([page.waitForURL(/\/2019\/10\/02\//), page.goto(new URL("/archive/?date=2019-01-01", server.url).href)]);
  expect(new URL(page.url()).pathname).toBe("/2019/10/02/");
  await expect.poll(() => page.locator("[data-newsroom-date-notice]").textContent()).toContain("ngày gần nhất sau đó");
  await page.close();
});

test("without JavaScript the form leads to the archive index", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(new URL("/2019/10/18/", server.url).href);
  await page.fill("#newsroom-date-search", "2019-10-18");
  await Promise.all([page.waitForURL(/\/archive\/\?date=2019-10-18$/), page.click(".date-search button")]);
  expect(await page.locator(".archive-year h2 a").count()).toBe(2);
  await context.close();
});
