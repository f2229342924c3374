/**
 * #21 items 8 and 10, through a whole build: posts in the forms authors write them — JSON front
 * matter, a photo whose file name holds "#", an empty body — in a site whose posts folder is the
 * project itself (`postsDir: "."`), beside node_modules, .git and the output folder.
 */
import sharp from "sharp";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
beforeAll(async () => {
  site = createSite({
    "bai-json.md":
      '---json\n{\n  "title": "Tin viết bằng JSON",\n  "date": "2020-01-02 07:30",\n  "tags": ["Sông Mã"]\n}\n---\n\nThân bài.\n',
    "bai-anh.md": postFile({ title: "Tin có ảnh", date: "2020-01-03", image: "/images/song-ma%231.jpg", image_alt: "Ảnh" }, "Có ảnh."),
    "tin-trong.md": postFile({ title: "Tin chưa có nội dung", date: "2020-01-04" }, ""),
    "images/song-ma#1.jpg": await sharp({ create: { width: 600, height: 400, channels: 3, background: "#2a6" } })
      .jpeg()
      .toBuffer(),
    // None of these is a post: a package's read-me, git's and the cache's files, an editor's hidden copy.
    "node_modules/some-package/README.md": "# some-package\n\nNo front matter here.\n",
    ".git/description.md": "Unnamed repository\n",
    ".cache/notes.md": "notes\n",
    ".bai-anh.md.swp.md": "half a post\n",
  });
  await site.build({ locale: "vi", postsDir: "." });
  // The output folder now holds files; a second build must not read them either.
  site.write({ "_site/stray.md": "not a post\n" });
  await site.build({ locale: "vi", postsDir: "." });
});
afterAll(() => site.remove());

test("postsDir: '.' reads the project's posts and leaves out node_modules, dot folders and files, and the output folder", () => {
  const articles = site.outputFiles().filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f));
  expect(articles).toEqual([
    "2020/01/02/tin-viet-bang-json/index.html",
    "2020/01/03/tin-co-anh/index.html",
    "2020/01/04/tin-chua-co-noi-dung/index.html",
  ]);
});

test("a post with JSON front matter is published like any other", () => {
  const page = site.page("/2020/01/02/tin-viet-bang-json/");
  expect(page.querySelector("h1")?.text).toBe("Tin viết bằng JSON");
  expect(page.querySelector("time.article-date")?.getAttribute("datetime")).toBe("2020-01-02T07:30:00Z");
  expect(page.querySelectorAll(".article-tags li").map((li) => li.text)).toEqual(["Sông Mã"]);
});

test("a photo whose file name holds '#', written as %23, is found and made responsive", () => {
  const picture = site.page("/2020/01/03/tin-co-anh/").querySelector(".article-figure picture");
  expect(picture).not.toBeNull();
  const img = picture!.querySelector("img")!;
  expect(img.getAttribute("width")).toBe("600");
  const src = img.getAttribute("src")!;
  expect(site.exists(src)).toBe(true);
});

test("an empty post shows no reading time; a post with words does", () => {
  expect(site.page("/2020/01/04/tin-chua-co-noi-dung/").querySelector(".article-reading-time")).toBeNull();
  expect(site.page("/2020/01/04/tin-chua-co-noi-dung/").querySelector(".article-meta")?.text).not.toContain("·");
  expect(site.page("/2020/01/03/tin-co-anh/").querySelector(".article-reading-time")?.text).toBe("1 phút đọc");
});
