/** The demo site, built as `npm run build` builds it (dist/cli/newsroom.js build, the config file's dir.output overridden). */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, expect, test } from "vitest";
import { hashTree, repoRoot, runBuild } from "../helpers/cli.ts";
import { loadPagefind, searchAll } from "../helpers/pagefind.ts";

let work: string;
let builds: { la: string; kiritimati: string };

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-demo-"));
  builds = { la: path.join(work, "la"), kiritimati: path.join(work, "kiritimati") };
  for (const [name, zone] of [
    ["la", "America/Los_Angeles"],
    ["kiritimati", "Pacific/Kiritimati"],
  ] as const) {
    // Each build makes its own index: one taken from the cache would prove nothing about TZ.
    rmSync(path.join(repoRoot, ".cache", "newsroom"), { recursive: true, force: true });
    const result = runBuild(["--config=eleventy.config.ts", `--output=${builds[name]}`, "--quiet"], { env: { TZ: zone } });
    expect(result.status, result.output).toBe(0);
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test("the seed article is at its contract URL with the Vietnamese date line", () => {
  const html = readFileSync(path.join(builds.la, "2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/index.html"), "utf8");
  const page = parse(html);
  expect(page.querySelector("h1")?.text).toBe("Chú trọng xây dựng Đảng bộ trong sạch, vững mạnh");
  expect(page.querySelector("time")?.text).toBe("Ngày 18 tháng 10 năm 2019");
  expect(page.querySelector("figcaption")?.text).toBe("Thị trấn Sông Mã ngày càng khang trang, sạch, đẹp.");
  const paragraphs = page.querySelectorAll(".article-body p").map((p) => p.text);
  expect(paragraphs).toHaveLength(6);
  expect(paragraphs[0]).toMatch(/^Những năm qua, Đảng bộ thị trấn Sông Mã.*của địa phương\.$/);
  expect(paragraphs.at(-1)).toMatch(/trên địa bàn\.$/);
  expect(html).not.toContain("Thị trấn Sông Mã ngày càng khang trang, sạch, đẹp.</p>");
});

// #21 item 7: the seed article's lead picture is an SVG; the page reserves its space (no layout shift on slow links).
test("the seed article's SVG lead picture has its width and height, from the file", () => {
  const html = readFileSync(path.join(builds.la, "2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/index.html"), "utf8");
  const img = parse(html).querySelector(".article-figure img")!;
  expect(img.attributes).toMatchObject({ src: "/images/song-ma.svg", width: "1200", height: "675" });
});

test("the demo's draft and future-dated posts are not published", () => {
  const files = Object.keys(hashTree(builds.la));
  expect(files.some((f) => f.startsWith("2099/") || f.includes("ban-nhap"))).toBe(false);
  expect(files.filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f)).length).toBeGreaterThanOrEqual(41);
});

test("the build machine's TZ does not change a single byte", () => {
  expect(hashTree(builds.kiritimati)).toEqual(hashTree(builds.la));
});

test("the demo's search index finds the seed article however it is typed, and no draft", async () => {
  const pagefind = await loadPagefind(builds.la);
  const seed = "/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/";
  for (const query of ["dang bo", "Đảng bộ", "song ma", "Sông Mã".normalize("NFD")]) {
    expect(
      (await searchAll(pagefind, query)).map((r) => r.url),
      query,
    ).toContain(seed);
  }
  for (const word of ["xylophonquangtrieu", "hengiotuonglai"]) {
    expect(
      (await searchAll(pagefind, word)).some((r) => r.content.includes(word)),
      word,
    ).toBe(false);
  }
});

// Guards the planted bug "an inline script or style= added to a partial or the offline page": the
// strict CSP forbids them on every page, so every built page is checked, not a handful.
test("no built page has inline script, <style>, style= or on…= attributes (the strict CSP holds everywhere)", () => {
  const pages = Object.keys(hashTree(builds.la)).filter((f) => f.endsWith(".html"));
  expect(pages.length).toBeGreaterThan(100);
  const offences: string[] = [];
  for (const file of pages) {
    const root = parse(readFileSync(path.join(builds.la, file), "utf8"));
    for (const element of root.querySelectorAll("*")) {
      const tag = element.rawTagName?.toLowerCase();
      if (tag === "style") offences.push(`${file}: <style>`);
      // JSON-LD is data, never run; every other script must come from a file.
      if (tag === "script" && !element.hasAttribute("src") && element.getAttribute("type") !== "application/ld+json") {
        offences.push(`${file}: inline <script>`);
      }
      for (const name of Object.keys(element.attributes)) {
        if (name.toLowerCase() === "style" || /^on[a-z]+$/i.test(name)) offences.push(`${file}: <${tag} ${name}=…>`);
      }
    }
  }
  expect(offences).toEqual([]);
});
