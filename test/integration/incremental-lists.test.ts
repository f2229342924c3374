// #23 §3: list pages numbered from the oldest and same-section lists of the nearest posts, so that an incremental
// `newsroom build` after a new post renders the first page of each list that shows it (plus the pages around a new
// chunk every pageSize posts) and no older article for its same-section list; every URL of the last build still opens.
import { existsSync, readFileSync } from "node:fs";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, expect, test } from "vitest";
import { IncrementalSite, SECTIONS, TAGS } from "../helpers/incremental.ts";
import { hashTree } from "../helpers/cli.ts";

let site: IncrementalSite;
/** Nine posts on 1–3 October: sections Thời sự, Kinh tế, Xã hội in turn (three each), tags in turn of four. */
const spec = (i: number, date = `2019-10-0${1 + (i % 3)} 0${i}:00`) => ({
  title: `Bài ${i}`,
  date,
  category: SECTIONS[i % 3]!,
  tags: [TAGS[i % 4]!],
  body: `Nội dung ${i}.`,
});
const articleUrl = (i: number) => `/2019/10/0${1 + (i % 3)}/bai-${i}/`;
/** The home, section and tag pages among rendered URLs (the archives, /2019/…, stay newest first). */
const lists = (urls: string[]) => urls.filter((url) => !url.startsWith("/2019/"));

beforeAll(async () => {
  // No related lists: the same-section lists alone decide which older articles a new post changes.
  site = new IncrementalSite({ related: { count: 0, sameSection: 2 } });
  for (let i = 0; i < 9; i++) site.post(`p${i}`, spec(i));
  await site.build();
});
afterAll(() => site.dispose());

/** The output's files (path → sha1), and the "Tin cùng chuyên mục" links of each article. */
function snapshot(): { files: Record<string, string>; sameSection: Map<string, string[]> } {
  const files = hashTree(site.path("_site"));
  const sameSection = new Map<string, string[]>();
  for (const file of Object.keys(files).filter((f) => /bai-\d+\/index\.html$/.test(f))) {
    const html = parse(readFileSync(site.path("_site", file), "utf8"));
    const links = html.querySelectorAll('section[aria-labelledby="same-section-heading"] .link-list a');
    sameSection.set(
      `/${file.replace(/index\.html$/, "")}`,
      links.map((a) => a.getAttribute("href") ?? ""),
    );
  }
  return { files, sameSection };
}

async function same(): Promise<void> {
  await site.buildReference();
  expect(site.differences()).toEqual([]);
}

test("a new post: the first page of each list that shows it, and the pages around a new chunk when a list reaches a multiple of the page size", async () => {
  const before = snapshot();
  expect([...before.sameSection.values()].every((links) => links.length === 2)).toBe(true);
  // Post 9: Thời sự (3 → 4 posts: a second chunk), tag Bão lũ (2 → 3: the first page only), home (9 → 10: a fifth chunk).
  site.post("p9", spec(9, "2019-10-09 09:00"));
  const { rendered } = await site.build();
  expect(lists(rendered)).toEqual([
    "/",
    "/chuyen-muc/thoi-su/",
    "/chuyen-muc/thoi-su/page/2/", // chunk 1: the first page showed it, its page was canonical to the first page
    "/chuyen-muc/thoi-su/page/3/", // chunk 2, new
    "/page/4/", // chunk 3: its newer link now goes to chunk 4, no longer to the first page
    "/page/5/", // chunk 4: shown on the first page until now
    "/page/6/", // chunk 5, new
    "/tag/bao-lu/",
  ]);
  // Of the older articles, only the one before it (its "newer" link); no same-section list changed.
  expect(rendered.filter((url) => /bai-\d+\/$/.test(url))).toEqual([articleUrl(8), "/2019/10/09/bai-9/"].sort());
  const after = snapshot();
  for (const [url, links] of before.sameSection) expect(after.sameSection.get(url), url).toEqual(links);
  expect(after.sameSection.get("/2019/10/09/bai-9/")).toEqual([articleUrl(6), articleUrl(3)]);
  // Every page of the last build still opens, and those not rendered kept their bytes.
  for (const file of Object.keys(before.files)) expect(existsSync(site.path("_site", file)), file).toBe(true);
  await same();
});

test("a second new post: the home list's first page only (11 posts), and a new chunk of its section (4)", async () => {
  const before = snapshot();
  // Post 10: Kinh tế (3 → 4 posts: a second chunk), tag Giao thông (2 → 3), home (10 → 11: the first page only).
  site.post("p10", spec(10, "2019-10-09 10:00"));
  const { rendered } = await site.build();
  expect(lists(rendered)).toEqual([
    "/",
    "/chuyen-muc/kinh-te/",
    "/chuyen-muc/kinh-te/page/2/",
    "/chuyen-muc/kinh-te/page/3/",
    "/tag/giao-thong/",
  ]);
  const after = snapshot();
  for (const [url, links] of before.sameSection) expect(after.sameSection.get(url), url).toEqual(links);
  for (const file of Object.keys(before.files)) expect(existsSync(site.path("_site", file)), file).toBe(true);
  // Pages of the home list older than the first page: the same bytes as before.
  for (const n of [2, 3, 4, 5, 6]) expect(after.files[`page/${n}/index.html`], `/page/${n}/`).toBe(before.files[`page/${n}/index.html`]);
  await same();
});
