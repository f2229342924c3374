import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

const options = { locale: "vi", timeZone: "Asia/Ho_Chi_Minh", pageSize: 2, site: { title: "Báo & Tin", url: "https://tin.example/" } };

describe("article and home pages", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = createSite({
      "posts/seed.md": postFile(
        {
          title: "Chú trọng xây dựng Đảng bộ trong sạch, vững mạnh",
          date: "2019-10-18",
          author: "Lò Văn Hùng",
          category: "Xây dựng Đảng",
          tags: ["Sông Mã", "Đảng bộ"],
          image: "/images/a.svg",
          image_alt: "Thị trấn",
          caption: "Thị trấn Sông Mã ngày càng khang trang, sạch, đẹp.",
        },
        "Đoạn một.\n\nĐoạn hai với {{ title }} và {% raw %} giữ nguyên.",
      ),
      "posts/older.md": postFile({ title: "Tin cũ hơn", date: "2019-10-17 23:59" }),
      "posts/newer.md": postFile({ title: "Tin mới hơn", date: "2019-10-18T01:00:00+07:00" }),
      "posts/evil.md": postFile(
        `title: '<script>alert(1)</script> "Q" & <img src=x onerror=alert(2)>'\ndate: 2018-01-01\nsummary: '</script><b>bold</b>'\nauthor: '<i>A</i>'\ntags: ['<x>']`,
        "Body <script>alert(3)</script> [link](javascript:alert(4))",
      ),
      "posts/draft.md": postFile({ title: "Bản nháp", date: "2019-10-01", draft: true }),
      "posts/future.md": postFile({ title: "Tương lai", date: "2099-01-01" }),
      "images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 4 3'/>", // a viewBox: no warning that pages cannot reserve its space
    });
    await site.build(options);
  });
  afterAll(() => site.remove());

  test("the article lives at /yyyy/MM/dd/slug/ with the date line of the seed", () => {
    const page = site.page("/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/");
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("vi");
    expect(page.querySelectorAll("h1").map((h) => h.text)).toEqual(["Chú trọng xây dựng Đảng bộ trong sạch, vững mạnh"]);
    const time = page.querySelector("time.article-date");
    expect(time?.text).toBe("Ngày 18 tháng 10 năm 2019");
    expect(time?.getAttribute("datetime")).toBe("2019-10-18T00:00:00+07:00");
    expect(page.querySelector(".article-author")?.text).toContain("Lò Văn Hùng");
    expect(page.querySelector(".article-category")?.text).toBe("Xây dựng Đảng");
    expect(page.querySelectorAll(".article-tags li").map((li) => li.text)).toEqual(["Sông Mã", "Đảng bộ"]);
    expect(page.querySelector("figure img")?.getAttribute("alt")).toBe("Thị trấn");
    expect(page.querySelector("figcaption")?.text).toBe("Thị trấn Sông Mã ngày càng khang trang, sạch, đẹp.");
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
      "https://tin.example/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/",
    );
    expect(page.querySelector('meta[name="description"]')?.getAttribute("content")).toBe(
      "Đoạn một. Đoạn hai với {{ title }} và {% raw %} giữ nguyên.",
    );
    expect(page.querySelector("title")?.text).toBe("Chú trọng xây dựng Đảng bộ trong sạch, vững mạnh – Báo & Tin");
  });

  test("post bodies are markdown only: template syntax stays literal", () => {
    const body = site.page("/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/").querySelector(".article-body");
    expect(body?.querySelectorAll("p").map((p) => p.text)).toEqual(["Đoạn một.", "Đoạn hai với {{ title }} và {% raw %} giữ nguyên."]);
  });

  test("a post at 23:59 site time stays on its site day; one with an offset lands on its instant's site day", () => {
    expect(site.exists("/2019/10/17/tin-cu-hon/")).toBe(true);
    expect(site.exists("/2019/10/18/tin-moi-hon/")).toBe(true);
  });

  test("previous and next article links follow publication order", () => {
    const page = site.page("/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/");
    expect(page.querySelector(".article-nav-older")?.getAttribute("href")).toBe("/2019/10/17/tin-cu-hon/");
    expect(page.querySelector(".article-nav-newer")?.getAttribute("href")).toBe("/2019/10/18/tin-moi-hon/");
    const newest = site.page("/2019/10/18/tin-moi-hon/");
    expect(newest.querySelector(".article-nav-newer")).toBeNull();
  });

  test("titles, summaries, authors and tags are text, never markup; bodies cannot inject script", () => {
    const url = "/2018/01/01/script-alert-1-script-q-and-img-src-x-onerror-alert-2/";
    const html = site.readOutput(`${url.slice(1)}index.html`);
    expect(html).not.toMatch(/<script>alert|<img src=x|<b>bold|<i>A|<x>|href="javascript:/);
    const page = site.page(url);
    expect(page.querySelector("h1")?.text).toBe('<script>alert(1)</script> "Q" & <img src=x onerror=alert(2)>');
    expect(page.querySelector("title")?.text).toContain("<script>alert(1)</script>");
    expect(page.querySelector(".article-summary")?.text).toBe("</script><b>bold</b>");
    expect(page.querySelector(".article-body")?.text).toContain("<script>alert(3)</script>");
    const home = site.readOutput("page/2/index.html");
    expect(home).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(home).not.toContain("<script>alert");
    expect(page.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe(
      '<script>alert(1)</script> "Q" & <img src=x onerror=alert(2)>',
    );
    expect(page.querySelectorAll('meta[property="article:tag"]').map((m) => m.getAttribute("content"))).toEqual(["<x>"]);
    // JSON-LD: the whole script element holds one JSON value, the title intact inside it. Parsed
    // from the raw text, as a crawler reads it (guards the planted bug "JSON-LD entity-escaped":
    // a parser's decoded .text would hide `{&quot;…`).
    const jsonLd = page.querySelectorAll('script[type="application/ld+json"]');
    expect(jsonLd).toHaveLength(1);
    const raw = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(raw).not.toContain("&quot;");
    const data = JSON.parse(raw);
    expect(data).toMatchObject({
      "@type": "NewsArticle",
      headline: '<script>alert(1)</script> "Q" & <img src=x onerror=alert(2)>',
      author: { name: "<i>A</i>" },
    });
    expect(raw).not.toMatch(/<|>/);
  });

  test("articles carry Open Graph and NewsArticle data with absolute URLs", () => {
    const page = site.page("/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/");
    const og = (p: string) => page.querySelector(`meta[property="${p}"]`)?.getAttribute("content");
    expect(og("og:type")).toBe("article");
    expect(og("og:url")).toBe("https://tin.example/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/");
    expect(og("og:image")).toBe("https://tin.example/images/a.svg");
    expect(og("article:published_time")).toBe("2019-10-18T00:00:00+07:00");
    const data = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.text);
    expect(data).toMatchObject({
      headline: "Chú trọng xây dựng Đảng bộ trong sạch, vững mạnh",
      datePublished: "2019-10-18T00:00:00+07:00",
      url: "https://tin.example/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/",
      image: ["https://tin.example/images/a.svg"],
      articleSection: "Xây dựng Đảng",
      keywords: "Sông Mã, Đảng bộ",
      publisher: { name: "Báo & Tin" },
    });
  });

  test("drafts and future posts get no page in a production build", () => {
    const files = site.outputFiles();
    expect(files.some((f) => f.includes("ban-nhap") || f.includes("tuong-lai"))).toBe(false);
    expect(site.readOutput("index.html")).not.toContain("Bản nháp");
  });

  test("the home page lists the newest posts, paginated with rel prev/next", () => {
    const home = site.page("/");
    // The newest leads the front page; the list below goes on without it.
    expect(home.querySelector(".lead-title a")?.getAttribute("href")).toBe("/2019/10/18/tin-moi-hon/");
    expect(home.querySelectorAll(".post-card-title a").map((a) => a.getAttribute("href"))).toEqual([
      "/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/",
    ]);
    expect(home.querySelector('a[rel="next"]')?.getAttribute("href")).toBe("/page/2/");
    expect(home.querySelector('a[rel="prev"]')).toBeNull();
    const page2 = site.page("/page/2/");
    expect(page2.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe("/");
    expect(page2.querySelector('link[rel="prev"]')?.getAttribute("href")).toBe("/");
    expect(page2.querySelector('a[rel="next"]')).toBeNull();
    expect(page2.querySelectorAll(".post-card").length).toBe(2);
    expect(page2.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://tin.example/page/2/");
    // Numbered from the oldest (#23): 4 posts by 2 make two chunks, and the first page shows the newer one, whose own page
    // (there for links made when it was page 2 of 3) is canonical to the first page.
    const page3 = site.page("/page/3/");
    expect(page3.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://tin.example/");
    expect(page3.querySelectorAll(".post-card-title a").map((a) => a.getAttribute("href"))).toEqual([
      "/2019/10/18/tin-moi-hon/",
      "/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach-vung-manh/",
    ]);
    expect(site.exists("/page/4/")).toBe(false);
  });
});

describe("dev server", () => {
  test("drafts and future posts are shown when Eleventy serves", async () => {
    const site = createSite({
      "posts/draft.md": postFile({ title: "Bản nháp", date: "2019-10-01", draft: true }),
      "posts/future.md": postFile({ title: "Tương lai", date: "2099-01-01" }),
    });
    try {
      await site.build({ search: { enabled: false } }, { runMode: "serve" });
      expect(site.exists("/2019/10/01/ban-nhap/")).toBe(true);
      expect(site.exists("/2099/01/01/tuong-lai/")).toBe(true);
    } finally {
      site.remove();
    }
  });
});

describe("the site's own layouts", () => {
  test("a layout file in _includes replaces the plugin's default, and slot partials fill the default shell", async () => {
    const site = createSite({
      "posts/a.md": postFile({ title: "Tin A", date: "2020-05-05" }),
      "_includes/newsroom/article.njk":
        '---\nlayout: newsroom/base.njk\n---\n<p id="mine">{{ post.title }} · {{ post.date | shortDate }}</p>',
      "_includes/newsroom/footer.njk": '<footer id="my-footer">{{ newsroom.site.title }}</footer>',
    });
    try {
      await site.build({ locale: "vi", site: { title: "Site <X>" } });
      const page = site.page("/2020/05/05/tin-a/");
      expect(page.querySelector("#mine")?.text).toBe("Tin A · 05/05/2020");
      expect(page.querySelector("#my-footer")?.text).toBe("Site <X>");
      expect(page.querySelector(".site-header .site-title")?.text).toBe("Site <X>");
    } finally {
      site.remove();
    }
  });

  test("the layouts option points pages at any layout", async () => {
    const site = createSite({
      "posts/a.md": postFile({ title: "Tin A", date: "2020-05-05" }),
      "_includes/my-article.njk": "<main>{{ post.title }}|{{ post.url }}</main>",
    });
    try {
      await site.build({ layouts: { article: "my-article.njk" }, permalink: "/tin/{yyyy}/{slug}/" });
      expect(site.page("/tin/2020/tin-a/").querySelector("main")?.text).toBe("Tin A|/tin/2020/tin-a/");
    } finally {
      site.remove();
    }
  });
});
