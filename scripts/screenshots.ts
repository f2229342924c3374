/**
 * npm run screenshots — the README's pictures of the demo, phone and desktop: the front page, an
 * article with its related articles, a section page and the search page with results. Builds
 * nothing: run `npm run build` first. Writes docs/screenshots/*.jpg.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchBrowser } from "../test/helpers/browser.ts";
import { serveStatic } from "../test/helpers/server.ts";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "docs/screenshots");
mkdirSync(out, { recursive: true });

const devices = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 },
} as const;

const shots: { name: string; url: string; prepare?: (page: import("playwright-core").Page) => Promise<void> }[] = [
  { name: "front", url: "" },
  {
    name: "article",
    url: "2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/",
    // Scrolled to the foot of the article: related articles and the section's newest.
    prepare: (page) => page.locator(".related").scrollIntoViewIfNeeded(),
  },
  { name: "section", url: "chuyen-muc/kinh-te/" },
  {
    name: "search",
    url: "search/?q=dang%20bo",
    prepare: (page) => page.locator(".search-result").first().waitFor({ timeout: 20_000 }),
  },
];

const server = await serveStatic(path.join(root, "_site"));
const browser = await launchBrowser();
try {
  for (const [device, settings] of Object.entries(devices)) {
    const context = await browser.newContext({ ...settings, serviceWorkers: "block" });
    for (const shot of shots) {
      const page = await context.newPage();
      await page.goto(new URL(shot.url, server.url).href, { waitUntil: "networkidle" });
      await page.evaluate(() => document.fonts.ready);
      await shot.prepare?.(page);
      const file = path.join(out, `${shot.name}-${device}.jpg`);
      await page.screenshot({ path: file, type: "jpeg", quality: 70 });
      console.log(path.relative(root, file));
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
