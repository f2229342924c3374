/** The files every site has: a 404 page in the site's language, robots.txt, a web app manifest, the icon every page links. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
beforeAll(async () => {
  site = createSite({ "posts/a.md": postFile({ title: "Tin một", date: "2020-01-01", category: "Thời sự" }) });
  await site.build(
    { locale: "vi", site: { title: "Báo Sơn La", url: "https://tin.example/" }, manifest: { themeColor: "#8b1a1a" } },
    { pathPrefix: "/tin/" },
  );
});
afterAll(() => site.remove());

test("/404.html is in the site's language, with the search box and the date widget, every link carrying the path prefix", () => {
  const page = site.page("/404.html");
  expect(page.querySelector("h1")?.text).toBe("Không tìm thấy trang");
  expect(page.querySelector("title")?.text).toBe("Không tìm thấy trang – Báo Sơn La");
  expect(page.querySelector("form[role=search], .search-box form, form[action$='/search/']")?.getAttribute("action")).toBe("/tin/search/");
  expect(page.querySelector("form[data-newsroom-date-search]")).not.toBeNull();
  const links = page.querySelectorAll("a[href], link[href], script[src]").map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? "");
  expect(links.filter((url) => url.startsWith("/") && !url.startsWith("/tin/"))).toEqual([]);
});

test("robots.txt allows everything and names the sitemap", () => {
  expect(site.readOutput("robots.txt")).toBe("User-agent: *\nAllow: /\nSitemap: https://tin.example/tin/sitemap.xml\n");
});

test("the web app manifest is linked from every page, scoped to the path prefix, with an icon that exists", () => {
  const manifest = JSON.parse(site.readOutput("manifest.webmanifest")) as Record<string, unknown> & { icons: { src: string }[] };
  expect(manifest).toMatchObject({
    name: "Báo Sơn La",
    short_name: "Báo Sơn La",
    lang: "vi",
    start_url: "/tin/",
    scope: "/tin/",
    display: "standalone",
    theme_color: "#8b1a1a",
  });
  expect(manifest.icons[0]!.src).toBe("/tin/assets/newsroom/icon.svg");
  expect(site.readOutput("assets/newsroom/icon.svg")).toContain(">BS</text>");
  for (const url of ["/", "/2020/01/01/tin-mot/", "/404.html"]) {
    expect(site.page(url).querySelector('link[rel="manifest"]')?.getAttribute("href"), url).toBe("/tin/manifest.webmanifest");
  }
});

// #21 item 10: every page asked for /favicon.ico (404); it now names the site's icon.
test("every page links the site's icon (the manifest's) as its favicon, under the path prefix, to a file that exists", () => {
  for (const url of ["/", "/2020/01/01/tin-mot/", "/2020/", "/archive/", "/search/", "/404.html"]) {
    const icons = site.page(url).querySelectorAll('link[rel="icon"]');
    expect(
      icons.map((icon) => [icon.getAttribute("href"), icon.getAttribute("type"), icon.getAttribute("sizes")]),
      url,
    ).toEqual([["/tin/assets/newsroom/icon.svg", "image/svg+xml", "any"]]);
  }
});

test("a site's own icons are its favicons; without the manifest, no icon is linked", async () => {
  const own = createSite({
    "posts/a.md": postFile({ title: "Tin một", date: "2020-01-01" }),
    "images/icon-192.png": "png",
    "images/icon.svg": "<svg/>",
  });
  try {
    const icons = [
      { src: "/images/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/images/icon-192.png", sizes: "192x192", type: "image/png" },
    ];
    await own.build({ manifest: { icons } });
    const links = own.page("/").querySelectorAll('link[rel="icon"]');
    expect(links.map((l) => [l.getAttribute("href"), l.getAttribute("type"), l.getAttribute("sizes")])).toEqual(
      icons.map((i) => [i.src, i.type, i.sizes]),
    );
    await own.build({ manifest: { enabled: false } });
    expect(own.page("/").querySelectorAll('link[rel="icon"]')).toHaveLength(0);
  } finally {
    own.remove();
  }
});
