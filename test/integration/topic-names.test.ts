/**
 * #21 item 3: a section or tag spelled two ways goes by one name everywhere (most used spelling,
 * ties to the oldest post's), and the search page's filter finds all of its posts.
 * #21 item 4: categories and tags without a letter or digit are refused with the other bad posts.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadPagefind, type PagefindApi, searchAll } from "../helpers/pagefind.ts";
import { createSite, type FixtureSite, postFile, postsErrorOf } from "../helpers/site.ts";

let site: FixtureSite;
let pagefind: PagefindApi;

beforeAll(async () => {
  site = createSite({
    // "Thời sự" twice (the older posts), "thời sự" once (the newest): the section is "Thời sự".
    "posts/a.md": postFile({ title: "Tin một", date: "2020-01-01", category: "Thời sự", tags: ["Sông Mã"] }),
    "posts/b.md": postFile({ title: "Tin hai", date: "2020-01-02", category: "Thời sự", tags: ["sông mã"] }),
    "posts/c.md": postFile({ title: "Tin ba", date: "2020-01-03", category: "thời sự", tags: ["SÔNG MÃ", "sông mã"] }),
    // One post each: the tie goes to the oldest post's spelling ("Kinh Tế").
    "posts/d.md": postFile({ title: "Tin bốn", date: "2020-01-04", category: "Kinh Tế" }),
    "posts/e.md": postFile({ title: "Tin năm", date: "2020-01-05", category: "kinh tế" }),
  });
  await site.build({ locale: "vi", site: { url: "https://tin.example/" } });
  pagefind = await loadPagefind(site.out);
});
afterAll(() => site.remove());

test("a section spelled two ways is named by its most used spelling, not by its newest post", () => {
  expect(site.page("/chuyen-muc/thoi-su/").querySelector("h1")?.text).toBe("Thời sự");
  expect(site.page("/chuyen-muc/kinh-te/").querySelector("h1")?.text).toBe("Kinh Tế");
  expect(
    site
      .page("/chuyen-muc/")
      .querySelectorAll(".topic-list a")
      .map((a) => a.text.trim()),
  ).toEqual(["Kinh Tế", "Thời sự"]);
});

test("every post of the section and tag shows that name, with one link per tag", () => {
  const newest = site.page("/2020/01/03/tin-ba/");
  expect(newest.querySelector(".article-category a")?.text).toBe("Thời sự");
  expect(newest.querySelectorAll(".article-tags a").map((a) => [a.text.trim(), a.getAttribute("href")])).toEqual([
    ["sông mã", "/tag/song-ma/"],
  ]);
  expect(site.page("/2020/01/05/tin-nam/").querySelector(".article-category a")?.text).toBe("Kinh Tế");
  expect(site.page("/tag/song-ma/").querySelector("h1")?.text).toMatch(/: sông mã$/);
  const feed = site.readOutput("feed.xml");
  expect(feed).not.toContain('term="thời sự"');
  expect(feed).not.toContain('term="SÔNG MÃ"');
});

test("the search page's category filter lists the section once and finds all of its posts", async () => {
  const options = site
    .page("/search/")
    .querySelectorAll('select[name="category"] option')
    .map((o) => [o.getAttribute("value"), o.text.trim()]);
  expect(options).toEqual([
    ["", expect.any(String)],
    ["Kinh Tế", "Kinh Tế (2)"],
    ["Thời sự", "Thời sự (3)"],
  ]);
  const found = async (filters: Record<string, string>) => (await searchAll(pagefind, null, { filters })).map((r) => r.url).sort();
  expect(await found({ category: "Thời sự" })).toEqual(["/2020/01/01/tin-mot/", "/2020/01/02/tin-hai/", "/2020/01/03/tin-ba/"]);
  expect(await found({ category: "Kinh Tế" })).toEqual(["/2020/01/04/tin-bon/", "/2020/01/05/tin-nam/"]);
  expect(await found({ tag: "sông mã" })).toEqual(["/2020/01/01/tin-mot/", "/2020/01/02/tin-hai/", "/2020/01/03/tin-ba/"]);
  const filters = await pagefind.filters();
  expect(filters.category).toEqual({ "Kinh Tế": 2, "Thời sự": 3 });
  expect(filters.tag).toEqual({ "sông mã": 3 });
});

test("tags and categories made only of emoji or punctuation are refused with every other bad post; a declared section with a slug may be named so", async () => {
  const bad = createSite({
    "posts/good.md": postFile({ title: "Tốt", date: "2020-01-01", tags: ["🔥 2020"] }),
    "posts/fire.md": postFile('title: Cháy\ndate: 2020-01-02\ntags: ["🔥", nóng, "!!!"]'),
    "posts/one-tag.md": postFile('title: Một thẻ\ndate: 2020-01-02\ntags: "???"'),
    "posts/section.md": postFile('title: Chuyên mục\ndate: 2020-01-03\ncategory: "🔥"'),
    "posts/date.md": postFile({ title: "Ngày hỏng", date: "2020-13-01" }),
  });
  try {
    const error = await postsErrorOf(bad.build({ site: { url: "https://tin.example/" } }));
    const problems = error.problems.map((p) => [path.basename(p.file), p.field, p.found]);
    expect(problems.toSorted()).toEqual([
      ["date.md", "date", '"2020-13-01"'],
      ["fire.md", "tags", '"🔥" (item 1), "!!!" (item 3)'],
      ["one-tag.md", "tags", '"???"'],
      ["section.md", "category", '"🔥"'],
    ]);
    const section = error.problems.find((p) => p.field === "category")!;
    expect(section.expected).toMatch(
      /^a category with letters or digits to make its URL from .*declared with a slug in option sections\.categories/,
    );
    expect(error.problems.find((p) => p.file.endsWith("fire.md"))!.expected).toMatch(
      /^tags with letters or digits to make their URLs from/,
    );
    expect(error.message).toContain("posts/fire.md: tags: expected tags with letters or digits");
    // Declared with a slug, such a section is fine.
    for (const name of ["fire.md", "one-tag.md", "date.md"]) rmSync(path.join(bad.dir, "posts", name));
    await bad.build({ site: { url: "https://tin.example/" }, sections: { categories: [{ name: "🔥", slug: "tin-nong" }] } });
    expect(bad.page("/2020/01/03/chuyen-muc/").querySelector(".article-category a")?.getAttribute("href")).toBe("/chuyen-muc/tin-nong/");
    expect(bad.page("/chuyen-muc/tin-nong/").querySelector("h1")?.text).toBe("🔥");
  } finally {
    bad.remove();
  }
});
