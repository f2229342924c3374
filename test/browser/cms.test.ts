/**
 * The web editor end to end: a small site (in a temp folder, built by the Eleventy CLI as a site
 * would be) with `cms` on, decap-server as its local backend, /admin/ served under the editor's
 * CSP. A post is written in Decap's UI (a Vietnamese title, a section from the select, a tag, body
 * text) and published; the file lands in the site's posts folder with valid front matter, and the
 * next build publishes it at its URL and in its day's archive.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import { parse } from "node-html-parser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { adminContentSecurityPolicy } from "../../src/site/cms.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { repoRoot, runEleventy } from "../helpers/cli.ts";
import { serveStatic, type StaticServer } from "../helpers/server.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const TITLE = "Đường điện về bản Nà Hin";
const SLUG = "duong-dien-ve-ban-na-hin";

let dir: string;
let decap: ChildProcess | undefined;
let decapLog = "";
let server: StaticServer;
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

function build(): void {
  const result = runEleventy(["--config=eleventy.config.js", "--quiet"], { cwd: dir });
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
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
    "posts/2019/10/song-ma.md":
      "---\ntitle: Thị trấn Sông Mã\ndate: 2019-10-18\ncategory: Thời sự\n---\n\nThị trấn Sông Mã ngày càng khang trang.\n",
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(path.join(repoRoot, "node_modules", "decap-cms"), path.join(dir, "node_modules", "decap-cms"), "dir");
  build();

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
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (decap && decap.exitCode === null) {
    const exited = new Promise((r) => decap!.once("exit", r));
    decap.kill("SIGTERM");
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The editor page, every CSP violation and page error recorded. */
async function openAdmin(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ timezoneId: ZONE, locale: "vi-VN", viewport: { width: 1400, height: 1000 } });
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
  await page.goto(new URL("/admin/", server.url).href);
  return { page, problems };
}

test("a post written and published in the editor is saved into posts/ and published by the next build", async () => {
  const { page, problems } = await openAdmin();
  try {
    // The local backend: a login button without any account.
    await page.getByRole("button", { name: "Đăng nhập" }).click({ timeout: 60_000 });
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

    await page.getByRole("button", { name: "Công bố" }).click();
    await page.getByText("Công bố ngay").click();
    await expect.poll(postFiles, { timeout: 30_000 }).toHaveLength(2);
  } catch (error) {
    await page.screenshot({ path: path.join(tmpdir(), "newsroom-cms-failure.png"), fullPage: true });
    throw new Error(`${(error as Error).message}\nproblems: ${problems.join("\n")}\ndecap-server: ${decapLog}`, { cause: error });
  }

  const file = postFiles().find((f) => f.includes(SLUG));
  const today = DateTime.now().setZone(ZONE);
  // Named as `newsroom new` names posts: {yyyy}/{MM}/{slug}.md (Decap's dates for names are UTC's).
  expect(file).toMatch(new RegExp(`^\\d{4}/\\d{2}/${SLUG}\\.md$`));
  const text = readFileSync(path.join(dir, "posts", file!), "utf8");
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  expect(match, text).not.toBeNull();
  const front = yaml.load(match![1]!) as Record<string, unknown>;
  expect(front).toMatchObject({ title: TITLE, category: "Kinh tế", tags: ["điện lưới"], draft: false });
  // The date: wall-clock time in the site's zone (the editor's browser is in it), no offset.
  expect(front.date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  const date = DateTime.fromFormat(String(front.date), "yyyy-MM-dd HH:mm", { zone: ZONE });
  expect(Math.abs(date.diff(today, "minutes").minutes)).toBeLessThan(10);
  expect(match![2]).toContain("Hơn 60 hộ dân bản Nà Hin đã có điện lưới.");
  expect(problems).toEqual([]);

  build();
  const url = `/${date.toFormat("yyyy/MM/dd")}/${SLUG}/`;
  const article = parse(readFileSync(path.join(dir, "_site", url, "index.html"), "utf8"));
  expect(article.querySelector("h1")?.text.trim()).toBe(TITLE);
  const day = parse(readFileSync(path.join(dir, "_site", date.toFormat("yyyy/MM/dd"), "index.html"), "utf8"));
  expect(day.querySelectorAll("a").map((a) => a.getAttribute("href"))).toContain(url);
}, 240_000);
