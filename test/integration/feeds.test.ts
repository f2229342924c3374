import { afterAll, beforeAll, expect, test } from "vitest";
import { parse } from "node-html-parser";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
const options = {
  locale: "vi",
  timeZone: "Asia/Ho_Chi_Minh",
  site: { title: "Báo <Sơn La> & Tin", url: "https://tin.example/" },
  feeds: { limit: 2 },
};

beforeAll(async () => {
  site = createSite({
    "posts/a.md": postFile({ title: "Tin cũ", date: "2019-10-17" }, "Tin [cũ](/2019/) có ![ảnh](/images/a.svg)."),
    "posts/b.md": postFile(
      `title: '<script>alert(1)</script> & "Đảng bộ"'\ndate: 2019-10-18 08:00\nupdated: 2019-10-20 09:00\nauthor: Lò Văn <Hùng>\ncategory: Xây dựng Đảng\ntags: [Sông Mã, "a&b"]`,
      "Đảng bộ thị trấn [Sông Mã](/2019/10/18/).",
    ),
    "posts/c.md": postFile({ title: "Tin mới", date: "2019-10-19" }, "Mới."),
    "posts/draft.md": postFile({ title: "Nháp", date: "2019-10-21", draft: true }),
    "images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 4 3'/>", // a viewBox: no warning that pages cannot reserve its space
  });
  await site.build(options);
});
afterAll(() => site.remove());

const xml = (file: string) => parse(site.readOutput(file), { lowerCaseTagName: false });

test("the Atom feed lists the newest posts with absolute URLs, escaped text and dates from the posts", () => {
  const feed = xml("feed.xml");
  const entries = feed.querySelectorAll("entry");
  expect(entries.map((e) => e.querySelector("id")?.text)).toEqual([
    "https://tin.example/2019/10/19/tin-moi/",
    "https://tin.example/2019/10/18/script-alert-1-script-and-dang-bo/",
  ]);
  // The feed's updated time is the newest change among its posts (b's update), not the clock.
  expect(feed.querySelector("feed > updated")?.text).toBe("2019-10-20T02:00:00Z");
  const raw = site.readOutput("feed.xml");
  expect(raw).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Đảng bộ&quot;</title>");
  expect(raw).toContain("<name>Lò Văn &lt;Hùng&gt;</name>");
  expect(raw).toContain('<category term="a&amp;b"/>');
  expect(raw).toContain("<title>Báo &lt;Sơn La&gt; &amp; Tin</title>");
  expect(raw).not.toMatch(/<script>/);
  expect(raw).toContain("href=&quot;https://tin.example/2019/10/18/&quot;");
  expect(raw).not.toContain("Nháp");
});

test("the JSON feed is valid JSON Feed 1.1 with absolute content links", () => {
  const feed = JSON.parse(site.readOutput("feed.json"));
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(feed.title).toBe("Báo <Sơn La> & Tin");
  expect(feed.items.map((i: { title: string }) => i.title)).toEqual(["Tin mới", '<script>alert(1)</script> & "Đảng bộ"']);
  expect(feed.items[1]).toMatchObject({
    authors: [{ name: "Lò Văn <Hùng>" }],
    tags: ["Xây dựng Đảng", "Sông Mã", "a&b"],
    date_published: "2019-10-18T01:00:00Z",
    date_modified: "2019-10-20T02:00:00Z",
  });
  expect(feed.items[1].content_html).toContain('href="https://tin.example/2019/10/18/"');
});

test("the sitemap lists home, articles and archive pages, absolute, with lastmod for articles", () => {
  const locs = xml("sitemap.xml")
    .querySelectorAll("loc")
    .map((l) => l.text);
  expect(locs).toContain("https://tin.example/");
  expect(locs).toContain("https://tin.example/2019/10/17/tin-cu/");
  expect(locs).toContain("https://tin.example/2019/10/");
  expect(locs).toContain("https://tin.example/archive/");
  expect(locs.some((l) => l.includes("nhap"))).toBe(false);
  expect(site.readOutput("sitemap.xml")).toContain(
    "<loc>https://tin.example/2019/10/18/script-alert-1-script-and-dang-bo/</loc><lastmod>2019-10-20T02:00:00Z</lastmod>",
  );
});

test("pages link to the feeds", () => {
  const home = site.page("/");
  expect(home.querySelector('link[type="application/atom+xml"]')?.getAttribute("href")).toBe("/feed.xml");
  expect(home.querySelector('link[type="application/feed+json"]')?.getAttribute("href")).toBe("/feed.json");
});

test("without site.url there are no feeds, and a warning says why", async () => {
  const plain = createSite({ "posts/a.md": postFile({ title: "Tin", date: "2019-10-18" }) });
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (message: string) => warnings.push(message);
  try {
    await plain.build({ feeds: { enabled: true } }); // the default, said: fixtures without site.url get feeds off
    expect(plain.outputFiles().filter((f) => /feed|sitemap/.test(f))).toEqual([]);
    expect(warnings.join("\n")).toMatch(/feeds and sitemap need absolute URLs: set the "site.url" option/);
  } finally {
    console.warn = warn;
    plain.remove();
  }
});
