// #23 item 1 (render only what changed): each page key changes when something its page shows changes, and not otherwise.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { publishedPosts } from "../../../src/posts/collections.ts";
import { resolveOptions } from "../../../src/options/resolve.ts";
import type { NewsroomUserOptions } from "../../../src/options/types.ts";
import type { Post } from "../../../src/posts/post.ts";
import { withRelated } from "../../../src/features/articles/related.ts";
import { withTopicNames } from "../../../src/features/topics/topics.ts";
import { siteData } from "../../../src/render/site-data.ts";
import { canaryKey, pageKeys } from "../../../src/render/page-keys.ts";
import { PLUGIN_DIR } from "../../../src/kernel/paths.ts";
import { post } from "../../helpers/posts.ts";

const sections = ["Thời sự", "Kinh tế"];
const base = Array.from({ length: 12 }, (_, i) =>
  post(i, 1 + (i % 4), {
    category: sections[i % 2],
    tags: i % 3 === 0 ? ["bão"] : [],
    content: `<p>Bài ${i} về bão lũ</p>`,
    text: `Bài ${i} về bão lũ`,
  }),
);

function keys(posts: Post[], user: NewsroomUserOptions = {}, pictureKey = (_src: string) => ""): Map<string, string> {
  const options = resolveOptions({ pageSize: 3, related: { count: 2, sameSection: 2 }, ...user });
  const listed = publishedPosts(posts, { now: new Date("2030-01-01"), includeUnpublished: false });
  const published = withRelated(withTopicNames(listed, options.sections.categories), options.related);
  return pageKeys(siteData(options, published), { pictureKey });
}

function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((url) => a.get(url) !== b.get(url)).sort();
}

const edit = (n: number, extra: Partial<Post>) => base.map((p) => (p.inputPath === `posts/${n}.md` ? { ...p, ...extra } : p));
const before = keys(base);

test("the same posts and options give the same keys, whatever the objects", () => {
  expect(changed(before, keys(base.map((p) => ({ ...p }))))).toEqual([]);
  expect(before.size).toBeGreaterThan(base.length);
});

test("an edited body changes its article and the list pages that show the post, and nothing else", () => {
  const after = keys(edit(5, { content: "<p>Bài 5 đã sửa</p>" }));
  const diff = changed(before, after);
  expect(diff).toContain(base[5]!.url);
  // Neighbours and related lists show the title, not the body.
  expect(diff.filter((url) => base.some((p) => p.url === url))).toEqual([base[5]!.url]);
  // The day of post 5 is 2019-10-02; the page of another day that lists nothing of it keeps its key.
  expect(diff).toContain("/2019/10/02/");
  expect(diff).not.toContain("/2019/10/03/");
  expect(diff.length).toBeLessThan(before.size / 2);
});

test("an edited title changes the articles that link the post too", () => {
  const diff = changed(before, keys(edit(5, { title: "Tin mới" })));
  const linking = base.filter((p) => diff.includes(p.url)).length;
  expect(linking).toBeGreaterThan(1);
});

test("each field a page shows changes its key", () => {
  const fields: Partial<Post>[] = [
    { title: "x" },
    { summary: "x" },
    { author: "x" },
    { image: "/a.svg" },
    { image_alt: "x" },
    { caption: "x" },
    { updated: new Date("2020-01-01") },
    { featured: true },
    { excerpt: "x" },
    { wordCount: 99 },
  ];
  for (const extra of fields) expect(changed(before, keys(edit(5, extra))), JSON.stringify(extra)).toContain(base[5]!.url);
});

test("a picture's renditions are part of the key of the pages that show it", () => {
  const withImage = edit(5, { image: "/p.jpg" });
  const a = keys(withImage, {}, (src) => (src === "/p.jpg" ? "p-aaaa-400.jpg" : ""));
  const b = keys(withImage, {}, (src) => (src === "/p.jpg" ? "p-bbbb-400.jpg" : ""));
  expect(changed(a, b)).toContain(base[5]!.url);
  expect(changed(a, b)).not.toContain(base[6]!.url);
});

test("the chrome (site title, path of a URL, section menu) changes every key, and the canaries", () => {
  const retitled = keys(base, { site: { title: "Báo khác" } });
  expect(changed(before, retitled)).toHaveLength(before.size);
  const data = (title: string) => siteData(resolveOptions({ site: { title } }), []);
  expect(canaryKey(data("A"), "/404.html")).not.toBe(canaryKey(data("B"), "/404.html"));
  expect(canaryKey(data("A"), "/404.html")).toBe(canaryKey(data("A"), "/404.html"));
  // A new section in the menu: every page shows the menu.
  const newSection = [...base, post(40, 1, { category: "Thể thao" })];
  const menu = keys(newSection);
  expect(changed(before, menu).filter((url) => before.has(url))).toHaveLength(before.size);
});

test("a period's and a topic's whole list of posts is counted, not hashed", () => {
  // Post 1 is on 2019-10-02 in "Kinh tế": a new body there leaves the other sections' and days' pages alone.
  const diff = changed(before, keys(edit(1, { content: "<p>khác</p>" })));
  const otherSection = [...before.keys()].filter((url) => url.includes("thoi-su"));
  expect(otherSection.length).toBeGreaterThan(0);
  for (const url of otherSection) expect(diff).not.toContain(url);
});

test("every `newsroom.…` the default templates read is in a key, or read only by pages rendered every build", () => {
  // In the chrome key (chromeKey) or the global key (options: the locale's strings).
  const covered =
    /^newsroom\.(site|ui|archive|search|urls|icons|themeColor|fonts|lunarDate|sectionFeeds)\b|^newsroom\.(topics\.sections(\.length)?|archives\.days\.length)$/;
  const alwaysRendered = new Set(["archive-index.njk", "search.njk", "topic-index.njk", "404.njk", "offline.njk"]);
  const unkeyed: string[] = [];
  for (const folder of ["layouts", "includes/newsroom"]) {
    for (const file of readdirSync(path.join(PLUGIN_DIR, folder))) {
      if (alwaysRendered.has(file)) continue;
      const text = readFileSync(path.join(PLUGIN_DIR, folder, file), "utf8").replace(/\{#[\s\S]*?#\}/g, "");
      for (const [read] of text.matchAll(/newsroom\.[\w.]+/g)) {
        if (read === "newsroom.css") continue; // a file name
        if (!covered.test(read.replace(/\.$/, ""))) unkeyed.push(`${folder}/${file}: ${read}`);
      }
    }
  }
  expect(unkeyed).toEqual([]);
});

test("the default templates read `posts` only of what the page keys hash (never a whole period's or topic's, which are counted)", () => {
  const hashed = new Set(["archive", "topicPage", "home", "block"]);
  const reads: string[] = [];
  for (const folder of ["layouts", "includes/newsroom"]) {
    for (const file of readdirSync(path.join(PLUGIN_DIR, folder))) {
      const text = readFileSync(path.join(PLUGIN_DIR, folder, file), "utf8");
      for (const [, owner] of text.matchAll(/(\w+)\.posts\b/g)) if (!hashed.has(owner!)) reads.push(`${folder}/${file}: ${owner}.posts`);
    }
  }
  expect(reads).toEqual([]);
});

test("an article's key holds each field of every link it shows, and which list the link is in", () => {
  const options = resolveOptions({ pageSize: 3, related: { count: 2, sameSection: 2 } });
  const listed = publishedPosts(base, { now: new Date("2030-01-01"), includeUnpublished: false });
  const data = siteData(options, withRelated(withTopicNames(listed, options.sections.categories), options.related));
  const article = data.render.articles.find((p) => p.related.length > 0 && p.sameSection.length > 0 && p.newer && p.older)!;
  const keyOf = (change: (p: Post) => Partial<Post>) => {
    const original = { ...article };
    Object.assign(article, change(article));
    const key = pageKeys(data, { pictureKey: () => "" }).get(article.url);
    Object.assign(article, original);
    return key;
  };
  const unchanged = keyOf(() => ({}));
  const link = article.related[0]!;
  const variants: [string, (p: Post) => Partial<Post>][] = [
    ["a related link's date", (p) => ({ related: [{ ...link, date: new Date(link.date.getTime() + 60_000) }, ...p.related.slice(1)] })],
    ["a related link's title", (p) => ({ related: [{ ...link, title: `${link.title}!` }, ...p.related.slice(1)] })],
    ["a related link's URL", (p) => ({ related: [{ ...link, url: `${link.url}x/` }, ...p.related.slice(1)] })],
    ["the newer link", (p) => ({ newer: { ...p.newer!, title: "x" } })],
    ["the older link", () => ({ older: undefined })],
    // The same links in the same order, the last related one now the first of the same section's.
    [
      "a link moved from one list to the other",
      (p) => ({ related: p.related.slice(0, -1), sameSection: [p.related.at(-1)!, ...p.sameSection] }),
    ],
  ];
  const withExtra = (extra: number) => (p: Post) => ({ related: [{ ...link, extra } as typeof link, ...p.related.slice(1)] });
  expect(unchanged).toBeDefined();
  for (const [what, change] of variants) expect(keyOf(change), what).not.toBe(unchanged);
  // A link made elsewhere, carrying a field more at run time, is hashed with it.
  expect(keyOf(withExtra(1))).not.toBe(keyOf(withExtra(2)));
  expect(keyOf(() => ({}))).toBe(unchanged);
});
