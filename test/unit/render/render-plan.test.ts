import { expect, test } from "vitest";
import { groupArchives } from "../../../src/features/archives/archives.ts";
import { homePages, publishedPosts } from "../../../src/posts/collections.ts";
import { localePack } from "../../../src/kernel/i18n/index.ts";
import { defaults } from "../../../src/options/index.ts";
import type { Post } from "../../../src/posts/post.ts";
import { post } from "../../helpers/posts.ts";
import { editedInPlace, fullPlan, isPostFile, partialPlan, RenderPlanner, snapshot } from "../../../src/render/render-plan.ts";
import { withTopicNames } from "../../../src/features/topics/topics.ts";

const read = Array.from({ length: 30 }, (_, i) => post(i, 1 + (i % 5)));
const publish = (posts: Post[]) => publishedPosts(posts, { now: new Date("2030-01-01"), includeUnpublished: false });
const before = snapshot(read, publish(read));

test("an edited body is an edit in place; the other posts are the same objects", () => {
  const edited = read.map((p) => (p.inputPath === "posts/7.md" ? { ...p, text: "sửa", excerpt: "sửa" } : p));
  expect(editedInPlace(before, snapshot(edited, publish(edited)))).toEqual(new Set(["posts/7.md"]));
  expect(editedInPlace(before, snapshot(read, publish(read)))).toEqual(new Set());
});

test("a post added, removed, re-dated, renamed or made a draft changes the list: everything is written", () => {
  const cases: Post[][] = [
    [...read, post(99, 3)],
    read.slice(1),
    read.map((p) => (p.inputPath === "posts/7.md" ? { ...p, date: new Date(Date.UTC(2019, 9, 9)) } : p)),
    read.map((p) => (p.inputPath === "posts/7.md" ? { ...p, url: "/2019/10/03/khac/" } : p)),
    read.map((p) => (p.inputPath === "posts/7.md" ? { ...p, draft: true } : p)),
  ];
  for (const posts of cases) expect(editedInPlace(before, snapshot(posts, publish(posts)))).toBeUndefined();
});

test("the partial plan writes the edited article, its neighbours, and the home and archive pages that list it", () => {
  const posts = publish(read);
  const homes = homePages(posts, 10);
  const archives = groupArchives(posts, {
    permalinks: defaults.archives,
    pageSize: 10,
    yearPostCount: 10,
    strings: localePack("vi").archive,
  });
  const target = posts[14]!;
  const plan = partialPlan(new Set([target.inputPath]), posts, homes, archives.pages);
  expect(plan.full).toBe(false);
  expect(plan.articles.map((p) => p.url).sort()).toEqual([posts[13]!.url, target.url, posts[15]!.url].sort());
  expect(plan.homePages.map((h) => h.url)).toEqual(["/page/3/"]); // the 15th newest of 30: ranks 10–19, numbered from the oldest (#23)
  expect(plan.archivePages.every((a) => a.posts.some((p) => p.inputPath === target.inputPath))).toBe(true);
  expect(plan.archivePages.map((a) => a.level).sort()).toEqual(["day", "month"]); // not among the year page's 10 latest
});

test("home pages: numbered from the oldest, page links, one empty page without posts", () => {
  const posts = publish(read);
  const pages = homePages(posts, 10);
  expect(pages.map((p) => [p.url, p.posts[0]?.url, p.posts.length, p.previousUrl, p.nextUrl, p.pageCount, p.canonicalUrl])).toEqual([
    ["/", posts[0]!.url, 10, undefined, "/page/3/", 3, undefined],
    ["/page/2/", posts[20]!.url, 10, "/page/3/", undefined, undefined, undefined],
    ["/page/3/", posts[10]!.url, 10, "/", "/page/2/", undefined, undefined],
    // The oldest chunk the first page shows too, for links made before: canonical to the first page.
    ["/page/4/", posts[0]!.url, 10, "/", "/page/3/", undefined, "/"],
  ]);
  expect(homePages([], 10)).toMatchObject([{ url: "/", posts: [], pageCount: 1 }]);
});

test("watcher paths are matched to posts by their path from the project root, whatever folder they are relative to", () => {
  const posts = new Map([["posts/2019/a.md", 1]]);
  expect(isPostFile("./posts/2019/a.md", posts)).toBe(true);
  expect(isPostFile("./.work/site/posts/2019/a.md", posts)).toBe(true);
  expect(isPostFile("posts\\2019\\a.md", posts)).toBe(true);
  expect(isPostFile("./_includes/newsroom/footer.njk", posts)).toBe(false);
  expect(isPostFile("./posts/2019/b.md", posts)).toBe(false);
});

test("the planner plans partially only for dev-server rebuilds after post files changed in place", () => {
  const posts = publish(read);
  const homes = homePages(posts, 10);
  const archives = groupArchives(posts, {
    permalinks: defaults.archives,
    pageSize: 10,
    yearPostCount: 10,
    strings: localePack("vi").archive,
  });
  const everything = fullPlan(posts, homes, archives.pages);
  const planner = new RenderPlanner();
  expect(planner.plan(read, posts, everything, true).full).toBe(true); // first build
  planner.finished();
  const edited = read.map((p) => (p.inputPath === "posts/7.md" ? { ...p, text: "sửa" } : p));
  const again = publish(edited);
  planner.filesChanged(["./posts/7.md"]);
  expect(planner.plan(edited, again, fullPlan(again, homePages(again, 10), archives.pages), true).full).toBe(false);
  planner.finished();
  planner.filesChanged(["./_includes/newsroom/footer.njk"]);
  expect(planner.plan(edited, again, everything, true).full).toBe(true); // a template changed
  planner.filesChanged(["./posts/7.md"]);
  expect(planner.plan(edited, again, everything, false).full).toBe(true); // production build
});

test("an edit also rewrites the articles that list the post as related or same-section, and those whose related lists it changed", () => {
  const link = (p: Post) => ({ title: p.title, url: p.url, date: p.date });
  const posts = publish(read);
  const target = posts[14]!;
  // Post 3 lists the target as related, post 20 as same-section; post 25 gets a new related list from the edit.
  posts[3] = { ...posts[3]!, related: [link(target)] };
  posts[20] = { ...posts[20]!, sameSection: [link(target)] };
  const plan = partialPlan(new Set([target.inputPath]), posts, homePages(posts, 10), [], [], new Set([posts[25]!.url]));
  expect(plan.articles.map((p) => p.url).sort()).toEqual(
    [posts[3]!.url, posts[13]!.url, target.url, posts[15]!.url, posts[20]!.url, posts[25]!.url].sort(),
  );

  const planner = new RenderPlanner();
  planner.plan(read, posts, fullPlan(posts, [], []), true);
  planner.finished();
  const edited = read.map((p) => (p.inputPath === target.inputPath ? { ...p, text: "sửa" } : p));
  const after = posts.map((p, i) => (i === 25 ? { ...p, related: [link(posts[2]!)] } : p));
  planner.filesChanged([`./${target.inputPath}`]);
  expect(planner.plan(edited, after, fullPlan(after, [], []), true).articles.map((p) => p.url)).toContain(posts[25]!.url);
});

// #21 item 3: an edit can change the spelling that names a tag or section for every post of it.
test("an edit that renames a tag for other posts (its most used spelling changed) rewrites those posts' pages too", () => {
  const tagged = (posts: Post[], spellings: Record<string, string>) =>
    posts.map((p) => (spellings[p.inputPath] ? { ...p, tags: [spellings[p.inputPath]!] } : p));
  const first = tagged(read, { "posts/1.md": "Sông Mã", "posts/2.md": "Sông Mã", "posts/3.md": "sông mã" });
  const named = (posts: Post[]) => withTopicNames(publish(posts), []);
  const planner = new RenderPlanner();
  planner.plan(first, named(first), fullPlan(named(first), [], []), true);
  planner.finished();
  // posts/1.md now writes "sông mã": two posts to one, so posts/2.md's tag is renamed without its file changing.
  const second = tagged(first, { "posts/1.md": "sông mã" });
  const published = named(second);
  expect(published.find((p) => p.inputPath === "posts/2.md")?.tags).toEqual(["sông mã"]);
  planner.filesChanged(["./posts/1.md"]);
  const plan = planner.plan(second, published, fullPlan(published, [], []), true);
  expect(plan.full).toBe(false);
  expect(plan.articles.map((p) => p.inputPath)).toEqual(expect.arrayContaining(["posts/1.md", "posts/2.md", "posts/3.md"]));
});
