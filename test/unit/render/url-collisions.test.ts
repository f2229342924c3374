/** #21 item 5: every URL the plugin plans is checked before rendering; each conflict names its posts and options. */
import { expect, test } from "vitest";
import type { Post } from "../../../src/posts/post.ts";
import { publishedPosts } from "../../../src/posts/collections.ts";
import { type NewsroomUserOptions, resolveOptions } from "../../../src/options/index.ts";
import { siteData } from "../../../src/render/site-data.ts";
import { withTopicNames } from "../../../src/features/topics/topics.ts";
import {
  checkPageUrls,
  describeSource,
  findPageCollisions,
  type PlannedPage,
  plannedPages,
  UrlCollisionError,
} from "../../../src/render/url-collisions.ts";
import { post } from "../../helpers/posts.ts";

const page = (url: string, what: string, folder = false): PlannedPage => ({
  url,
  folder,
  source: () => ({ what, posts: [], options: [] }),
});
const kinds = (pages: PlannedPage[]) => findPageCollisions(pages).map((c) => [c.kind, c.url, c.pages.map((p) => p.what)]);

/** The site's data for posts of 2019-10-{day} (see helpers/posts.ts), with categories and tags as given. */
function site(user: NewsroomUserOptions, posts: Post[]) {
  const options = resolveOptions({ site: { url: "https://tin.example/" }, ...user });
  const published = withTopicNames(
    publishedPosts(posts, { now: new Date("2030-01-01"), includeUnpublished: false }),
    options.sections.categories,
  );
  return { options, data: siteData(options, published) };
}

test("three kinds of conflict: one file, a file where a folder goes, a page in a folder the build replaces", () => {
  expect(
    kinds([
      page("/admin/", "A"),
      page("/admin/index.html", "B"),
      page("/2019", "C"),
      page("/2019/", "D"),
      page("/2019/10/", "E"),
      page("/pagefind/", "F", true),
      page("/pagefind/", "G"),
      page("/pagefind/x/", "H"),
      page("/pagefinder/", "I"),
      page("/", "J"),
    ]),
  ).toEqual([
    ["folder", "/2019", ["C", "D", "E"]],
    ["same", "/admin/", ["A", "B"]],
    ["inside", "/pagefind/", ["F", "G", "H"]],
  ]);
  expect(kinds([page("/a/", "A"), page("/a/page/2/", "B"), page("/page/2/", "C")])).toEqual([]);
});

test("a default site with every feature plans no conflict", () => {
  const posts = Array.from({ length: 30 }, (_, i) =>
    post(i, 1 + (i % 9), {
      date: new Date(Date.UTC(2019, 9, 1 + (i % 9), 12)),
      category: ["Thời sự", "Kinh tế", "Văn hóa"][i % 3],
      tags: [`thẻ ${i % 4}`, "Sông Mã"],
    }),
  );
  const { options, data } = site({ pageSize: 2, cms: { enabled: true } }, posts);
  const pages = plannedPages(options, data);
  expect(pages.length).toBeGreaterThan(100);
  expect(findPageCollisions(pages)).toEqual([]);
  expect(() => checkPageUrls(options, data)).not.toThrow();
});

test("a section slug that is a year, under sections.url /{slug}/: the posts of the section are named", () => {
  const posts = Array.from({ length: 5 }, (_, i) => post(i, 10 + i, { category: "2019" }));
  const { options, data } = site({ sections: { url: "/{slug}/" } }, posts);
  const error = (() => {
    try {
      checkPageUrls(options, data);
    } catch (e) {
      return e as UrlCollisionError;
    }
  })();
  expect(error).toBeInstanceOf(UrlCollisionError);
  expect(error!.collisions.map((c) => c.url)).toEqual(["/2019/"]);
  expect(error!.message).toContain(
    '  - /2019/: the year archive 2019 (option archives.year "/{yyyy}/") and the section "2019" (category "2019" of posts/4.md, posts/3.md, posts/2.md and 2 more posts; option sections.url "/{slug}/")\n',
  );
});

test("a section's later pages on the home page's, and a section feed on the site's feed", () => {
  const posts = Array.from({ length: 3 }, (_, i) => post(i, 10 + i, { category: "Tin" }));
  const { options, data } = site({ pageSize: 1, sections: { url: "/page/{slug}/" }, feeds: { atom: "/page/tin/feed.xml" } }, posts);
  const described = findPageCollisions(plannedPages(options, data)).map((c) => [c.url, c.pages.map(describeSource)]);
  expect(described).toEqual([
    [
      "/page/tin/feed.xml",
      [
        'the Atom feed (option feeds.atom "/page/tin/feed.xml")',
        expect.stringMatching(
          /^the Atom feed of the section "Tin" \(category "Tin" of .*; option sections\.url "\/page\/\{slug\}\/"; option sections\.feeds "true"\)$/,
        ),
      ],
    ],
  ]);
  const numbered = site(
    { pageSize: 1, sections: { url: "/{slug}/" } },
    posts.map((p) => ({ ...p, category: "page" })),
  );
  expect(findPageCollisions(plannedPages(numbered.options, numbered.data))).toEqual([]); // /page/ and /page/page/2/ beside /page/2/
});

test("tags and sections on one URL pattern: a tag and a section of one slug collide, named by their posts", () => {
  const posts = [post(1, 1, { category: "Kinh tế" }), post(2, 2, { tags: ["kinh tế"] }), post(3, 3, { tags: ["Lũ"] })];
  const { options, data } = site({ sections: { url: "/chu-de/{slug}/" }, tags: { url: "/chu-de/{slug}/" } }, posts);
  expect(findPageCollisions(plannedPages(options, data)).map((c) => [c.url, c.pages.map(describeSource)])).toEqual([
    [
      "/chu-de/kinh-te/",
      [
        'the section "Kinh tế" (posts/1.md: category "Kinh tế"; option sections.url "/chu-de/{slug}/")',
        'the tag "kinh tế" (posts/2.md: tags "kinh tế"; option tags.url "/chu-de/{slug}/")',
      ],
    ],
  ]);
});

test("every page of a list is planned, its numbered pages (which carry no posts of the topic) named by the topic's posts", () => {
  const posts = [1, 2, 3, 4].map((i) => post(i, i, i % 2 ? { category: "Kinh tế" } : { tags: ["kinh tế"] }));
  const { options, data } = site({ pageSize: 1, sections: { url: "/chu-de/{slug}/" }, tags: { url: "/chu-de/{slug}/" } }, posts);
  // Two posts a page of one: the first page, page 2 (the oldest) and page 3 (the chunk the first page shows, for old links).
  expect(
    plannedPages(options, data)
      .filter((p) => p.url.startsWith("/chu-de/") && p.url.endsWith("/"))
      .map((p) => p.url),
  ).toEqual([
    "/chu-de/kinh-te/",
    "/chu-de/kinh-te/page/2/",
    "/chu-de/kinh-te/page/3/",
    "/chu-de/kinh-te/",
    "/chu-de/kinh-te/page/2/",
    "/chu-de/kinh-te/page/3/",
  ]);
  const collisions = findPageCollisions(plannedPages(options, data));
  expect(collisions.map((c) => c.url)).toEqual(["/chu-de/kinh-te/", "/chu-de/kinh-te/page/2/", "/chu-de/kinh-te/page/3/"]);
  expect(collisions[2]!.pages.map(describeSource)).toEqual([
    'page 3 of the section "Kinh tế" (category "Kinh tế" of posts/3.md, posts/1.md; option sections.url "/chu-de/{slug}/")',
    'page 3 of the tag "kinh tế" (tags "kinh tế" of posts/4.md, posts/2.md; option tags.url "/chu-de/{slug}/")',
  ]);
});

test("checking 20,000 posts' pages stays linear", () => {
  const posts = Array.from({ length: 20_000 }, (_, i) =>
    post(i, 1 + (i % 28), {
      date: new Date(Date.UTC(2019, 9, 1 + (i % 28), 12)),
      inputPath: `posts/${i}.md`,
      url: `/2019/10/${String(1 + (i % 28)).padStart(2, "0")}/tin-${i}/`,
      category: `Mục ${i % 20}`,
      tags: [`thẻ ${i % 500}`],
    }),
  );
  const { options, data } = site({}, posts);
  const started = performance.now();
  checkPageUrls(options, data);
  expect(performance.now() - started).toBeLessThan(5000); // ~0.2 s of CPU here; a quadratic check would take minutes
});

test("the plugin's browser scripts are planned with their features: the search and offline scripts only when those are on", () => {
  const scripts = (user: NewsroomUserOptions) =>
    plannedPages(site(user, [post(1, 18)]).options, site(user, [post(1, 18)]).data)
      .map((page) => page.url)
      .filter((url) => url.startsWith("/assets/newsroom/") && url.endsWith(".js"))
      .sort();
  expect(scripts({ search: false, offline: false })).toEqual(["/assets/newsroom/date-search.js", "/assets/newsroom/nearest-day.js"]);
  expect(scripts({})).toEqual([
    "/assets/newsroom/date-range.js",
    "/assets/newsroom/date-search.js",
    "/assets/newsroom/highlight.js",
    "/assets/newsroom/nearest-day.js",
    "/assets/newsroom/offline.js",
    "/assets/newsroom/search-parts.js",
    "/assets/newsroom/search.js",
  ]);
});
