// #23 item 1 (reuse only pages whose inputs and stored bytes are unchanged) and item 3 (a damaged store renders, never reuses):
// every detection branch of the page store.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { PageStore, STAGING_PREFIX } from "../../../src/build/page-store.ts";
import { IncompleteFingerprintError } from "../../../src/kernel/errors.ts";
import { PAGE_STORE_FORMAT } from "../../../src/build/global-key.ts";
import type { RenderPlan } from "../../../src/render/render-plan.ts";

let root: string;
let store: string;
const urls = ["/a/", "/b/", "/2019/", "/tag/x/"];

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "newsroom-store-"));
  store = path.join(root, ".cache", "newsroom-pages");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function plan(): RenderPlan {
  const page = (url: string) => ({ url }) as never;
  return {
    full: true,
    articles: [page("/a/"), page("/b/")],
    homePages: [],
    archivePages: [page("/2019/")],
    topicPages: [page("/tag/x/")],
    reused: 0,
  };
}
const rendered = (p: RenderPlan) => [...p.articles, ...p.homePages, ...p.archivePages, ...p.topicPages].map((page) => page.url);
const keys = (changed: Record<string, string> = {}) => new Map(urls.map((url) => [url, changed[url] ?? `key ${url}`]));
const file = (out: string, url: string) => path.join(out, url.replace(/^\//, ""), "index.html");
const canaries = [{ url: "/404.html", key: "chrome" }];

/** One build: plan, write the rendered pages into a fresh output, link the reused ones, check canaries, save. */
async function build(
  options: {
    keys?: Map<string, string>;
    global?: string;
    full?: boolean;
    page?: (url: string) => string;
    notFound?: string;
    staged?: boolean;
  } = {},
) {
  const pages = new PageStore(store);
  const out = mkdtempSync(path.join(root, "out-"));
  if (options.staged) {
    pages.stage(options.global ?? "G", out);
    await pages.statsStaged(); // plan() takes the thread's stats of the stored files
  }
  const { plan: p, fullBecause } = pages.plan(plan(), options.keys ?? keys(), options.global ?? "G", { full: options.full ?? false });
  const written = new Map<string, string | undefined>();
  for (const url of rendered(p)) {
    mkdirSync(path.dirname(file(out, url)), { recursive: true });
    writeFileSync(file(out, url), (options.page ?? ((u) => `<p>${u}</p>`))(url));
    written.set(url, undefined);
  }
  writeFileSync(path.join(out, "404.html"), options.notFound ?? "<p>404</p>");
  await pages.linkInto(out);
  pages.checkCanaries(out, canaries);
  await pages.save(out, written, canaries);
  return { rendered: rendered(p), reused: p.reused, fullBecause, out };
}

test("no store: everything is rendered and stored; the next build reuses every page, linked to the same bytes", async () => {
  const first = await build();
  expect(first.rendered).toEqual(["/a/", "/b/", "/2019/", "/tag/x/"]);
  expect(first.fullBecause).toMatch(/no page store yet/);
  const second = await build();
  expect(second).toMatchObject({ rendered: [], reused: 4, fullBecause: undefined });
  for (const url of urls) expect(readFileSync(file(second.out, url), "utf8")).toBe(`<p>${url}</p>`);
  expect(statSync(file(second.out, "/a/")).ino).toBe(statSync(file(first.out, "/a/")).ino);
});

test("a page whose key changed is rendered, the others reused", async () => {
  await build();
  expect(await build({ keys: keys({ "/b/": "new" }) })).toMatchObject({ rendered: ["/b/"], reused: 3 });
  expect((await build({ keys: keys({ "/b/": "new" }) })).rendered).toEqual([]);
});

test("another global key, --full, a damaged, missing or other-format manifest: everything is rendered", async () => {
  await build();
  expect((await build({ global: "H" })).fullBecause).toMatch(/changed/);
  expect((await build({ global: "H", full: true })).fullBecause).toBe("--full");
  const manifest = path.join(store, "manifest.json");
  truncateSync(manifest, 20);
  expect(await build({ global: "H" })).toMatchObject({ reused: 0, fullBecause: expect.stringMatching(/damaged/) });
  writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, "utf8")), format: 0 }));
  expect((await build({ global: "H" })).fullBecause).toMatch(/not a page store of format 1/);
  rmSync(manifest);
  expect((await build({ global: "H" })).fullBecause).toMatch(/no page store yet/);
  expect((await build({ global: "H" })).reused).toBe(4);
});

test.each([
  ["stat'ed by plan()", false],
  ["stat'ed by the staging thread", true],
])(
  "a stored file deleted, or changed in place (same size, new bytes), is rendered; the same bytes rewritten are reused (%s)",
  async (_, staged) => {
    await build();
    const stored = (url: string) => file(path.join(store, "pages"), url);
    rmSync(stored("/a/"));
    writeFileSync(stored("/b/"), "<p>/X/</p>"); // same size, same inode, new mtime
    writeFileSync(stored("/2019/"), "<p>/2019/</p>"); // same bytes, new mtime: the sha1 says it is intact
    utimesSync(stored("/2019/"), new Date("2001-01-01"), new Date("2001-01-01"));
    expect(await build({ staged })).toMatchObject({ rendered: ["/a/", "/b/"], reused: 2 });
    expect(readFileSync(stored("/b/"), "utf8")).toBe("<p>/b/</p>");
  },
);

test("a reused page whose URL another file already took is a collision, named", async () => {
  await build();
  const pages = new PageStore(store);
  pages.plan(plan(), keys(), "G", { full: false });
  const out = path.join(root, "taken");
  mkdirSync(path.join(out, "a"), { recursive: true });
  writeFileSync(path.join(out, "a", "index.html"), "site page");
  await expect(pages.linkInto(out)).rejects.toThrow(/a page of the site is written at \/a\//);
});

test("pages that are gone leave the store", async () => {
  await build();
  const pages = new PageStore(store);
  const out = mkdtempSync(path.join(root, "out-"));
  pages.plan({ ...plan(), topicPages: [] }, keys(), "G", { full: false });
  await pages.linkInto(out);
  await pages.save(out, new Map(), []);
  expect(existsSync(file(path.join(store, "pages"), "/tag/x/"))).toBe(false);
  expect(existsSync(file(path.join(store, "pages"), "/a/"))).toBe(true);
});

test("a canary with its key but other bytes: an incremental build throws; a full one marks the site volatile, and builds stay full", async () => {
  await build();
  await expect(build({ notFound: "<p>404 at 10:01</p>" })).rejects.toBeInstanceOf(IncompleteFingerprintError);
  expect((await build({ full: true, notFound: "<p>404 at 10:02</p>" })).fullBecause).toBe("--full");
  expect((await build({ notFound: "<p>404 at 10:02</p>" })).fullBecause).toMatch(/cannot fingerprint/);
  // A new global key (the site's code changed) tries again.
  expect((await build({ global: "H", notFound: "<p>404</p>" })).fullBecause).toMatch(/changed/);
  expect((await build({ global: "H", notFound: "<p>404</p>" })).reused).toBe(4);
});

test("staged ahead (a thread links the stored pages while the build works): the reused pages moved into place, a changed one rendered anew, nothing left over", async () => {
  await build();
  const staged = await build({ staged: true, keys: keys({ "/b/": "new" }), page: (u) => `<p>${u} v2</p>` });
  expect(staged).toMatchObject({ rendered: ["/b/"], reused: 3 });
  expect(readFileSync(file(staged.out, "/b/"), "utf8")).toBe("<p>/b/ v2</p>");
  for (const url of ["/a/", "/2019/", "/tag/x/"]) {
    expect(readFileSync(file(staged.out, url), "utf8")).toBe(`<p>${url}</p>`);
    expect(statSync(file(staged.out, url)).ino).toBe(statSync(file(path.join(store, "pages"), url)).ino);
  }
  expect(readdirSync(staged.out).filter((name) => name.startsWith(STAGING_PREFIX))).toEqual([]);
  // The stored page of /b/ is the new one (the staged link of the old one was dropped, never written through).
  expect(readFileSync(file(path.join(store, "pages"), "/b/"), "utf8")).toBe("<p>/b/ v2</p>");
  expect((await build({ staged: true, keys: keys({ "/b/": "new" }) })).reused).toBe(4);
});

test("staged ahead under another global key: nothing is staged, everything rendered", async () => {
  await build();
  const pages = new PageStore(store);
  const out = mkdtempSync(path.join(root, "out-"));
  pages.stage("H", out);
  expect(readdirSync(out)).toEqual([]);
  expect((await build({ staged: true, global: "H" })).reused).toBe(0);
});

test("a staged reused page whose URL a page of the site took is a collision, named; the staged folder is removed", async () => {
  await build();
  const pages = new PageStore(store);
  const out = path.join(root, "taken");
  mkdirSync(out, { recursive: true });
  pages.stage("G", out);
  pages.plan(plan(), keys(), "G", { full: false });
  mkdirSync(path.join(out, "tag", "x"), { recursive: true });
  writeFileSync(path.join(out, "tag", "x", "index.html"), "site page");
  await expect(pages.linkInto(out)).rejects.toThrow(/tag[/\\]x[/\\]index\.html: a page of the site is written at \/tag\/x\//);
  expect(readdirSync(out).filter((name) => name.startsWith(STAGING_PREFIX))).toEqual([]);
  expect(readFileSync(file(path.join(store, "pages"), "/tag/x/"), "utf8")).toBe("<p>/tag/x/</p>");
});

test("a build that fails while its pages are staged: the output removed meanwhile is never made again by the staging thread", async () => {
  await build();
  const pages = new PageStore(store);
  const out = path.join(root, "failed-output");
  pages.stage("G", out);
  rmSync(out, { recursive: true, force: true }); // the command removes a failed build's output
  await pages.linkInto(mkdtempSync(path.join(root, "out-"))); // settles once the thread is done
  expect(existsSync(out)).toBe(false);
});

test("a failed build stops the staging thread before its output is removed: nothing is linked there afterwards", async () => {
  // Enough stored pages that the thread is still linking when the build fails.
  const pagesDir = path.join(store, "pages");
  const many: Record<string, [string, string, string, string, string]> = {};
  for (let i = 0; i < 20000; i++) {
    const url = `/p/${i % 100}/${i}/`;
    mkdirSync(path.dirname(file(pagesDir, url)), { recursive: true });
    writeFileSync(file(pagesDir, url), "x");
    many[url] = ["k", "s", "1", "0", "0"];
  }
  writeFileSync(
    path.join(store, "manifest.json"),
    JSON.stringify({ format: PAGE_STORE_FORMAT, global: "G", volatile: false, pages: many, canaries: {} }),
  );
  const pages = new PageStore(store);
  const out = path.join(root, "failed-output");
  pages.stage("G", out);
  await pages.stopStaging();
  const count = () => readdirSync(out, { recursive: true }).length;
  const stopped = count();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(count()).toBe(stopped);
  expect(stopped).toBeLessThan(20000 + 200); // it did not get to link them all
  rmSync(out, { recursive: true }); // the command's removal, without a thread writing beside it
  expect(existsSync(out)).toBe(false);
  await pages.linkInto(mkdtempSync(path.join(root, "out-"))); // nothing staged is left to place
});
