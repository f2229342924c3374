/**
 * The demo's budgets, checked on a build as `npm run build` makes it: every page is valid HTML
 * (the Nu Html Checker, vnu.jar, which needs Java), an article page's HTML, CSS and JavaScript
 * stay under 30 KB gzipped, and the fonts of a first view under 60 KB.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "node-html-parser";
import vnu from "vnu-jar";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runBuild } from "../helpers/cli.ts";

let out: string;
beforeAll(() => {
  out = path.join(mkdtempSync(path.join(tmpdir(), "newsroom-budgets-")), "_site");
  const result = runBuild(["--config=eleventy.config.ts", `--output=${out}`, "--quiet"]);
  expect(result.status, result.output).toBe(0);
});
afterAll(() => rmSync(path.dirname(out), { recursive: true, force: true }));

const ARTICLE = "2024/09/10/tap-trung-khac-phuc-hau-qua-con-bao-so-3/index.html";

test("every page of the demo is valid HTML (Nu Html Checker)", () => {
  const java = spawnSync("java", ["-version"]);
  if (java.error) throw new Error("the Nu Html Checker needs Java: install Debian's default-jre-headless (CI does)");
  const result = spawnSync("java", ["-jar", String(vnu), "--errors-only", "--format", "json", "--skip-non-html", out], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const messages = (JSON.parse(result.stderr || '{"messages":[]}') as { messages: { url: string; message: string; extract?: string }[] })
    .messages;
  expect(messages.map((m) => `${path.relative(out, new URL(m.url).pathname)}: ${m.message}`)).toEqual([]);
  expect(execFileSync("find", [out, "-name", "*.html"], { encoding: "utf8" }).trim().split("\n").length).toBeGreaterThan(200);
}, 180_000);

test("an article page weighs at most 30 KB gzipped: its HTML, stylesheets and scripts (photos and fonts aside)", () => {
  const html = readFileSync(path.join(out, ARTICLE));
  const page = parse(html.toString());
  const assets = [
    ...page.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute("href")!),
    ...page.querySelectorAll("script[src]").map((s) => s.getAttribute("src")!),
  ];
  expect(assets).toContain("/assets/newsroom/newsroom.css");
  const gzipped = [html, ...assets.map((url) => readFileSync(path.join(out, url)))].reduce(
    (sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length,
    0,
  );
  expect(gzipped).toBeLessThanOrEqual(30 * 1024);
});

test("the fonts a first view loads (the preloaded ones) weigh at most 60 KB, and cover Vietnamese", () => {
  const page = parse(readFileSync(path.join(out, ARTICLE), "utf8"));
  const fonts = page.querySelectorAll('link[rel="preload"][as="font"]').map((l) => l.getAttribute("href")!);
  expect(fonts).toHaveLength(4);
  expect(fonts.some((f) => f.includes("vietnamese"))).toBe(true);
  const bytes = fonts.reduce((sum, url) => sum + statSync(path.join(out, url)).size, 0);
  expect(bytes).toBeLessThanOrEqual(60 * 1024);
  // The stylesheet declares exactly these files, with font-display: swap.
  const css = readFileSync(path.join(out, "assets/newsroom/fonts.css"), "utf8");
  for (const url of fonts) expect(css).toContain(`url(fonts/${path.basename(url)})`);
  expect(css.match(/font-display: swap/g)).toHaveLength(4);
});
