/**
 * #21 item 5: two generated pages on one URL stop the build before rendering, naming the posts
 * (file and field) and options behind every conflict, instead of Eleventy's "Output conflict".
 */
import { mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, test, vi } from "vitest";
import { repoRoot } from "../helpers/cli.ts";
import type { NewsroomUserOptions } from "../../src/options/index.ts";
import { UrlCollisionError } from "../../src/index.ts";
import { resolveOptions } from "../../src/options/resolve.ts";
import type { PlannedPage } from "../../src/render/url-collisions.ts";
import { pageFileName } from "../../src/kernel/paths.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

/** The pages each build planned (checkPageUrls is wrapped to keep them). */
const planned: PlannedPage[][] = [];
vi.mock("../../src/render/url-collisions.ts", async (original) => {
  const real = await original<typeof import("../../src/render/url-collisions.ts")>();
  return {
    ...real,
    checkPageUrls: (...args: Parameters<typeof real.checkPageUrls>) => {
      planned.push(real.plannedPages(...args));
      real.checkPageUrls(...args);
    },
  };
});

let site: FixtureSite | undefined;
afterEach(() => site?.remove());

async function collisionsOf(files: Record<string, string>, options: NewsroomUserOptions): Promise<UrlCollisionError> {
  site = createSite(files);
  const failure = await site.build({ site: { url: "https://tin.example/" }, ...options }).then(
    () => undefined,
    (e: unknown) => e,
  );
  let current = failure as { cause?: unknown; message?: string } | undefined;
  while (current && !(current instanceof UrlCollisionError)) current = current.cause as typeof current;
  if (!current) throw new Error(`expected a UrlCollisionError, got ${String((failure as Error | undefined)?.message ?? failure)}`);
  return current;
}

test("a section on a year's URL, a post on a day's, a section and a tag on one URL, a feed where a folder goes: all named in one error", async () => {
  const error = await collisionsOf(
    {
      "posts/nam.md": postFile('title: Tổng kết\ndate: 2019-10-17\ncategory: "2019"'),
      "posts/ngay.md": postFile('title: Ngày mười tám\ndate: 2019-10-18\nslug: "18"\ntags: [Kinh tế]'),
      "posts/kt.md": postFile({ title: "Thị trường", date: "2019-10-19", category: "Kinh tế" }),
    },
    {
      permalink: "/{yyyy}/{MM}/{slug}/",
      sections: { url: "/{slug}/" },
      tags: { url: "/{slug}/" },
      feeds: { atom: "/2019" },
    },
  );
  const summary = error.collisions.map((c) => [c.kind, c.url, c.pages.map((p) => p.what)]);
  expect(summary).toEqual([
    ["folder", "/2019", ["the Atom feed", ...Array.from({ length: 9 }, () => expect.any(String))]],
    ["same", "/2019/", ["the year archive 2019", 'the section "2019"']],
    ["same", "/2019/10/18/", ["the article", "the day archive 2019-10-18"]],
    ["same", "/kinh-te/", ['the section "Kinh tế"', 'the tag "Kinh tế"']],
  ]);
  const message = error.message.replace(/newsroom-site-\w+\//g, "");
  expect(message).toMatch(/^eleventy-plugin-newsroom: 4 URLs would be written twice/);
  for (const line of [
    '/2019/10/18/: the article (posts/ngay.md: slug "18"; option permalink "/{yyyy}/{MM}/{slug}/") and the day archive 2019-10-18 (option archives.day "/{yyyy}/{MM}/{dd}/")',
    '/2019/: the year archive 2019 (option archives.year "/{yyyy}/") and the section "2019" (posts/nam.md: category "2019"; option sections.url "/{slug}/")',
    '/kinh-te/: the section "Kinh tế" (posts/kt.md: category "Kinh tế"; option sections.url "/{slug}/") and the tag "Kinh tế" (posts/ngay.md: tags "Kinh tế"; option tags.url "/{slug}/")',
  ])
    expect(message).toContain(`  - ${line}\n`);
  expect(message).toMatch(
    /\n {2}- \/2019: the Atom feed \(option feeds\.atom "\/2019"\) is a file, where the article .* and 4 more pages need a folder of that name\n/,
  );
  expect(site!.exists("/2019/")).toBe(false); // stopped before writing
});

test("a post whose URL is the search page's, or lies in the search index's folder", async () => {
  const error = await collisionsOf(
    {
      "posts/a.md": postFile({ title: "Tìm kiếm", date: "2020-01-01", slug: "search" }),
      "posts/b.md": postFile({ title: "Pagefind", date: "2020-01-02" }),
      "posts/c.md": postFile({ title: "Tin thường", date: "2020-01-03" }),
    },
    { permalink: "/{slug}/" },
  );
  expect(error.collisions.map((c) => [c.kind, c.url, c.pages.map((p) => p.what)])).toEqual([
    ["inside", "/pagefind/", ["the search index's folder", "the article"]],
    ["same", "/search/", ["the article", "the search page"]],
  ]);
  const message = error.message.replace(/newsroom-site-\w+\//g, "");
  expect(message).toContain(
    '/pagefind/: the search index\'s folder (option search.enabled "true"), which every build replaces, would hold the article (posts/b.md: title "Pagefind"; option permalink "/{slug}/")',
  );
  expect(message).toContain(
    '/search/: the article (posts/a.md: slug "search"; option permalink "/{slug}/") and the search page (option search.page "/search/")',
  );
});

test("options alone: the search page on the archive index's URL is refused with the options, before any post is read", () => {
  // Two single pages on one URL are an options error (src/options/schema.ts), raised by addPlugin.
  expect(() => resolveOptions({ search: { page: "/archive/" } })).toThrow(
    'search.page: expected a URL of its own (archives.index is at "/archive/"), found "/archive/"',
  );
});

test("the plan knows every file the plugin writes: a site with every feature on writes nothing unplanned", async () => {
  planned.length = 0;
  site = createSite({
    "posts/a.md": postFile({ title: "Một", date: "2020-01-01", category: "Thời sự", tags: ["a", "b"] }),
    "posts/b.md": postFile({ title: "Hai", date: "2020-01-02", category: "Kinh tế", tags: ["b"] }),
    "posts/c.md": postFile({ title: "Ba", date: "2020-02-03", category: "Kinh tế" }),
    "images/uploads/.keep": "",
  });
  // Decap CMS installed in the site (the repo's, linked), as the editor needs.
  mkdirSync(path.join(site.dir, "node_modules"), { recursive: true });
  symlinkSync(path.join(repoRoot, "node_modules", "decap-cms"), path.join(site.dir, "node_modules", "decap-cms"), "dir");
  await site.build({ site: { url: "https://tin.example/" }, pageSize: 1, cms: { enabled: true } });
  expect(planned).toHaveLength(1);
  const files = new Set(planned[0]!.filter((p) => !p.folder).map((p) => pageFileName(p.url)));
  const unplanned = site
    .outputFiles()
    .filter((file) => !files.has(file))
    // Copied as they are, by their own names: the search index, Workbox, Decap's bundle, uploads.
    .filter(
      (file) =>
        !/^(pagefind\/|assets\/newsroom\/workbox\/|admin\/[\w.-]*decap-cms\.js|admin\/.*\.(wasm|txt)$|images\/uploads\/)/.test(file),
    );
  expect(unplanned).toEqual([]);
  expect(files.size).toBeGreaterThan(40);
  expect([...files].filter((file) => !site!.outputFiles().includes(file))).toEqual([]);
});
