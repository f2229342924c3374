// #23 items 1 and 3: an incremental `newsroom build` renders only the pages whose inputs changed, its output equals a full
// build's, and whatever it cannot vouch for (a damaged store, a changed template or option, an unkeyed read) is rendered.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, expect, test } from "vitest";
import { baseOptions, IncrementalSite, SECTIONS, svg, TAGS } from "../helpers/incremental.ts";

let site: IncrementalSite;
let all: string[];
const spec = (i: number, more: object = {}) => ({
  title: `Bài ${i}`,
  date: `2019-10-0${1 + (i % 3)} 0${i}:00`,
  category: SECTIONS[i % 3]!,
  tags: [TAGS[i % 4]!],
  body: `Nội dung ${i}.`,
  ...more,
});
const articleUrl = (i: number) => `/2019/10/0${1 + (i % 3)}/bai-${i}/`;

beforeEach(async () => {
  site = new IncrementalSite();
  for (let i = 0; i < 6; i++) site.post(`p${i}`, spec(i, i === 2 ? { image: "/images/p.svg" } : {}));
  all = (await site.build()).rendered;
});
afterEach(() => site.dispose());

async function same(): Promise<void> {
  await site.buildReference();
  expect(site.differences()).toEqual([]);
}

test("the first build renders everything and says why; nothing changed: no page is rendered", async () => {
  expect(all.length).toBeGreaterThan(20);
  expect(site.summary()).toMatch(new RegExp(`${all.length} pages rendered, 0 reused \\(all rendered: no page store yet`));
  const { rendered, stored } = await site.build();
  expect(rendered).toEqual([]);
  expect(stored).toBe(all.length);
  expect(site.summary()).toContain(`0 pages rendered, ${all.length} reused`);
  await same();
});

test("posts come from the post cache: only a new or edited file is parsed; a picture removed meanwhile still stops the build, naming the post", async () => {
  expect(site.summary()).toContain("6 post files parsed,");
  await site.build();
  expect(site.summary()).toContain("0 post files parsed (the others from the post cache)");
  site.post("p9", spec(9, { date: "2019-10-09 09:00" }));
  site.post("p0", spec(0, { body: "Nội dung đã sửa." }));
  await site.build();
  expect(site.summary()).toContain("2 post files parsed (the others from the post cache)");
  await same();
  site.remove("images/p.svg");
  await expect(site.build()).rejects.toThrow(/posts\/p2\.md.*image/s);
});

test("a build that fails once the posts are read keeps them for the next build", async () => {
  site.post("p9", spec(9, { date: "2019-10-09 09:00", body: "Ảnh: ![Bản Nà Hin](/images/na-hin.svg)" }));
  await expect(site.build()).rejects.toThrow(/posts\/p9\.md.*body/s); // the photos are checked after the posts are read
  site.write({ "images/na-hin.svg": svg(40) });
  await site.build();
  expect(site.summary()).toContain("0 post files parsed (the others from the post cache)");
  await same();
});

test("posts that cannot be kept for the next build (the cache's place taken) cost that build time, not this one its site", async () => {
  // Its folder's place taken by a file: no segment can be written.
  rmSync(site.path(".cache/newsroom-pages/posts"), { recursive: true });
  writeFileSync(site.path(".cache/newsroom-pages/posts"), "taken");
  site.post("p9", spec(9, { date: "2019-10-09 09:00" }));
  await site.build();
  expect(site.logged.join("\n")).toMatch(
    /could not keep the posts for the next build in \.cache\/newsroom-pages \(.*\): it will read every post again/,
  );
  await same();
  await site.build();
  expect(site.summary()).toContain("7 post files parsed,");
});

test("a new post renders its article, its neighbour, the lists that show it and the articles whose lists changed; not the rest", async () => {
  site.post("p9", spec(9, { date: "2019-10-09 09:00", category: "Kinh tế", tags: ["Mộc Châu"] }));
  const { rendered } = await site.build();
  expect(rendered).toContain("/2019/10/09/bai-9/");
  expect(rendered).toContain(articleUrl(5)); // the newest before it: its "newer" link
  expect(rendered).toContain("/");
  expect(rendered).toContain("/2019/10/09/");
  expect(rendered).not.toContain("/2019/10/01/"); // a day it is not on
  expect(rendered.length).toBeLessThan(all.length);
  await same();
});

test("an old post's body edited renders its article and the lists that show it, no other article", async () => {
  site.post("p0", spec(0, { body: "Nội dung đã sửa." }));
  const { rendered } = await site.build();
  const articles = rendered.filter((url) => /\/bai-\d+\/$/.test(url));
  expect(articles).toEqual([articleUrl(0)]);
  expect(rendered).toContain("/2019/10/01/");
  expect(rendered).not.toContain("/2019/10/02/");
  await same();
});

test("a deleted store, a damaged or other-format manifest: every page rendered, same bytes", async () => {
  const manifest = site.path(".cache", "newsroom-pages", "manifest.json");
  writeFileSync(manifest, readFileSync(manifest, "utf8").slice(0, 30));
  expect((await site.build()).rendered).toEqual(all);
  expect(site.summary()).toMatch(/manifest\.json is damaged/);
  writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, "utf8")), format: 0 }));
  expect((await site.build()).rendered).toEqual(all);
  expect(site.summary()).toMatch(/not a page store of format/);
  site.remove(".cache/newsroom-pages");
  expect((await site.build()).rendered).toEqual(all);
  await same();
});

test("a stored page written in place (the output's too: they are one file) is rendered again; a deleted output is not", async () => {
  const file = site.path("_site", "2019", "10", "01", "bai-0", "index.html");
  writeFileSync(file, readFileSync(file, "utf8").replace("Nội dung 0.", "Nội dung X."));
  expect((await site.build()).rendered).toEqual([articleUrl(0)]);
  site.remove("_site");
  expect((await site.build()).rendered).toEqual([]);
  await same();
});

test("a template override, an option, the path prefix, --full: every page rendered", async () => {
  site.write({ "_includes/newsroom/footer.njk": "<footer>{{ newsroom.site.title }} – tòa soạn</footer>\n" });
  expect((await site.build()).rendered).toEqual(all);
  expect(site.summary()).toMatch(/all rendered: the plugin, Eleventy, the options, the path prefix or the site's templates/);
  site.options({ ...baseOptions, lunarDate: true });
  expect((await site.build()).rendered).toEqual(all);
  site.pathPrefix = "/tin/";
  expect((await site.build()).rendered).toEqual(all);
  await same();
  expect((await site.build({ full: true })).rendered).toEqual(all);
  expect(site.summary()).toContain("(all rendered: --full)");
  expect((await site.build()).rendered).toEqual([]);
});

test("a site template that reads what no key covers makes every build full, naming the file and line", async () => {
  site.write({ "_includes/newsroom/footer.njk": "<footer>\n{{ newsroom.posts | length }} bài</footer>\n" });
  await site.build();
  expect((await site.build()).rendered).toEqual(all);
  expect(site.summary()).toContain("_includes/newsroom/footer.njk:2 reads newsroom.posts, which Newsroom cannot fingerprint");
  await same();
});

test("`now` moved past a future post renders that post's pages, not every page", async () => {
  process.env.NEWSROOM_TEST_NOW = "2019-10-05T00:00:00Z";
  try {
    site.post("later", spec(7, { date: "2019-10-06 08:00" }));
    await site.build();
    expect((await site.build()).rendered).toEqual([]);
    process.env.NEWSROOM_TEST_NOW = "2019-10-07T00:00:00Z";
    const { rendered } = await site.build();
    expect(rendered).toContain("/2019/10/06/bai-7/");
    expect(rendered.length).toBeLessThan(all.length);
    await same();
  } finally {
    delete process.env.NEWSROOM_TEST_NOW;
  }
});

test("a site page on a reused article's URL fails, as a full build does (Eleventy's duplicate permalink), leaving _site as it was", async () => {
  site.write({ "clash.md": `---\npermalink: ${articleUrl(0)}\n---\nTrang trùng\n` });
  await expect(site.build()).rejects.toThrow(/a page of the site is written at \/2019\/10\/01\/bai-0\//);
  expect(readFileSync(site.path("_site", "2019", "10", "01", "bai-0", "index.html"), "utf8")).toContain("Nội dung 0.");
});
