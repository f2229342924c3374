/** The demo site in Chromium, built as `npm run build` builds it. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/render/csp.ts";
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

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const NEW_PAGES = ["", "2024/09/10/tap-trung-khac-phuc-hau-qua-con-bao-so-3/", "chuyen-muc/kinh-te/", "tag/song-ma/", "404.html"];

test("on a phone, the front page and a photo-led article load without a layout shift (CLS 0)", async () => {
  const context = await browser.newContext(PHONE);
  for (const url of NEW_PAGES.slice(0, 2)) {
    const page = await context.newPage();
    // Record every layout shift from the first paint on, as the Core Web Vitals' CLS counts them.
    await page.addInitScript(() => {
      (window as unknown as { shifts: number[] }).shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) (window as unknown as { shifts: number[] }).shifts.push(entry.value);
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${server.url}${url}`, { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    // Photos decoded, fonts swapped in: the page is as it will stay. A lazy photo below the first
    // screen (the front page's first page lists up to 2 × pageSize posts) waits for a scroll; its
    // width and height hold its place.
    expect(
      await page.evaluate(() =>
        Array.from(document.images).every(
          (img) => img.complete || (img.loading === "lazy" && img.getBoundingClientRect().top > innerHeight),
        ),
      ),
    ).toBe(true);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts), url || "/").toEqual([]);
    // The font really is Be Vietnam Pro, with its Vietnamese subset.
    expect(await page.evaluate(() => document.fonts.check('700 1rem "Be Vietnam Pro"', "Đảng"))).toBe(true);
    await page.close();
  }
  await context.close();
});

test("until the font arrives, text shows in a stand-in with its metrics: the swap moves little", async () => {
  // Without the stand-ins (fonts.css's "Be Vietnam Pro Fallback: …" faces), the seed article's
  // headline took three lines in the system font and two in Be Vietnam Pro, and the page's height
  // changed by 3.4% when the font arrived (the front page's by 1.3%).
  // No service worker: its precache would hand the pages the font files that the route refuses.
  const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
  const layout = async (url: string, font: boolean) => {
    const page = await context.newPage();
    if (!font) await page.route("**/*.woff2", (route) => route.abort());
    await page.goto(`${server.url}${url}`, { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    const result = await page.evaluate(() => ({
      font: document.fonts.check('700 1rem "Be Vietnam Pro"', "Đảng"),
      height: document.documentElement.scrollHeight,
      headlines: Array.from(document.querySelectorAll("h1, h2")).map((h) => Math.round(h.getBoundingClientRect().height)),
    }));
    await page.close();
    return result;
  };
  for (const url of ["2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/", ""]) {
    const [standIn, font] = [await layout(url, false), await layout(url, true)];
    expect([standIn.font, font.font], url).toEqual([false, true]);
    expect(standIn.headlines, `${url || "/"}: headline heights in the stand-in and in the font`).toEqual(font.headlines);
    expect(
      Math.abs(standIn.height - font.height) / font.height,
      `${url || "/"}: ${standIn.height} px, then ${font.height} px`,
    ).toBeLessThan(0.015);
  }
  await context.close();
});

test("axe finds no serious or critical accessibility problem on the front, article, section, tag and 404 pages", async () => {
  // axe is injected as a script: this context alone ignores the site's Content Security Policy.
  const context = await browser.newContext({ ...PHONE, bypassCSP: true });
  const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  for (const url of NEW_PAGES) {
    const page = await context.newPage();
    await page.goto(`${server.url}${url}`, { waitUntil: "networkidle" });
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
      ).axe.run();
      return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations, url || "/").toEqual([]);
    await page.close();
  }
  await context.close();
});
