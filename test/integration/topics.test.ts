/** Section (chuyên mục) and tag pages: URLs, menus in declared order, pagination, links, feeds, errors. */
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { PostsError } from "../../src/kernel/errors.ts";
import { createSite, type FixtureSite, postFile, postsErrorOf } from "../helpers/site.ts";

let site: FixtureSite;
const categories = [
  "Thời sự",
  { name: "Xây dựng Đảng", label: "Xây dựng Đảng" },
  { name: "Kinh tế", label: "Kinh tế – Tài chính", slug: "kinh-te-tai-chinh" },
];

beforeAll(async () => {
  const posts: Record<string, string> = {};
  // Five economy posts (pages of 2), two news, one party-building; tags spelled two ways.
  for (let i = 1; i <= 5; i++) {
    posts[`posts/kt-${i}.md`] = postFile({
      title: `Kinh tế số ${i}`,
      date: `2020-01-0${i}`,
      category: "Kinh tế",
      tags: i % 2 ? ["Sông Mã", "nông nghiệp"] : ["sông mã"],
    });
  }
  posts["posts/ts-1.md"] = postFile({ title: "Thời sự một", date: "2020-02-01", category: "Thời sự" });
  posts["posts/ts-2.md"] = postFile({ title: "Thời sự hai", date: "2020-02-02", category: "Thời sự", tags: ["Mộc Châu"] });
  posts["posts/xd-1.md"] = postFile({ title: "Đảng bộ xã", date: "2020-03-01", category: "Xây dựng Đảng" });
  posts["posts/none.md"] = postFile({ title: "Không chuyên mục", date: "2020-03-02" });
  site = createSite(posts);
  await site.build({
    locale: "vi",
    timeZone: "Asia/Ho_Chi_Minh",
    pageSize: 2,
    site: { url: "https://tin.example/" },
    sections: { categories },
  });
});
afterAll(() => site.remove());

test("every section with posts gets a page at /chuyen-muc/{slug}/ (a declared slug wins), and an index", () => {
  expect(site.exists("/chuyen-muc/thoi-su/")).toBe(true);
  expect(site.exists("/chuyen-muc/xay-dung-dang/")).toBe(true);
  expect(site.exists("/chuyen-muc/kinh-te-tai-chinh/")).toBe(true);
  expect(site.exists("/chuyen-muc/kinh-te/")).toBe(false);
  const index = site.page("/chuyen-muc/");
  expect(index.querySelectorAll(".topic-list a").map((a) => [a.text, a.getAttribute("href")])).toEqual([
    ["Thời sự", "/chuyen-muc/thoi-su/"],
    ["Xây dựng Đảng", "/chuyen-muc/xay-dung-dang/"],
    ["Kinh tế – Tài chính", "/chuyen-muc/kinh-te-tai-chinh/"],
  ]);
});

test("the header's section menu follows the declared order on every page", () => {
  for (const url of ["/", "/2020/02/01/thoi-su-mot/", "/tag/", "/chuyen-muc/thoi-su/"]) {
    expect(
      site
        .page(url)
        .querySelectorAll(".section-menu a")
        .map((a) => a.text),
      url,
    ).toEqual(["Thời sự", "Xây dựng Đảng", "Kinh tế – Tài chính"]);
  }
  expect(site.page("/chuyen-muc/thoi-su/").querySelector('.section-menu a[aria-current="page"]')?.text).toBe("Thời sự");
});

test("a section is paginated from its oldest posts, linked with rel prev/next; totals on the first page only", () => {
  // Five posts by two (#23): page 2 holds the two oldest, the first page the newest and the chunk after page 2.
  const first = site.page("/chuyen-muc/kinh-te-tai-chinh/");
  expect(first.querySelector("h1")?.text).toBe("Kinh tế – Tài chính");
  expect(first.querySelectorAll(".post-card-title a").map((a) => a.text)).toEqual(["Kinh tế số 5", "Kinh tế số 4", "Kinh tế số 3"]);
  expect(first.querySelector('link[rel="next"]')?.getAttribute("href")).toBe("/chuyen-muc/kinh-te-tai-chinh/page/2/");
  expect(first.querySelector(".archive-count")?.text).toBe("5 bài viết");
  expect(first.querySelector(".pagination-current")?.text).toBe("Trang 1 / 2");
  const second = site.page("/chuyen-muc/kinh-te-tai-chinh/page/2/");
  expect(second.querySelectorAll(".post-card-title a").map((a) => a.text)).toEqual(["Kinh tế số 2", "Kinh tế số 1"]);
  expect(second.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe("/chuyen-muc/kinh-te-tai-chinh/");
  expect(second.querySelector('a[rel="next"]')).toBeNull();
  expect(second.querySelector(".archive-count")).toBeNull();
  expect(second.querySelector(".pagination-current")?.text).toBe("Trang 2");
  expect(second.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
    "https://tin.example/chuyen-muc/kinh-te-tai-chinh/page/2/",
  );
  // The chunk the first page shows, on its own page for links made when there were fewer posts: canonical to the first page.
  const third = site.page("/chuyen-muc/kinh-te-tai-chinh/page/3/");
  expect(third.querySelectorAll(".post-card-title a").map((a) => a.text)).toEqual(["Kinh tế số 4", "Kinh tế số 3"]);
  expect(third.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://tin.example/chuyen-muc/kinh-te-tai-chinh/");
  expect(site.exists("/chuyen-muc/kinh-te-tai-chinh/page/4/")).toBe(false);
});

test("tags: one page per tag slug (two spellings are one tag), slugged like articles, with an index", () => {
  const tag = site.page("/tag/song-ma/");
  expect(tag.querySelectorAll(".post-card-title a")).toHaveLength(3); // five posts, two a page: the newest and a chunk of two
  expect(site.exists("/tag/song-ma/page/3/")).toBe(true);
  expect(site.exists("/tag/moc-chau/")).toBe(true);
  expect(
    site
      .page("/tag/")
      .querySelectorAll(".topic-list a")
      .map((a) => a.getAttribute("href")),
  ).toEqual(["/tag/moc-chau/", "/tag/nong-nghiep/", "/tag/song-ma/"]);
});

test("articles link their section and tags; the search page's category filter follows the sections", () => {
  const article = site.page("/2020/01/01/kinh-te-so-1/");
  expect(article.querySelector(".article-category a")?.getAttribute("href")).toBe("/chuyen-muc/kinh-te-tai-chinh/");
  expect(article.querySelectorAll(".article-tags a").map((a) => a.getAttribute("href"))).toEqual(["/tag/song-ma/", "/tag/nong-nghiep/"]);
  expect(site.page("/2020/03/02/khong-chuyen-muc/").querySelector(".article-category")).toBeNull();
  const options = site
    .page("/search/")
    .querySelectorAll('select[name="category"] option')
    .map((o) => o.getAttribute("value"));
  expect(options).toEqual(["", "Thời sự", "Xây dựng Đảng", "Kinh tế"]);
});

test("each section has its own Atom and JSON feed, and section and tag pages are in the sitemap", () => {
  const atom = site.readOutput("chuyen-muc/thoi-su/feed.xml");
  expect(atom).toContain("<title>Newsroom – Thời sự</title>");
  expect([...atom.matchAll(/<entry>/g)]).toHaveLength(2);
  expect(atom).toContain('<link href="https://tin.example/chuyen-muc/thoi-su/feed.xml" rel="self"/>');
  const json = JSON.parse(site.readOutput("chuyen-muc/kinh-te-tai-chinh/feed.json")) as { items: unknown[]; home_page_url: string };
  expect(json.items).toHaveLength(5);
  expect(json.home_page_url).toBe("https://tin.example/chuyen-muc/kinh-te-tai-chinh/");
  expect(site.page("/chuyen-muc/thoi-su/").querySelector('link[type="application/atom+xml"][href$="thoi-su/feed.xml"]')).not.toBeNull();
  const sitemap = site.readOutput("sitemap.xml");
  for (const url of ["/chuyen-muc/", "/chuyen-muc/thoi-su/", "/tag/", "/tag/song-ma/"])
    expect(sitemap).toContain(`<loc>https://tin.example${url}</loc>`);
  expect(sitemap).not.toContain("/tag/song-ma/page/2/");
});

test("with declared sections, a post whose category is not one of them fails the build by name, with the nearest", async () => {
  const typo = createSite({
    "posts/a.md": postFile({ title: "Đúng", date: "2020-01-01", category: "Thời sự" }),
    "posts/b.md": postFile({ title: "Sai", date: "2020-01-02", category: "Thoi su" }),
    "posts/c.md": postFile({ title: "Lạ", date: "2020-01-03", category: "Thể thao" }),
  });
  try {
    const current = await postsErrorOf(typo.build({ sections: { categories } }));
    expect(current).toBeInstanceOf(PostsError);
    const byFile = Object.fromEntries((current as PostsError).problems.map((p) => [path.basename(p.file), p]));
    expect(Object.keys(byFile).toSorted()).toEqual(["b.md", "c.md"]);
    expect(byFile["b.md"]).toMatchObject({ field: "category", found: '"Thoi su"' });
    expect(byFile["b.md"]!.expected).toContain('did you mean "Thời sự"?');
    expect(byFile["c.md"]!.expected).toContain('"Thời sự", "Xây dựng Đảng", "Kinh tế"');
  } finally {
    typo.remove();
  }
});

test("without declared sections any category works, listed by name; pages can be turned off", async () => {
  const free = createSite({
    "posts/a.md": postFile({ title: "Một", date: "2020-01-01", category: "Văn hóa", tags: ["lễ hội"] }),
    "posts/b.md": postFile({ title: "Hai", date: "2020-01-02", category: "An ninh" }),
  });
  try {
    await free.build({ locale: "vi" });
    expect(
      free
        .page("/")
        .querySelectorAll(".section-menu a")
        .map((a) => a.text),
    ).toEqual(["An ninh", "Văn hóa"]);
    (await import("node:fs")).rmSync(free.out, { recursive: true, force: true });
    await free.build({ locale: "vi", sections: { enabled: false }, tags: { enabled: false } });
    expect(free.outputFiles().filter((f) => f.startsWith("chuyen-muc/") || f.startsWith("tag/"))).toEqual([]);
    expect(free.page("/2020/01/01/mot/").querySelector(".article-category a")).toBeNull();
    expect(free.page("/2020/01/01/mot/").querySelector(".article-tags li")?.text).toBe("lễ hội");
  } finally {
    free.remove();
  }
});
