/**
 * The web editor (option `cms`): /admin/config.yml made from the site's options (posts folder,
 * naming of new posts, sections in declared order, labels in the site's language, the time
 * zone), the admin page and Decap's files copied from the site's node_modules, and the admin
 * kept out of the sitemap, the search index and the service worker.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { afterAll, beforeAll, expect, test } from "vitest";
import { defaults, resolveOptions } from "../../src/options/index.ts";
import { PLUGIN_DIR } from "../../src/kernel/paths.ts";
import { serviceWorkerConfig } from "../../src/features/offline/service-worker.ts";
import { cmsFields, cmsPostPath } from "../../src/features/cms/cms.ts";
import { repoRoot } from "../helpers/cli.ts";
import { loadPagefind, searchAll } from "../helpers/pagefind.ts";
import { createSite, errorMessages, type FixtureSite, postFile, withDecap } from "../helpers/site.ts";

const SECTIONS = ["Thời sự", { name: "Xây dựng Đảng", label: "Xây dựng Đảng và chính quyền" }, "Kinh tế"];

interface DecapConfig {
  backend: { name: string; branch?: string };
  local_backend: unknown;
  locale: string;
  media_folder: string;
  public_folder: string;
  collections: {
    name: string;
    folder: string;
    path: string;
    extension: string;
    format: string;
    media_folder: string;
    public_folder: string;
    create: boolean;
    fields: { name: string; label: string; widget: string; hint?: string; options?: { label: string; value: string }[]; format?: string }[];
  }[];
}

let site: FixtureSite;
let config: DecapConfig;
beforeAll(async () => {
  site = withDecap(
    createSite({
      "posts/a.md": postFile({ title: "Khánh thành cầu treo bản Nà Hin", date: "2020-01-01", category: "Kinh tế" }),
      "images/uploads/.keep": "",
    }),
  );
  await site.build({
    locale: "vi",
    timeZone: "Asia/Ho_Chi_Minh",
    site: { title: "Báo Sơn La", url: "https://tin.example/" },
    sections: { categories: SECTIONS },
    offline: { precache: ["**/*.css", "**/*.js"] },
    cms: { enabled: true, previewStyles: ["/assets/site.css"] },
  });
  config = yaml.load(site.readOutput("admin/config.yml")) as DecapConfig;
}, 120_000);
afterAll(() => site?.remove());

test("config.yml: the posts collection in the posts folder, named like `newsroom new` names posts", () => {
  const [posts, ...others] = config.collections;
  expect(others).toEqual([]);
  expect(posts).toMatchObject({ name: "posts", path: "{{year}}/{{month}}/{{slug}}", extension: "md", format: "frontmatter", create: true });
  // Paths from the project root (where Eleventy and decap-server run): here the fixture's parent.
  expect(posts!.folder).toBe(`${path.basename(site.dir)}/posts`);
  expect(config.media_folder).toBe(`${path.basename(site.dir)}/images/uploads`);
  expect(config.public_folder).toBe("/images/uploads");
  // The collection's own media folder: without it, Decap puts uploads beside the post (its `path`).
  expect(posts).toMatchObject({ media_folder: `/${path.basename(site.dir)}/images/uploads`, public_folder: "/images/uploads" });
  expect(config).toMatchObject({ backend: { name: "git-gateway", branch: "main" }, local_backend: true, locale: "vi" });
});

test("config.yml: the fields, in order, labelled in Vietnamese; the category a select of the declared sections in menu order", () => {
  const fields = config.collections[0]!.fields;
  expect(fields.map((f) => f.name)).toEqual([
    "title",
    "date",
    "summary",
    "author",
    "category",
    "tags",
    "image",
    "image_alt",
    "caption",
    "featured",
    "draft",
    "body",
  ]);
  const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
  expect(byName.title).toMatchObject({ label: "Tiêu đề", widget: "string", required: true });
  // Newsroom's date widget (admin.js): the site's zone, whatever the browser's.
  expect(byName.date).toMatchObject({ label: "Ngày đăng", widget: "newsroom-datetime", format: "YYYY-MM-DD HH:mm", default: "{{now}}" });
  expect(byName.date!.hint).toContain("Asia/Ho_Chi_Minh");
  expect(byName.category).toMatchObject({ label: "Chuyên mục", widget: "select" });
  expect(byName.category!.options).toEqual([
    { label: "Thời sự", value: "Thời sự" },
    { label: "Xây dựng Đảng và chính quyền", value: "Xây dựng Đảng" },
    { label: "Kinh tế", value: "Kinh tế" },
  ]);
  expect(byName.tags).toMatchObject({ label: "Từ khóa", widget: "list" });
  expect(byName.image).toMatchObject({ label: "Ảnh", widget: "image" });
  expect(byName.draft).toMatchObject({ label: "Bản nháp", widget: "boolean", default: false });
  expect(byName.featured).toMatchObject({ label: "Tin nổi bật", widget: "boolean" });
  expect(byName.body).toMatchObject({ label: "Nội dung", widget: "markdown" });
});

test("the admin page loads Decap's script and ours from /admin/, nothing inline; ours registers the date widget and the preview in the site's stylesheets", () => {
  const page = site.page("/admin/");
  expect(page.querySelectorAll("script").map((s) => s.getAttribute("src"))).toEqual(["/admin/decap-cms.js", "/admin/admin.js"]);
  expect(page.querySelectorAll("script").every((s) => s.text.trim() === "")).toBe(true);
  expect(page.querySelector("meta[name=robots]")?.getAttribute("content")).toContain("noindex");
  expect(page.querySelector("body")?.getAttribute("data-pagefind-ignore")).toBe("all");
  expect(page.querySelector("title")?.text).toBe("Quản trị nội dung – Báo Sơn La");
  // admin.js, run against a stand-in of Decap's globals.
  const styles: string[] = [];
  const registered: string[] = [];
  const CMS = {
    registerPreviewStyle: (url: string) => styles.push(url),
    registerWidget: (name: string) => registered.push(`widget ${name}`),
    registerPreviewTemplate: (name: string) => registered.push(`preview ${name}`),
  };
  new Function("window", "self", site.readOutput("admin/admin.js"))({ CMS, h: () => null, createClass: (spec: object) => spec }, {});
  expect(styles).toEqual(["/assets/newsroom/newsroom.css", "/assets/newsroom/fonts.css", "/assets/site.css"]);
  expect(registered).toEqual(["widget newsroom-datetime", "preview posts"]);
  expect(site.readOutput("admin/admin.js")).toContain('"timeZone":"Asia/Ho_Chi_Minh"');
});

test("Decap's script and the chunks it loads come from the site's node_modules", () => {
  const dist = path.join(repoRoot, "node_modules", "decap-cms", "dist");
  expect(statSync(path.join(site.out, "admin", "decap-cms.js")).size).toBe(statSync(path.join(dist, "decap-cms.js")).size);
  const files = site.outputFiles().filter((f) => f.startsWith("admin/"));
  expect(files.filter((f) => /^admin\/\d+\.decap-cms\.js$/.test(f)).length).toBeGreaterThan(10);
  expect(files.some((f) => f.endsWith(".map"))).toBe(false);
});

test("the admin is in neither the sitemap, nor the search index, nor the service worker", async () => {
  expect(site.readOutput("sitemap.xml")).not.toContain("admin");
  const pagefind = await loadPagefind(site.out);
  const results = await searchAll(pagefind, "Quản trị");
  expect(results.map((r) => r.url)).toEqual([]);
  expect((await searchAll(pagefind, "cầu treo")).map((r) => r.url)).toEqual(["/2020/01/01/khanh-thanh-cau-treo-ban-na-hin/"]);
  const worker = site.readOutput("sw.js");
  // Even with "**/*.js" to precache, nothing of /admin/ is downloaded with the worker…
  expect(worker).toContain('"assets/newsroom/search.js"');
  expect(worker).not.toMatch(/"url":"admin\//);
  // …and its requests are left to the network.
  expect(worker).toContain('"bypass":["/admin/"]');
});

test("the service worker's first fetch listener keeps Workbox away from the editor's requests (under the path prefix)", () => {
  const config = serviceWorkerConfig({
    outputDir: "",
    options: defaults.offline,
    prefix: (url) => `/tin${url}`,
    search: undefined,
    warmPages: [],
    files: [],
    generated: [],
    bypass: ["/admin/"],
  });
  const template = readFileSync(path.join(PLUGIN_DIR, "features", "offline", "client", "service-worker.js"), "utf8");
  const code = template.replace("self.__NEWSROOM_OFFLINE__", () => JSON.stringify(config)).replace("self.__WB_MANIFEST", "[]");
  // Workbox: a stand-in that accepts any call.
  const anything: any = new Proxy(function () {}, {
    get: (_t, key) => (key === "then" ? undefined : anything),
    apply: () => anything,
    construct: () => anything,
  });
  const listeners: [string, (event: unknown) => void][] = [];
  const self = {
    location: { origin: "https://tin.example" },
    skipWaiting() {},
    addEventListener: (type: string, listener: (event: unknown) => void) => void listeners.push([type, listener]),
  };
  new Function("self", "importScripts", "workbox", code)(self, () => {}, anything);
  const [type, first] = listeners[0]!;
  expect(type).toBe("fetch");
  const stopped = (url: string) => {
    let stop = false;
    first({ request: { url }, stopImmediatePropagation: () => (stop = true) });
    return stop;
  };
  expect(stopped("https://tin.example/tin/admin/")).toBe(true);
  expect(stopped("https://tin.example/tin/admin/decap-cms.js")).toBe(true);
  expect(stopped("https://tin.example/tin/2019/10/18/song-ma/")).toBe(false);
  expect(stopped("https://other.example/tin/admin/")).toBe(false);
});

test("off by default; on without decap-cms installed, the build stops saying what to install", async () => {
  expect(resolveOptions({}).cms.enabled).toBe(false);
  const bare = createSite({ "posts/a.md": postFile({ title: "Tin", date: "2020-01-01" }) });
  try {
    await bare.build({ search: { enabled: false }, offline: { enabled: false } });
    expect(bare.outputFiles().filter((f) => f.startsWith("admin/"))).toEqual([]);
    const failure = await bare.build({ cms: { enabled: true } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // Eleventy wraps a plugin's error (originalError); ours keeps its own cause.
    expect(errorMessages(failure)).toMatch(/eleventy-plugin-newsroom: cms: .*Decap CMS is not installed.*npm install decap-cms/);
  } finally {
    bare.remove();
  }
}, 60_000);

test("English labels for other sites; the category is free text when no sections are declared", () => {
  const fields = cmsFields(resolveOptions({ locale: "en", timeZone: "Europe/Paris", newPost: { author: "Desk" } }));
  const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
  expect(byName.title!.label).toBe("Title");
  expect(byName.category).toMatchObject({ label: "Section", widget: "string" });
  expect(byName.author).toMatchObject({ default: "Desk" });
  expect(byName.date!.hint).toContain("Europe/Paris");
});

test("new posts' paths follow newPost.file", () => {
  expect(cmsPostPath("{yyyy}-{MM}-{dd}-{slug}.md")).toEqual({ path: "{{year}}-{{month}}-{{day}}-{{slug}}", extension: "md" });
  expect(cmsPostPath("{slug}.markdown")).toEqual({ path: "{{slug}}", extension: "markdown" });
});

test("the cms options are validated", () => {
  expect(() => resolveOptions({ cms: { path: "admin" } })).toThrow(/cms\.path: expected a pattern that starts and ends with "\/"/);
  expect(() => resolveOptions({ cms: { backend: { branch: "main" } as never } })).toThrow(
    /cms\.backend: expected Decap's backend settings/,
  );
  expect(() => resolveOptions({ cms: { mediaFolder: "../uploads" } })).toThrow(/cms\.mediaFolder/);
  expect(() => resolveOptions({ cms: { localBackend: "localhost:8082" } })).toThrow(/cms\.localBackend/);
  expect(() => resolveOptions({ cms: { previewStyles: ["site.css"] } })).toThrow(/cms\.previewStyles/);
  expect(resolveOptions({ cms: { enabled: true, localBackend: "http://localhost:8082/api/v1" } }).cms).toMatchObject({
    path: "/admin/",
    mediaFolder: "images/uploads",
    localBackend: "http://localhost:8082/api/v1",
  });
});
