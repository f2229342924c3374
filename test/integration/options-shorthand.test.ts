/**
 * #22 item 2: no option silently ignored. Each optional feature written as `false` is off in
 * everything the build writes (no page, no file, no link, no script), written as `true` is on with
 * its defaults; `offline: false` also takes back the worker an earlier build installed; a group
 * that is not a feature given as text stops the build by name.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSite, errorMessages, type FixtureSite, postFile, withDecap } from "../helpers/site.ts";

const POSTS = async () => ({
  "images/lead.jpg": await sharp({ create: { width: 800, height: 500, channels: 3, background: "#2a7850" } })
    .jpeg()
    .toBuffer(),
  "posts/a.md": postFile(
    { title: "Đảng bộ Sông Mã", date: "2019-10-18", category: "Thời sự", tags: ["Sông Mã", "nông nghiệp"], image: "/images/lead.jpg" },
    "Đảng bộ thị trấn Sông Mã chú trọng xây dựng Đảng.",
  ),
  "posts/b.md": postFile({ title: "Mùa lúa mới", date: "2019-10-19", category: "Thời sự", tags: ["Sông Mã"] }, "Lúa chín vàng."),
});
const ARTICLE = "/2019/10/18/dang-bo-song-ma/";
/** The optional features that are on when absent (the editor is off: it needs Decap installed). */
const FEATURES = ["search", "offline", "tags", "sections", "feeds", "manifest", "related", "frontPage", "images"] as const;
const every = (value: boolean) => Object.fromEntries(FEATURES.map((name) => [name, value])) as Record<(typeof FEATURES)[number], boolean>;
const site = { url: "https://tin.example/" };

/** Every page of a build, parsed. */
function pages(fixture: FixtureSite) {
  return fixture
    .outputFiles()
    .filter((file) => file.endsWith(".html"))
    .map((file) => ({ file, html: fixture.page(`/${file.replace(/index\.html$/, "")}`) }));
}

describe("#22: every optional feature written as false", () => {
  let off: FixtureSite;
  beforeAll(async () => {
    off = createSite(await POSTS());
    await off.build({ locale: "vi", site, ...every(false), cms: false });
  });
  afterAll(() => off?.remove());

  test("offline: false — no service worker, no Workbox, no offline page, and no page registers a worker", () => {
    expect(off.exists("/offline/")).toBe(false);
    expect(off.outputFiles().filter((f) => f.includes("workbox"))).toEqual([]);
    for (const { file, html } of pages(off)) {
      expect(html.querySelector('script[src$="offline.js"]'), file).toBeNull();
      expect(html.toString(), file).not.toMatch(/serviceWorker|sw\.js/);
    }
  });

  test("offline: false — /sw.js is the worker that removes an earlier build's: it caches nothing and unregisters itself", () => {
    const worker = off.readOutput("sw.js");
    expect(worker).toMatch(/self\.registration\.unregister\(\)/);
    expect(worker).toMatch(/caches\.delete/);
    expect(worker).not.toMatch(/importScripts|workbox\.|addEventListener\("fetch"/);
  });

  test("search: false — no index, no search page, no search box", () => {
    expect(off.outputFiles().filter((f) => f.startsWith("pagefind/") || f.startsWith("search/"))).toEqual([]);
    for (const { file, html } of pages(off)) {
      expect(html.querySelector('form[role="search"]'), file).toBeNull();
      expect(html.querySelector('a[href="/search/"]'), file).toBeNull();
    }
  });

  test("search: false, offline: false, cms: false — none of their files: no search or offline script, no worker's code, nothing of the editor", () => {
    const files = off.outputFiles();
    expect(files.filter((f) => /(?:^|\/)(?:search|search-parts|date-range|highlight|offline)\.js$/.test(f))).toEqual([]);
    expect(files.filter((f) => /service-worker|workbox/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith("admin/") || /decap|cms/.test(f))).toEqual([]);
    // The date widget (archives are not optional) keeps its scripts.
    expect(files).toEqual(expect.arrayContaining(["assets/newsroom/date-search.js", "assets/newsroom/nearest-day.js"]));
  });

  test("tags: false — no tag pages, no tag index, an article's tags without links", () => {
    expect(off.outputFiles().filter((f) => f.startsWith("tag/"))).toEqual([]);
    const tags = off.page(ARTICLE).querySelectorAll(".article-tags li");
    expect(tags.map((li) => li.text)).toEqual(["Sông Mã", "nông nghiệp"]);
    for (const { file, html } of pages(off)) expect(html.querySelector('a[href^="/tag/"]'), file).toBeNull();
  });

  test("sections: false — no section pages, no section menu, categories without links", () => {
    expect(off.outputFiles().filter((f) => f.startsWith("chuyen-muc/"))).toEqual([]);
    expect(off.page(ARTICLE).querySelector(".article-category")?.text).toBe("Thời sự");
    for (const { file, html } of pages(off)) {
      expect(html.querySelector(".section-menu"), file).toBeNull();
      expect(html.querySelector('a[href^="/chuyen-muc/"]'), file).toBeNull();
    }
  });

  test("feeds: false — no feeds and no sitemap, even with site.url, and no feed links", () => {
    for (const file of ["feed.xml", "feed.json", "sitemap.xml"]) expect(off.exists(`/${file}`), file).toBe(false);
    expect(off.page("/").querySelector('link[rel="alternate"]')).toBeNull();
  });

  test("manifest: false — no manifest and no link to it", () => {
    expect(off.exists("/manifest.webmanifest")).toBe(false);
    expect(off.page("/").querySelector('link[rel="manifest"]')).toBeNull();
  });

  test("related: false — no related list and no same-section list under an article", () => {
    expect(off.page(ARTICLE).querySelector(".related")).toBeNull();
  });

  test("frontPage: false — the home page is the list alone: no lead story, no section blocks", () => {
    const home = off.page("/");
    expect(home.querySelector(".lead-story")).toBeNull();
    expect(home.querySelector(".section-blocks")).toBeNull();
  });

  test("images: false — the photo is served as written, no renditions", () => {
    expect(off.page(ARTICLE).querySelector(".article-figure img")?.getAttribute("src")).toBe("/images/lead.jpg");
    expect(off.page(ARTICLE).querySelector("picture")).toBeNull();
    expect(off.outputFiles().filter((f) => f.startsWith("img/"))).toEqual([]);
  });
});

describe("#22: every optional feature written as true", () => {
  let on: FixtureSite;
  beforeAll(async () => {
    on = withDecap(createSite(await POSTS()));
    await on.build({ locale: "vi", site, ...every(true), cms: true });
  });
  afterAll(() => on?.remove());

  test("cms: true — the editor at /admin/ with its settings", () => {
    expect(on.page("/admin/").querySelector("title")?.text).toMatch(/Báo|Newsroom/);
    expect(on.readOutput("admin/config.yml")).toMatch(/backend:\s+name: git-gateway/);
  });

  test("search, offline, tags, sections, feeds, manifest, related, front page and photos: on, with their defaults", () => {
    expect(on.exists("/pagefind/pagefind.js")).toBe(true);
    expect(on.page("/search/").querySelector("form.search-form")).not.toBeNull();
    expect(on.readOutput("sw.js")).toMatch(/importScripts/);
    expect(on.exists("/offline/")).toBe(true);
    expect(on.exists("/tag/song-ma/")).toBe(true);
    expect(on.exists("/chuyen-muc/thoi-su/")).toBe(true);
    expect(on.exists("/feed.xml")).toBe(true);
    expect(on.exists("/manifest.webmanifest")).toBe(true);
    expect(on.page(ARTICLE).querySelector(".related")).not.toBeNull();
    expect(on.page("/").querySelector(".lead-story")).not.toBeNull();
    expect(on.page(ARTICLE).querySelector(".article-figure picture")).not.toBeNull();
  });

  test("search and offline: on, with their browser scripts", () => {
    for (const script of ["search", "search-parts", "date-range", "highlight", "offline"])
      expect(on.exists(`/assets/newsroom/${script}.js`), script).toBe(true);
  });
});

test("#22: offline: { enabled: false, unregister: false } leaves /sw.js to the site (a worker of its own goes there)", async () => {
  const own = createSite(await POSTS());
  try {
    await own.build({ search: false, offline: { enabled: false, unregister: false } });
    expect(own.exists("/sw.js")).toBe(false);
    expect(own.page("/").querySelector('script[src$="offline.js"]')).toBeNull();
  } finally {
    own.remove();
  }
});

test('#22: site: "Báo Sơn La" stops the build by name when the plugin is added', async () => {
  const named = createSite(await POSTS());
  try {
    const failure = await named.build({ site: "Báo Sơn La" as never }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(errorMessages(failure)).toContain(
      'eleventy-plugin-newsroom: invalid plugin options:\n  - site: expected the site\'s settings, an object such as { title: "Báo Sơn La", url: "https://baosonla.example.vn/" }, found "Báo Sơn La"',
    );
    expect(named.exists("/")).toBe(false);
  } finally {
    named.remove();
  }
});
