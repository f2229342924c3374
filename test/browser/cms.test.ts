/**
 * The web editor end to end: a small site (in a temp folder, built by the Eleventy CLI as a site
 * would be, once as it is and once under the path prefix /tin/) with `cms` on, decap-server as its
 * local backend, /admin/ served under the editor's CSP (any violation fails a test). In Decap's UI:
 * - a post written and published from a browser in another time zone lands in the site's posts
 *   folder with valid front matter dated by the newsroom's clock, and the next build publishes it;
 * - posts dated in each form the build reads (a day, the site's wall clock, an offset, UTC) keep
 *   their day and time when a journalist in New York or in Hồ Chí Minh City edits only the body,
 *   and the picker shows the newsroom's time; a date set in the picker is written as that time;
 * - the preview pane is the article page (its classes, the site's stylesheet and font);
 * - under a path prefix, the lead photo and the body's images preview, and an uploaded photo goes
 *   to the media folder, is written as /images/uploads/…, and is published under the prefix.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import { parse } from "node-html-parser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { adminContentSecurityPolicy } from "../../src/features/cms/cms.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { repoRoot, runEleventy } from "../helpers/cli.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const ABROAD = "America/New_York";
const TITLE = "Đường điện về bản Nà Hin";
const SLUG = "duong-dien-ve-ban-na-hin";

/** The seed's post, dated by day only, with everything the article page shows. */
const SONG_MA = [
  "---",
  "title: Thị trấn Sông Mã",
  "date: 2019-10-18",
  "summary: Thị trấn Sông Mã ngày càng khang trang.",
  "author: Lò Văn Hưng",
  "category: Thời sự",
  "tags:",
  "  - Sông Mã",
  "  - đô thị",
  "image: /images/uploads/song-ma.jpg",
  "image_alt: Phố chính thị trấn Sông Mã",
  "caption: Thị trấn Sông Mã ngày càng khang trang, sạch, đẹp.",
  "---",
  "",
  "Thị trấn Sông Mã ngày càng khang trang.",
  "",
  "![Hoa ban nở](/images/uploads/hoa-ban.jpg)",
  "",
].join("\n");

/**
 * Posts dated in each form the build reads, all 18 October 2019 at 08:30 in the site's zone but
 * the first (the day): the form written, the picker's time in the site's zone, the saved form
 * after an edit of the body only (Decap writes a UTC timestamp back as an ISO string, same instant).
 * Files are named by their URL's slug (the title's).
 */
const DATED: { slug: string; title: string; date: string; shown: string; saved: string }[] = [
  { slug: "thi-tran-song-ma", title: "Thị trấn Sông Mã", date: "2019-10-18", shown: "2019-10-18T00:00", saved: "2019-10-18" },
  { slug: "bai-gio-toa-soan", title: "Bài giờ tòa soạn", date: "2019-10-18 08:30", shown: "2019-10-18T08:30", saved: "2019-10-18 08:30" },
  {
    slug: "bai-co-mui-gio",
    title: "Bài có múi giờ",
    date: "2019-10-18T08:30:00+07:00",
    shown: "2019-10-18T08:30",
    saved: "2019-10-18T08:30:00+07:00",
  },
  { slug: "bai-gio-utc", title: "Bài giờ UTC", date: "2019-10-18T01:30:00Z", shown: "2019-10-18T08:30", saved: "2019-10-18T01:30:00.000Z" },
  {
    slug: "bai-gio-new-york",
    title: "Bài giờ New York",
    date: "2019-10-17T21:30:00-04:00",
    shown: "2019-10-18T08:30",
    saved: "2019-10-17T21:30:00-04:00",
  },
];

let dir: string;
let decap: ChildProcess | undefined;
let decapLog = "";
let server: StaticServer;
/** The site built with --pathprefix=/tin/, served under /tin/. */
let prefixed: StaticServer;
let browser: Browser;
let backend: string;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function build(...args: string[]): void {
  const result = runEleventy(["--config=eleventy.config.js", "--quiet", ...args], { cwd: dir });
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
}

/** A post of DATED as the fixture writes it. */
function seed(post: (typeof DATED)[number]): string {
  return post.slug === "thi-tran-song-ma" ? SONG_MA : `---\ntitle: ${post.title}\ndate: ${post.date}\n---\n\nTin.\n`;
}

const buildPrefixed = () => build("--pathprefix=/tin/", "--output=_site-tin");

/** A post's `date` as written in its file (the YAML text, not a parsed value). */
function writtenDate(slug: string): string | undefined {
  const text = readFileSync(path.join(dir, "posts/2019/10", `${slug}.md`), "utf8");
  return /^date: (.*)$/m.exec(text)?.[1];
}

function postFiles(): string[] {
  return (readdirSync(path.join(dir, "posts"), { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => f.endsWith(".md"))
    .sort();
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-cms-"));
  const port = await freePort();
  backend = `http://127.0.0.1:${port}/api/v1`;
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "cms-fixture", private: true, type: "module" }),
    "eleventy.config.js": `import newsroom from ${JSON.stringify(path.join(repoRoot, "dist", "index.js"))};
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(newsroom, {
    locale: "vi",
    timeZone: ${JSON.stringify(ZONE)},
    sections: { categories: ["Thời sự", "Kinh tế", "Xã hội"] },
    search: { enabled: false },
    offline: { enabled: false },
    images: { enabled: false },
    cms: { enabled: true, localBackend: ${JSON.stringify(backend)} },
  });
  eleventyConfig.ignores.add("node_modules/**");
  return { dir: { input: ".", output: "_site" } };
}
`,
    ...Object.fromEntries(DATED.map((p) => [`posts/2019/10/${p.slug}.md`, seed(p)])),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  mkdirSync(path.join(dir, "images/uploads"), { recursive: true });
  for (const photo of ["song-ma.jpg", "hoa-ban.jpg"]) {
    writeFileSync(path.join(dir, "images/uploads", photo), readFileSync(path.join(repoRoot, "images/photos", photo)));
  }
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(path.join(repoRoot, "node_modules", "decap-cms"), path.join(dir, "node_modules", "decap-cms"), "dir");
  build();
  buildPrefixed();

  // decap-server: the repository is its working folder (or GIT_REPO_DIRECTORY), its port PORT.
  decap = spawn(process.execPath, [path.join(repoRoot, "node_modules", "decap-server", "dist", "index.js")], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), GIT_REPO_DIRECTORY: "", MODE: "fs", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  decap.stdout!.on("data", (d: Buffer) => (decapLog += d.toString()));
  decap.stderr!.on("data", (d: Buffer) => (decapLog += d.toString()));
  const started = Date.now();
  while (!/listening on port/.test(decapLog)) {
    if (Date.now() - started > 30_000 || decap.exitCode !== null) throw new Error(`decap-server did not start:\n${decapLog}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  const csp = adminContentSecurityPolicy(backend);
  server = await serveStatic(path.join(dir, "_site"), "/", { "content-security-policy": csp });
  prefixed = await serveStatic(path.join(dir, "_site-tin"), "/tin/", { "content-security-policy": csp });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await prefixed?.close();
  if (decap && decap.exitCode === null) {
    const exited = new Promise((r) => decap!.once("exit", r));
    decap.kill("SIGTERM");
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The editor page, logged in (decap-server needs no account), every CSP violation and page error recorded. */
async function openAdmin(zone = ZONE, site = server): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ timezoneId: zone, locale: "vi-VN", viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("dialog", (d) => void d.accept());
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused (CSP): ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(new URL("admin/", site.url).href);
  await page.getByRole("button", { name: "Đăng nhập" }).click({ timeout: 60_000 });
  await page.waitForURL(/#\/collections\/posts/, { timeout: 60_000 });
  return { page, problems };
}

/** Opens a post of posts/2019/10/ in the editor (a fresh load: Decap keeps no state from the last one). */
async function openPost(page: Page, slug: string, site = server): Promise<void> {
  await page.goto("about:blank");
  await page.goto(new URL(`admin/#/collections/posts/entries/2019/10/${slug}`, site.url).href);
  await page.locator("[data-slate-editor]").first().waitFor({ timeout: 60_000 });
}

async function publish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Công bố" }).click();
  await page.getByText("Công bố ngay").click();
}

/** Runs `steps`; on failure, a screenshot and what the page and decap-server said. */
async function inEditor<T>(opened: { page: Page; problems: string[] }, steps: (page: Page) => Promise<T>): Promise<T> {
  try {
    const result = await steps(opened.page);
    expect(opened.problems).toEqual([]);
    return result;
  } catch (error) {
    await opened.page.screenshot({ path: path.join(tmpdir(), "newsroom-cms-failure.png"), fullPage: true });
    throw new Error(`${(error as Error).message}\nproblems: ${opened.problems.join("\n")}\ndecap-server: ${decapLog}`, { cause: error });
  } finally {
    await opened.page.context().close();
  }
}

/** The picker's value: "YYYY-MM-DDTHH:mm", what the writer sees. */
const picker = (page: Page) => page.getByLabel("Ngày đăng");

test("a post written and published from a browser in New York is dated by the newsroom's clock, saved into posts/ and published by the next build", async () => {
  const before = postFiles().length;
  const shown = await inEditor(await openAdmin(ABROAD), async (page) => {
    await page.goto(new URL("/admin/#/collections/posts/new", server.url).href);
    await page.getByLabel("Tiêu đề").fill(TITLE, { timeout: 60_000 });
    // The section: react-select, opened by its input, the option picked by its text.
    await page.getByLabel("Chuyên mục").click();
    await page.getByText("Kinh tế", { exact: true }).click();
    await page.getByLabel("Từ khóa").fill("điện lưới");
    await page.getByLabel("Tóm tắt").fill("Bản Nà Hin có điện lưới quốc gia.");
    const body = page.locator("[data-slate-editor]").first();
    await body.click();
    await page.keyboard.type("Hơn 60 hộ dân bản Nà Hin đã có điện lưới.");
    const shown = await picker(page).inputValue();
    await publish(page);
    await expect.poll(postFiles, { timeout: 30_000 }).toHaveLength(before + 1);
    return shown;
  });

  const file = postFiles().find((f) => f.includes(SLUG));
  const now = DateTime.now().setZone(ZONE);
  // Named as `newsroom new` names posts: {yyyy}/{MM}/{slug}.md (Decap's year and month: its UTC now).
  expect(file).toMatch(new RegExp(`^\\d{4}/\\d{2}/${SLUG}\\.md$`));
  const text = readFileSync(path.join(dir, "posts", file!), "utf8");
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  expect(match, text).not.toBeNull();
  const front = yaml.load(match![1]!, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
  expect(front).toMatchObject({ title: TITLE, category: "Kinh tế", tags: ["điện lưới"], draft: false });
  // The date: the newsroom's wall clock (Hồ Chí Minh City's, 11 or 12 hours ahead of the writer's), no offset.
  expect(front.date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(shown).toBe(String(front.date).replace(" ", "T"));
  const date = DateTime.fromFormat(String(front.date), "yyyy-MM-dd HH:mm", { zone: ZONE });
  expect(Math.abs(date.diff(now, "minutes").minutes)).toBeLessThan(10);
  expect(match![2]).toContain("Hơn 60 hộ dân bản Nà Hin đã có điện lưới.");

  build();
  const url = `/${date.toFormat("yyyy/MM/dd")}/${SLUG}/`;
  const article = parse(readFileSync(path.join(dir, "_site", url, "index.html"), "utf8"));
  expect(article.querySelector("h1")?.text.trim()).toBe(TITLE);
  const day = parse(readFileSync(path.join(dir, "_site", date.toFormat("yyyy/MM/dd"), "index.html"), "utf8"));
  expect(day.querySelectorAll("a").map((a) => a.getAttribute("href"))).toContain(url);
}, 240_000);

test.each([ABROAD, ZONE])(
  "from a browser in %s, posts dated in every form keep their day and time when only the body is edited; the picker shows the newsroom's time",
  async (zone) => {
    for (const post of DATED) writeFileSync(path.join(dir, "posts/2019/10", `${post.slug}.md`), seed(post));
    const seen = await inEditor(await openAdmin(zone), async (page) => {
      const seen: Record<string, { shown: string; saved: string | undefined }> = {};
      for (const post of DATED) {
        await openPost(page, post.slug);
        const shown = await picker(page).inputValue();
        // The end of the first paragraph (the seed's body ends with an image).
        await page.locator("[data-slate-editor] [data-slate-string]").first().click();
        await page.keyboard.press("End");
        await page.keyboard.type(" Sửa lại.");
        await publish(page);
        const file = path.join(dir, "posts/2019/10", `${post.slug}.md`);
        await expect.poll(() => readFileSync(file, "utf8"), { timeout: 30_000 }).toContain("Sửa lại.");
        seen[post.slug] = { shown, saved: writtenDate(post.slug) };
      }
      return seen;
    });
    expect(seen).toEqual(Object.fromEntries(DATED.map((p) => [p.slug, { shown: p.shown, saved: p.saved }])));

    // The same URL and the same day archive as before the edit.
    build();
    const day = parse(readFileSync(path.join(dir, "_site/2019/10/18/index.html"), "utf8"));
    const links = day.querySelectorAll("a").map((a) => a.getAttribute("href"));
    for (const post of DATED) {
      const url = `/2019/10/18/${post.slug}/`;
      expect(
        parse(readFileSync(path.join(dir, "_site", url, "index.html"), "utf8"))
          .querySelector("h1")
          ?.text.trim(),
      ).toBe(post.title);
      expect(links).toContain(url);
    }
  },
  240_000,
);

test("from a browser in New York, the picker sets the newsroom's time: its \"now\" is the newsroom's, a time set is written as it is", async () => {
  const post = DATED.find((p) => p.slug === "bai-gio-utc")!;
  writeFileSync(path.join(dir, "posts/2019/10", `${post.slug}.md`), seed(post));
  const now = await inEditor(await openAdmin(ABROAD), async (page) => {
    await openPost(page, post.slug);
    await page.getByRole("button", { name: "Ngay lúc này" }).click();
    const now = await picker(page).inputValue();
    await picker(page).fill("2019-10-19T06:45");
    await publish(page);
    await expect.poll(() => writtenDate(post.slug), { timeout: 30_000 }).toBe("2019-10-19 06:45");
    return now;
  });
  const newsroomNow = DateTime.now().setZone(ZONE);
  expect(Math.abs(DateTime.fromISO(now, { zone: ZONE }).diff(newsroomNow, "minutes").minutes)).toBeLessThan(10);

  build();
  expect(
    parse(readFileSync(path.join(dir, "_site/2019/10/19/bai-gio-utc/index.html"), "utf8"))
      .querySelector("h1")
      ?.text.trim(),
  ).toBe(post.title);
  writeFileSync(path.join(dir, "posts/2019/10", `${post.slug}.md`), seed(post));
}, 240_000);

test("the preview is the article page: the same classes and words, in the site's stylesheet and font", async () => {
  // The post as the fixture wrote it: the test before this one types into its body (where the
  // caret lands there is Slate's to decide under load), and this one reads the body's words.
  writeFileSync(path.join(dir, "posts/2019/10/thi-tran-song-ma.md"), SONG_MA);
  const seen = await inEditor(await openAdmin(), async (page) => {
    await openPost(page, "thi-tran-song-ma");
    const frame = page.frameLocator("#preview-pane");
    await expect
      .poll(() => frame.locator("article img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0)), {
        timeout: 30_000,
      })
      .toEqual([true, true]);
    return frame.locator("body").evaluate(async (body) => {
      const doc = body.ownerDocument;
      const title = doc.querySelector(".article-title")!;
      const style = doc.defaultView!.getComputedStyle(title);
      await doc.fonts.ready;
      const loaded: string[] = [];
      doc.fonts.forEach((face) => void (face.status === "loaded" && loaded.push(face.family.replaceAll('"', ""))));
      const text = (selector: string) => doc.querySelector(selector)?.textContent?.trim();
      return {
        classes: [...new Set(Array.from(doc.querySelectorAll("article.article [class]")).flatMap((e) => Array.from(e.classList)))],
        title: text(".article-title"),
        category: text(".article-category"),
        date: text(".article-date"),
        summary: text(".article-summary"),
        caption: text(".article-figure figcaption"),
        body: text(".article-body"),
        tags: Array.from(doc.querySelectorAll(".article-tags li")).map((li) => li.textContent),
        stylesheets: Array.from(doc.querySelectorAll("link[rel=stylesheet]")).map((l) => l.getAttribute("href")),
        titleFont: { family: style.fontFamily, weight: style.fontWeight, size: style.fontSize },
        fontsLoaded: loaded,
      };
    });
  });
  const built = parse(readFileSync(path.join(dir, "_site/2019/10/18/thi-tran-song-ma/index.html"), "utf8"));
  const builtClasses = new Set(built.querySelectorAll("article.article [class]").flatMap((e) => e.classList.value));
  const builtText = (selector: string) => built.querySelector(selector)?.text.trim();
  // Every class of the preview is one of the article page's, and the page's parts are all there.
  expect(seen.classes.filter((c) => !builtClasses.has(c) && !/^css-|^es\w+$/.test(c))).toEqual([]);
  expect(seen.classes).toEqual(
    expect.arrayContaining(["article-header", "article-category", "article-title", "article-meta", "article-date", "article-author"]),
  );
  expect(seen.classes).toEqual(
    expect.arrayContaining(["article-summary", "article-figure", "article-body", "article-footer", "article-tags"]),
  );
  expect(seen).toMatchObject({
    title: builtText(".article-title"),
    category: builtText(".article-category"),
    date: builtText(".article-date"),
    summary: builtText(".article-summary"),
    caption: builtText(".article-figure figcaption"),
    tags: built.querySelectorAll(".article-tags li").map((li) => li.text.trim()),
  });
  expect(seen.date).toBe("Ngày 18 tháng 10 năm 2019");
  expect(seen.body).toContain("Thị trấn Sông Mã ngày càng khang trang.");
  expect(seen.stylesheets).toEqual(expect.arrayContaining(["/assets/newsroom/newsroom.css", "/assets/newsroom/fonts.css"]));
  // newsroom.css's headline, in the site's own font (its file fetched under the editor's CSP).
  expect(seen.titleFont).toMatchObject({ weight: "700", size: "32px" });
  expect(seen.titleFont.family).toMatch(/^"Be Vietnam Pro"/);
  expect(seen.fontsLoaded).toContain("Be Vietnam Pro");
}, 240_000);

test("under a path prefix, the preview shows the lead photo and the body's images; a photo uploaded in the editor goes to the media folder and is published under the prefix", async () => {
  const file = path.join(dir, "posts/2019/10/thi-tran-song-ma.md");
  writeFileSync(file, SONG_MA);
  const images = await inEditor(await openAdmin(ZONE, prefixed), async (page) => {
    await openPost(page, "thi-tran-song-ma", prefixed);
    const frame = page.frameLocator("#preview-pane");
    const shown = () =>
      frame
        .locator("article img")
        .evaluateAll((imgs) => imgs.map((i) => ({ loaded: (i as HTMLImageElement).naturalWidth > 0, src: (i as HTMLImageElement).src })));
    await expect.poll(async () => (await shown()).map((i) => i.loaded), { timeout: 30_000 }).toEqual([true, true]);
    const before = await shown();

    // A new lead photo, uploaded through Decap's media library.
    await page.getByRole("button", { name: "Chọn hình khác" }).first().click();
    await page.locator('input[type="file"]').first().setInputFiles(path.join(repoRoot, "images/photos/cau-na-hin.jpg"));
    await page.getByText("cau-na-hin.jpg").waitFor();
    await page.getByRole("button", { name: "Lấy những cái đã chọn" }).click();
    await expect
      .poll(async () => {
        const [lead] = await shown();
        return lead!.loaded && lead!.src !== before[0]!.src;
      })
      .toBe(true);
    await publish(page);
    await expect.poll(() => readFileSync(file, "utf8"), { timeout: 30_000 }).toContain("image: /images/uploads/cau-na-hin.jpg");
    return before;
  });
  // Before the upload, Decap had the photos from the repository (decap-server), not from the site.
  expect(images.map((i) => i.src.startsWith("blob:"))).toEqual([true, true]);
  expect(existsSync(path.join(dir, "images/uploads/cau-na-hin.jpg"))).toBe(true);
  // …not beside the post, where Decap puts a collection's uploads when its files have a path.
  expect((readdirSync(path.join(dir, "posts"), { recursive: true }) as string[]).filter((f) => f.endsWith(".jpg"))).toEqual([]);

  buildPrefixed();
  const article = parse(readFileSync(path.join(dir, "_site-tin/2019/10/18/thi-tran-song-ma/index.html"), "utf8"));
  expect(article.querySelector(".article-figure img")?.getAttribute("src")).toBe("/tin/images/uploads/cau-na-hin.jpg");
  expect(existsSync(path.join(dir, "_site-tin/images/uploads/cau-na-hin.jpg"))).toBe(true);
}, 240_000);
