/** The demo site in Chromium, built as `npm run build` builds it. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/core/csp.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { runBuild } from "../helpers/cli.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";

const SEED_TITLE = "Chú trọng xây dựng Đảng bộ trong sạch, vững mạnh";
let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  out = path.join(mkdtempSync(path.join(tmpdir(), "newsroom-demo-browser-")), "_site");
  const result = runBuild(["--config=eleventy.config.ts", `--output=${out}`, "--quiet"]);
  expect(result.status, result.output).toBe(0);
  server = await serveStatic(out, "/", { "content-security-policy": CONTENT_SECURITY_POLICY });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(path.dirname(out), { recursive: true, force: true });
});

test("/search/?q=song+ma shows the seed article", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}search/?q=song+ma`);
  await expect.poll(() => page.locator(".search-result-title a").allTextContents()).toContain(SEED_TITLE);
  await page.close();
});

test("the seed article's date widget finds its day", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/`);
  expect(await page.locator("time.article-date").textContent()).toBe("Ngày 18 tháng 10 năm 2019");
  expect(await page.locator(".date-search-label").textContent()).toBe("Tìm kiếm theo ngày");
  await page.fill("#newsroom-date-search", "2019-10-18");
  await Promise.all([page.waitForURL(/\/2019\/10\/18\/$/), page.click(".date-search button")]);
  expect(await page.locator(".post-card-title a").allTextContents()).toContain(SEED_TITLE);
  await page.close();
});
