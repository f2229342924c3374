/**
 * The dev server's rebuilds: Eleventy in watch mode, in-process, on a fixture site. An edit in
 * place rewrites only the pages that show the post; any other change rewrites everything.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { afterAll, beforeAll, expect, test } from "vitest";
import newsroom from "../../src/index.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
let eleventy: InstanceType<typeof Eleventy>;
const previousDir = process.cwd();

const html = (url: string) => path.join(site.out, url, "index.html");
const mtime = (url: string) => statSync(html(url)).mtimeMs;
const read = (url: string) => readFileSync(html(url), "utf8");

async function until(ok: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!ok()) {
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
    runMode: "watch",
    config(eleventyConfig: any) {
      eleventyConfig.addPlugin(newsroom, { timeZone: "UTC", locale: "vi", search: { enabled: false } });
    },
  });
  await eleventy.init();
  await eleventy.watch();
  // The watcher reports itself ready a moment after watch() returns.
  await new Promise((resolve) => (eleventy as any).watcher.once("ready", resolve));
  await new Promise((resolve) => setTimeout(resolve, 1000)); // …and sees changes only a little later still
});
afterAll(async () => {
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
  const { rmSync } = await import("node:fs");
  rmSync(site.out, { recursive: true, force: true });
  site.write({ "posts/b.md": postFile({ title: "Tin ngày mười", date: "2019-10-10", summary: "Sau khi xóa" }, "Bài mười, sửa lần nữa.") });
  await until(() => site.exists("/2019/10/10/tin-ngay-muoi/") && read("/2019/10/10/tin-ngay-muoi/").includes("sửa lần nữa"), "the article");
  // Pages that do not show the edited post are back too, and the date widget's index.
  await until(() => site.exists("/2019/11/05/le-hoi-hoa-ban/") && site.exists("/archive/days.json"), "the rest of the site");
});
