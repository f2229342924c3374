/**
 * The search index in parts (search.partSize): every post found exactly once across parts,
 * filters that open only their parts, the newest part first, and rebuilds that re-index only the
 * parts whose posts changed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { hashTree } from "../helpers/cli.ts";
import { fetched, loadPagefind, type PagefindApi, searchAll } from "../helpers/pagefind.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

/** Three years; 2020 has five posts, more than partSize 2, so it is split into spans of months. */
const POSTS: Record<string, [string, string, string]> = {
  "a.md": ["2019-03-02", "Đảng bộ Sông Mã", "Đảng bộ thị trấn Sông Mã họp bàn kinh tế."],
  "b.md": ["2019-11-20", "Mùa lúa mới", "Nông dân Sông Mã gặt lúa."],
  "c.md": ["2020-01-05", "Đường điện về bản", "Đường điện trung thế về bản Mường Lạn, Sông Mã."],
  "d.md": ["2020-02-14", "Chợ phiên", "Chợ phiên vùng cao đông vui."],
  "e.md": ["2020-06-30", "Trường học mới", "Trường học mới khánh thành ở Sông Mã."],
  "f.md": ["2020-07-01", "Cầu treo", "Cầu treo qua sông Mã được sửa."],
  "g.md": ["2020-12-31", "Tổng kết năm", "Đảng bộ tổng kết năm, bàn kinh tế."],
  "h.md": ["2021-08-08", "Bộ đội biên phòng", "Bộ đội biên phòng giúp dân gặt lúa."],
};
const url = (file: string) => {
  const [date] = POSTS[file]!;
  return `/${date.replaceAll("-", "/")}/`;
};

let site: FixtureSite;
let pagefind: PagefindApi;
const options = { locale: "vi", timeZone: "Asia/Ho_Chi_Minh", search: { partSize: 2, cache: false as const } };
const found = async (term: string | null, search: Parameters<PagefindApi["search"]>[1] = {}) =>
  (await searchAll(pagefind, term, search)).map((r) => r.url.replace(/[^/]+\/$/, ""));

beforeAll(async () => {
  site = createSite(
    Object.fromEntries(Object.entries(POSTS).map(([file, [date, title, body]]) => [`posts/${file}`, postFile({ title, date }, body)])),
  );
  await site.build(options);
  pagefind = await loadPagefind(site.out);
});
afterAll(() => site.remove());

test("#20: past partSize the index is written as parts — whole years, a busy year split into spans of months, the newest year at /pagefind/ itself — listed in parts.json", () => {
  const manifest = JSON.parse(site.readOutput("pagefind/parts.json")) as {
    parts: { key: string; first: string; last: string; posts: number }[];
  };
  expect(manifest.parts.map((p) => [p.key, p.first, p.last, p.posts])).toEqual([
    ["2019", "2019-01", "2019-12", 2],
    // 2020 has 5 posts (January, February, June, July, December): halves would hold 3 and 2;
    // thirds of the year (four months) hold 2, 2 and 1.
    ["2020-01", "2020-01", "2020-04", 2],
    ["2020-05", "2020-05", "2020-08", 2],
    ["2020-09", "2020-09", "2020-12", 1],
    ["2021", "2021-01", "2021-12", 1],
  ]);
  // The newest part is the root bundle, a standard Pagefind bundle with its script; the older parts
  // keep Pagefind's worker and WebAssembly (a date filter may open one first), not its script.
  expect(readdirSync(path.join(site.out, "pagefind"))).toEqual(
    expect.arrayContaining(["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "parts"]),
  );
  expect(readdirSync(path.join(site.out, "pagefind/parts")).toSorted()).toEqual(["2019", "2020-01", "2020-05", "2020-09"]);
  for (const part of manifest.parts.slice(0, -1)) {
    const files = readdirSync(path.join(site.out, "pagefind/parts", part.key));
    expect(files.filter((f) => /\.js$|^wasm\./.test(f)).toSorted()).toEqual(["pagefind-worker.js", "wasm.unknown.pagefind"]);
  }
});

test("#20: Pagefind's own pagefind.js at /pagefind/ finds the newest part's posts with no extra step", async () => {
  const { serveFilesToFetch } = await import("../helpers/file-fetch.ts");
  serveFilesToFetch(() => {});
  const { pathToFileURL } = await import("node:url");
  const own = await import(/* @vite-ignore */ `${pathToFileURL(path.join(site.out, "pagefind/pagefind.js")).href}?own=${Math.random()}`);
  await own.options({ basePath: `${pathToFileURL(path.join(site.out, "pagefind")).href}/`, baseUrl: "/" });
  const { results } = await own.search("bien phong");
  expect(await Promise.all(results.map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url))).toEqual([
    "/2021/08/08/bo-doi-bien-phong/",
  ]);
});

test("#20: the newest part answers first (onFirst), then every part, ranked together", async () => {
  const opened = await loadPagefind(site.out);
  const firsts: string[][] = [];
  fetched.length = 0;
  const complete = await opened.search("lua", {}, { onFirst: async (first) => void firsts.push(first.results.map((r) => r.id)) });
  expect(firsts).toHaveLength(1);
  // The first answer needed the root bundle only.
  const urls = complete.results.length;
  expect(urls).toBe(2); // "gặt lúa" in 2019 and 2021
  expect(firsts[0]).toHaveLength(1);
  const partsBeforeFirst = fetched.filter((f) => f.includes("/parts/"));
  expect(partsBeforeFirst.length).toBeGreaterThan(0); // then the older parts were opened
});

test("#20: the older parts are opened only once the first results are on screen (onFirst's promise settled)", async () => {
  const opened = await loadPagefind(site.out);
  fetched.length = 0;
  let partsWhileShowing = -1;
  await opened.search(
    "lua",
    {},
    {
      onFirst: async (first) => {
        await first.results[0]!.data(); // the page fetches the first page's fragments
        await new Promise((resolve) => setTimeout(resolve, 50));
        partsWhileShowing = fetched.filter((f) => f.includes("/parts/")).length;
      },
    },
  );
  expect(partsWhileShowing).toBe(0);
  expect(fetched.filter((f) => f.includes("/parts/")).length).toBeGreaterThan(0);
});

test("a query across parts finds every matching post exactly once", async () => {
  const hits = await found("song ma");
  expect(hits.toSorted()).toEqual(["a.md", "b.md", "c.md", "e.md", "f.md"].map(url).toSorted());
  expect(new Set(hits).size).toBe(hits.length);
  const all = await found(null, { filters: { any: [{ year: "2019" }, { year: "2020" }, { year: "2021" }] } });
  expect(all.toSorted()).toEqual(Object.keys(POSTS).map(url).toSorted());
});

test("a word missing from some parts is not dropped there: every word counts, as in one index", async () => {
  // 2021's part has "dân" but no "đảng": it must not answer "dang bo" with "bộ" alone (or "dang" as "dân").
  expect((await found("dang bo")).toSorted()).toEqual(["a.md", "g.md"].map(url).toSorted());
  expect(await found("dang")).not.toContain(url("h.md"));
});

test("sorted by date across parts, in time order", async () => {
  const newest = await found(null, { filters: { any: [{ year: "2019" }, { year: "2020" }, { year: "2021" }] }, sort: { date: "desc" } });
  expect(newest).toEqual(Object.keys(POSTS).map(url).toReversed());
});

test("a year, month or day filter downloads only the parts that cover it", async () => {
  const opened = await loadPagefind(site.out); // cold: nothing loaded yet
  const partsFetched = () => [...new Set(fetched.map((f) => /\/parts\/([^/]+)\//.exec(f)?.[1]).filter(Boolean))].toSorted();
  fetched.length = 0;
  expect((await searchAll(opened, "kinh te", { filters: { year: "2019" } })).map((r) => r.url)).toEqual([url("a.md") + "dang-bo-song-ma/"]);
  expect(partsFetched()).toEqual(["2019"]);
  fetched.length = 0;
  await searchAll(opened, "cau treo", { filters: { month: "2020-07" } });
  expect(partsFetched()).toEqual(["2020-05"]);
  fetched.length = 0;
  await searchAll(opened, null, { filters: { day: "2020-12-31" } });
  expect(partsFetched()).toEqual(["2020-09"]);
  // The WebAssembly comes from the root, once, whatever the parts.
  fetched.length = 0;
  const fresh = await loadPagefind(site.out);
  await searchAll(fresh, "song ma");
  expect(fetched.filter((f) => /wasm\.[^/]+\.pagefind$/.test(f))).toHaveLength(1);
  expect(fetched.filter((f) => /wasm\./.test(f)).every((f) => !f.includes("/parts/"))).toBe(true);
});

test("adding a post re-indexes its part only: the other parts keep their bytes and modification times, in place and from the cache", async () => {
  const other = createSite(
    Object.fromEntries(Object.entries(POSTS).map(([file, [date, title, body]]) => [`posts/${file}`, postFile({ title, date }, body)])),
  );
  const cache = mkdtempSync(path.join(tmpdir(), "newsroom-parts-cache-"));
  try {
    const withCache = { ...options, search: { partSize: 2, cache } };
    await other.build(withCache);
    const bundle = path.join(other.out, "pagefind");
    const manifest = () => JSON.parse(readFileSync(path.join(bundle, "parts.json"), "utf8")) as { parts: { key: string; path: string }[] };
    // Each part's files (the root's without the older parts' folder), and when its entry was written.
    const snapshot = () =>
      Object.fromEntries(
        manifest().parts.map(({ key, path: where }) => {
          const dir = path.join(bundle, where);
          const hashes = Object.fromEntries(Object.entries(hashTree(dir)).filter(([file]) => !/^(parts\/|parts\.json$)/.test(file)));
          return [key, { hashes, mtime: statSync(path.join(dir, "pagefind-entry.json")).mtimeMs }];
        }),
      );
    const before = snapshot();
    await new Promise((resolve) => setTimeout(resolve, 20));
    other.write({ "posts/i.md": postFile({ title: "Tin mới năm 2021", date: "2021-09-09" }, "Hội chợ mùa thu khai mạc.") });
    await other.build(withCache);
    const after = snapshot();
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const key of Object.keys(before).filter((k) => k !== "2021")) expect(after[key], key).toEqual(before[key]);
    expect(after["2021"]!.hashes).not.toEqual(before["2021"]!.hashes);

    // Into a fresh output folder (the all-or-nothing build), unchanged parts come from the cache, same bytes, same times.
    rmSync(other.out, { recursive: true, force: true });
    await other.build(withCache);
    expect(snapshot()).toEqual(after);
    const pf = await loadPagefind(other.out);
    expect((await searchAll(pf, "hoi cho")).map((r) => r.url)).toEqual(["/2021/09/09/tin-moi-nam-2021/"]);
  } finally {
    other.remove();
    rmSync(cache, { recursive: true, force: true });
  }
});

test("search.partSize: false writes one index, found the same way", async () => {
  const single = createSite(
    Object.fromEntries(Object.entries(POSTS).map(([file, [date, title, body]]) => [`posts/${file}`, postFile({ title, date }, body)])),
  );
  try {
    await single.build({ ...options, search: { partSize: false, cache: false } });
    const manifest = JSON.parse(readFileSync(path.join(single.out, "pagefind/parts.json"), "utf8")) as { parts: { key: string }[] };
    expect(manifest.parts.map((p) => p.key)).toEqual(["all"]);
    const pf = await loadPagefind(single.out);
    expect((await searchAll(pf, "song ma")).length).toBe(5);
    expect(existsSync(path.join(single.out, "pagefind/parts"))).toBe(false);
  } finally {
    single.remove();
  }
});

test("a change of language re-indexes every part (the cache key covers it), building in place or from the cache", async () => {
  const other = createSite({
    "posts/a.md": postFile({ title: "Tin một", date: "2019-01-01" }),
    "posts/b.md": postFile({ title: "Tin hai", date: "2020-01-01" }),
  });
  const cache = mkdtempSync(path.join(tmpdir(), "newsroom-lang-cache-"));
  const lines: string[] = [];
  const spy = (await import("vitest")).vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
  try {
    await other.build({ locale: "vi", search: { cache, partSize: 1 } }, { verbose: true });
    await other.build({ locale: "vi", search: { cache, partSize: 1 } }, { verbose: true });
    expect(lines.filter((l) => l.includes("search index")).at(-1)).toContain("search index unchanged");
    await other.build({ locale: "en", search: { cache, partSize: 1 } }, { verbose: true });
    expect(lines.filter((l) => l.includes("search index")).at(-1)).toMatch(/2 of 2 parts indexed/);
  } finally {
    spy.mockRestore();
    other.remove();
    rmSync(cache, { recursive: true, force: true });
  }
});
