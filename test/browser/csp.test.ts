import type { Browser, Page } from "playwright-core";
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
    "posts/a.md": postFile({ title: "Đảng bộ Sông Mã", date: "2019-10-18", image: "/images/a.svg" }, "Đảng bộ thị trấn Sông Mã."),
    "posts/b.md": postFile({ title: "Tin khác", date: "2019-10-02" }, "Nội dung khác."),
    "images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg' width='3' height='2'/>",
  });
  await site.build({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh" });
  server = await serveStatic(site.out, "/", { "content-security-policy": CONTENT_SECURITY_POLICY });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

/** Opens a page and records every CSP violation and script error on it. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused (CSP): ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(new URL(url, server.url).href);
  return { page, problems };
}

test("article, archive and home pages load under the strict policy without violations", async () => {
  for (const url of ["/", "/2019/10/18/dang-bo-song-ma/", "/2019/10/", "/archive/"]) {
    const { page, problems } = await open(url);
    await page.waitForLoadState("load");
    expect(problems, url).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")!).borderBottomStyle), url).toBe("solid");
    await page.close();
  }
});

test("search works under the strict policy", async () => {
  const { page, problems } = await open("/search/?q=dang+bo");
  await expect.poll(() => page.locator(".search-result-title a").allTextContents()).toEqual(["Đảng bộ Sông Mã"]);
  expect(problems).toEqual([]);
  await page.close();
});

test("the date widget works under the strict policy", async () => {
  const { page, problems } = await open("/2019/10/02/");
  await page.fill("#newsroom-date-search", "2019-10-18");
  await Promise.all([page.waitForURL(/\/2019\/10\/18\/$/), page.click(".date-search button")]);
  expect(problems).toEqual([]);
  await page.close();
});
