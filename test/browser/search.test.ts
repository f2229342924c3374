import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = createSite({
    "posts/seed.md": postFile(
      { title: "Chú trọng xây dựng Đảng bộ trong sạch, vững mạnh", date: "2019-10-18", category: "Xây dựng Đảng" },
      "Những năm qua, Đảng bộ thị trấn Sông Mã luôn chú trọng công tác xây dựng Đảng.",
    ),
    "posts/cau.md": postFile(
      { title: "Sông Mã đẩy nhanh tiến độ cầu", date: "2019-10-18 08:00", category: "Kinh tế" },
      "Cầu bắc qua sông Mã sắp hoàn thành.",
    ),
    "posts/old.md": postFile({ title: "Chợ phiên Sông Mã", date: "2018-02-14", category: "Văn hóa" }, "Chợ phiên Sông Mã ngày giáp Tết."),
    "posts/evil.md": postFile(
      `title: '<img src=x onerror="window.hacked=1"> Sông Mã'\ndate: 2017-01-01`,
      "Sông Mã <script>window.hacked=2</script>",
    ),
  });
  await site.build({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh" }, { pathPrefix: "/tin/" });
  server = await serveStatic(site.out, "/tin/");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

const titles = (page: Page) => page.locator(".search-result-title a").allTextContents();

test("typing a query on /search/ shows results with title, date and highlighted excerpt, and puts it in the URL", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}search/`);
  await page.fill("#newsroom-search-q", "dang bo");
  await expect.poll(() => titles(page)).toContain("Chú trọng xây dựng Đảng bộ trong sạch, vững mạnh");
  expect(new URL(page.url()).searchParams.get("q")).toBe("dang bo");
  const first = page.locator(".search-result").first();
  expect(await first.locator(".search-result-date").textContent()).toBe("Thứ Sáu, ngày 18 tháng 10 năm 2019");
  expect(await first.locator("mark").allTextContents()).toEqual(expect.arrayContaining(["Đảng"]));
  expect(await first.locator(".search-result-title a").getAttribute("href")).toBe(
    "/tin/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/",
  );
  expect(await page.locator(".search-status").textContent()).toMatch(/kết quả cho “dang bo”/);
  await page.close();
});

test("/search/?q=song+ma shows the results on load; titles and excerpts are text, not markup", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}search/?q=song+ma`);
  await expect.poll(() => titles(page)).toContain("Chú trọng xây dựng Đảng bộ trong sạch, vững mạnh");
  expect(await page.inputValue("#newsroom-search-q")).toBe("song ma");
  expect(await titles(page)).toContain('<img src=x onerror="window.hacked=1"> Sông Mã');
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  await page.close();
});

test("filters and sort live in the URL, and the back button returns to the previous search", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}search/?q=song+ma`);
  await expect.poll(async () => (await titles(page)).length).toBe(4);
  await page.selectOption('select[name="year"]', "2019");
  await expect.poll(async () => (await titles(page)).length).toBe(2);
  expect(new URL(page.url()).searchParams.get("year")).toBe("2019");
  await page.selectOption('select[name="sort"]', "newest");
  await expect.poll(() => titles(page)).toEqual(["Sông Mã đẩy nhanh tiến độ cầu", "Chú trọng xây dựng Đảng bộ trong sạch, vững mạnh"]);
  await page.click(".search-query button"); // submit: a history entry
  await page.fill("#newsroom-search-q", "cho phien");
  await page.click(".search-query button");
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("cho phien");
  await page.goBack();
  await expect.poll(() => page.inputValue("#newsroom-search-q")).toBe("song ma");
  await expect.poll(async () => (await titles(page)).length).toBe(2);
  await page.close();
});

test("a month page's search box searches within that month", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}2019/10/`);
  await page.fill(".search-period input[type=search]", "song ma");
  await Promise.all([page.waitForURL(/\/tin\/search\/\?month=2019-10&q=song\+ma/), page.click(".search-period button")]);
  await expect
    .poll(async () => (await titles(page)).sort())
    .toEqual(["Chú trọng xây dựng Đảng bộ trong sạch, vững mạnh", "Sông Mã đẩy nhanh tiến độ cầu"]);
  expect(await page.inputValue('select[name="month"]')).toBe("2019-10");
  await page.close();
});

test("a date range narrows the results", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}search/?q=song+ma&from=2018-01-01&to=2018-12-31`);
  await expect.poll(() => titles(page)).toEqual(["Chợ phiên Sông Mã"]);
  await page.close();
});
