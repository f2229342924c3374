/**
 * The dev server's rebuilds: Eleventy in serve mode, in-process, on a fixture site. An edit in
 * place rewrites only the pages that show the post; any other change rewrites everything; a
 * removed post's pages are no longer served (#21 item 2).
 */
import { readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { afterAll, beforeAll, expect, test } from "vitest";
import newsroom from "../../src/index.ts";
import { freePort } from "../helpers/server.ts";
import { captureLog, createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
let eleventy: InstanceType<typeof Eleventy>;
let log: ReturnType<typeof captureLog>;
/** The dev server's origin. */
let origin = "";
/** Whether Eleventy is rebuilding, or has changes waiting for a rebuild. */
const building = () => (eleventy as any).watchManager.isBuildRunning() || (eleventy as any).watchManager.getPendingQueueSize() > 0;

/** Waits until Eleventy has been idle for half a second (a watcher event may still start a rebuild just after one ends). */
async function settled(what: string): Promise<void> {
  let idleSince = Date.now();
  await until(() => {
    if (building()) idleSince = Date.now();
    return Date.now() - idleSince >= 500;
  }, what);
}
const previousDir = process.cwd();

/** The dev server's answer for a URL: its status and text. */
async function served(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(new URL(url, origin));
  return { status: response.status, text: await response.text() };
}

const html = (url: string) => path.join(site.out, url, "index.html");
const mtime = (url: string) => statSync(html(url)).mtimeMs;
const read = (url: string) => readFileSync(html(url), "utf8");

async function until(ok: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  site = createSite({
    "posts/a.md": postFile({ title: "Tin ngày một", date: "2019-10-01" }, "Bài một."),
    "posts/b.md": postFile({ title: "Tin ngày mười", date: "2019-10-10" }, "Bài mười."),
    "posts/c.md": postFile({ title: "Tin ngày hai mươi", date: "2019-10-20" }, "Bài hai mươi."),
    // Shares no word with the others: no related list links it to them (an edit of b must leave its article alone).
    "posts/d.md": postFile({ title: "Lễ hội hoa ban", date: "2019-11-05" }, "Hoa ban nở trắng núi rừng."),
  });
  process.chdir(path.dirname(site.dir));
  const name = path.basename(site.dir);
  eleventy = new Eleventy(name, `${name}/_site`, {
    quietMode: true,
    runMode: "serve",
    config(eleventyConfig: any) {
      eleventyConfig.addPlugin(newsroom, {
        timeZone: "UTC",
        locale: "vi",
        site: { url: "https://example.org/" },
        search: { enabled: false },
      });
    },
  });
  await eleventy.init();
  // Rebuilds that fail on purpose report through Eleventy's logger: kept, not printed (after init(): the dev server's logger is made there).
  log = captureLog(eleventy);
  await eleventy.watch(); // returns once the watcher is ready…
  const port = await freePort();
  await eleventy.serve(port);
  origin = `http://localhost:${port}/`;
  await new Promise((resolve) => setTimeout(resolve, 1000)); // …which sees changes only a little later
  await until(async () => (await served("/")).status === 200, "the dev server");
});
afterAll(async () => {
  log?.print(); // warnings and errors other than the failure made on purpose
  await eleventy?.stopWatch();
  process.chdir(previousDir);
  site?.remove();
});

test("editing a post's text rewrites its article and the lists showing it, and nothing else", async () => {
  // Pages that do not show the post, not even in a related list (single pages such as /archive/ are always rewritten: they are cheap).
  const untouched = ["/2019/11/05/le-hoi-hoa-ban/", "/2019/11/", "/2019/11/05/", "/2019/10/01/", "/2019/10/20/"];
  const before = Object.fromEntries(untouched.map((url) => [url, mtime(url)]));
  site.write({ "posts/b.md": postFile({ title: "Tin ngày mười", date: "2019-10-10", summary: "Tóm tắt mới" }, "Bài mười, đã sửa.") });
  await until(() => read("/2019/10/10/tin-ngay-muoi/").includes("đã sửa"), "the article");
  expect(read("/2019/10/10/")).toContain("Tóm tắt mới");
  expect(read("/2019/10/")).toContain("Tóm tắt mới");
  expect(read("/")).toContain("Tóm tắt mới");
  for (const url of untouched) expect(mtime(url), url).toBe(before[url]);
});

test("adding a post rewrites everything: lists, neighbours and archives", async () => {
  const neighbour = mtime("/2019/11/05/le-hoi-hoa-ban/");
  site.write({ "posts/e.md": postFile({ title: "Tin tháng mười hai", date: "2019-12-01" }, "Bài mới.") });
  await until(() => site.exists("/2019/12/01/tin-thang-muoi-hai/"), "the new article");
  await until(() => read("/").includes("Tin tháng mười hai"), "the home page");
  expect(read("/2019/11/05/le-hoi-hoa-ban/")).toContain("/2019/12/01/tin-thang-muoi-hai/");
  expect(mtime("/2019/11/05/le-hoi-hoa-ban/")).not.toBe(neighbour);
  expect(site.exists("/2019/12/")).toBe(true);
});

test("changing a template rewrites every page", async () => {
  site.write({ "_includes/newsroom/footer.njk": "<footer>Chân trang mới</footer>" });
  await until(() => read("/2019/10/01/tin-ngay-mot/").includes("Chân trang mới"), "an article");
  for (const url of ["/2019/11/", "/2019/10/20/", "/"]) expect(read(url), url).toContain("Chân trang mới");
});

test("after the output folder is deleted, the next edit writes the whole site again", async () => {
  await settled("the last rebuild to end"); // deleting the folder under a running build fails that build
  rmSync(site.out, { recursive: true, force: true });
  site.write({ "posts/b.md": postFile({ title: "Tin ngày mười", date: "2019-10-10", summary: "Sau khi xóa" }, "Bài mười, sửa lần nữa.") });
  await until(() => site.exists("/2019/10/10/tin-ngay-muoi/") && read("/2019/10/10/tin-ngay-muoi/").includes("sửa lần nữa"), "the article");
  // Pages that do not show the edited post are back too, and the date widget's index.
  await until(() => site.exists("/2019/11/05/le-hoi-hoa-ban/") && site.exists("/archive/days.json"), "the rest of the site");
});

// #21 item 2: Eleventy 3's watcher logs "File deleted" and rebuilds nothing; the dev server serves the output folder as it is.
test("removing a post rebuilds: its article is no longer served, and no page or feed lists it", async () => {
  await settled("the last rebuild to end");
  const article = "/2019/10/20/tin-ngay-hai-muoi/";
  expect((await served(article)).status).toBe(200);
  rmSync(path.join(site.dir, "posts/c.md"));
  await until(async () => (await served(article)).status === 404, "the article to be gone");
  await settled("the rebuild to end");
  expect(site.exists(article)).toBe(false);
  // Its day had no other post: that page goes too; its month, the home page and the feeds no longer list it.
  expect((await served("/2019/10/20/")).status).toBe(404);
  for (const url of ["/", "/2019/10/", "/2019/10/10/tin-ngay-muoi/", "/archive/days.json", "/feed.xml", "/feed.json", "/sitemap.xml"]) {
    const page = await served(url);
    expect(page.status, url).toBe(200);
    expect(page.text, url).not.toContain("tin-ngay-hai-muoi");
  }
});

test("renaming a post's file keeps its page; renaming it to a name that is not a post removes its page", async () => {
  await settled("the last rebuild to end");
  const moved = "/2019/10/01/tin-ngay-mot/";
  renameSync(path.join(site.dir, "posts/a.md"), path.join(site.dir, "posts/mot.md"));
  await until(() => log.lines.some((line) => line.message.includes("posts/mot.md")), "the rename to be seen");
  await settled("the rebuild to end");
  expect((await served(moved)).status).toBe(200);

  const gone = "/2019/11/05/le-hoi-hoa-ban/";
  renameSync(path.join(site.dir, "posts/d.md"), path.join(site.dir, "posts/d.md.bak"));
  await until(async () => (await served(gone)).status === 404, "the article to be gone");
  expect((await served("/2019/11/")).status).toBe(404);
  expect((await served("/")).text).not.toContain("le-hoi-hoa-ban");
});

test("removing the post that broke the build brings the dev server back, with the edits made meanwhile", async () => {
  await settled("the last rebuild to end");
  const start = log.lines.length;
  const failures = log.lines.filter((line) => line.type === "error").length;
  site.write({
    "posts/bad.md": postFile({ date: "2019-10-12" }, "Không có tiêu đề."),
    "posts/b.md": postFile({ title: "Tin ngày mười", date: "2019-10-10", summary: "Sửa khi có bài lỗi" }, "Bài mười."),
  });
  await until(() => log.lines.filter((line) => line.type === "error").length > failures, "the failed rebuild");
  await settled("the failed rebuild to end");
  expect(
    log.lines
      .slice(start)
      .map((line) => line.message)
      .join("\n"),
  ).toMatch(/posts\/bad\.md: title/);
  expect(read("/2019/10/10/tin-ngay-muoi/")).not.toContain("Sửa khi có bài lỗi");
  log.lines.splice(start); // the failure's report: expected

  rmSync(path.join(site.dir, "posts/bad.md"));
  await until(() => read("/2019/10/10/tin-ngay-muoi/").includes("Sửa khi có bài lỗi"), "the rebuild without the bad post");
  expect((await served("/2019/10/10/tin-ngay-muoi/")).text).toContain("Sửa khi có bài lỗi");
});
