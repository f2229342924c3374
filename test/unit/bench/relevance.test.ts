// #20 item 6: the bench's known-item search row — the targets (published posts only, seeded), the
// four query types, the scores, and the bytes to the first and to the complete results.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  foldVietnamese,
  measureNode,
  type MeasuredQuery,
  type NodeMeasure,
  nodeRows,
  nodeTable,
  normalizeUrl,
  pickTargets,
  queriesFor,
  spread,
  syllablesOf,
} from "../../../bench/relevance.ts";
import type { Fetched, NodeIndex, Result, ResultData, SearchHooks } from "../../../bench/pagefind-node.ts";

test("accents off as typed without a Vietnamese keyboard: tones and marks dropped, đ → d, NFC or NFD alike", () => {
  expect(foldVietnamese("Đảng bộ Đường điện Sông Mã")).toBe("Dang bo Duong dien Song Ma");
  expect(foldVietnamese("nông thôn mới".normalize("NFD"))).toBe("nong thon moi");
  expect(foldVietnamese("ưu ơi ăn ân")).toBe("uu oi an an");
});

test("a title's syllables: lower-case, punctuation dropped, NFD input composed", () => {
  expect(syllablesOf("Đảng bộ: “Sông Mã” — 2019, XÂY DỰNG!")).toEqual(["đảng", "bộ", "sông", "mã", "2019", "xây", "dựng"]);
  expect(syllablesOf("Đường ĐIỆN".normalize("NFD"))).toEqual(["đường", "điện"]);
});

test("URLs compare by path: index.html, a missing trailing slash and an origin make no difference", () => {
  expect(normalizeUrl("/2019/10/18/a/index.html")).toBe("/2019/10/18/a/");
  expect(normalizeUrl("https://example.vn/2019/10/18/a")).toBe("/2019/10/18/a/");
  expect(normalizeUrl("/2019/10/18/%C4%91/")).toBe("/2019/10/18/đ/");
});

describe("targets", () => {
  let corpus: string;
  const post = (fields: string, body = "Nội dung bài viết.") => `---\n${fields}\n---\n\n${body}\n`;
  beforeAll(() => {
    corpus = mkdtempSync(path.join(tmpdir(), "newsroom-relevance-"));
    mkdirSync(path.join(corpus, "posts"));
    for (let i = 0; i < 30; i++)
      writeFileSync(
        path.join(corpus, "posts", `${String(i).padStart(3, "0")}.md`),
        post(`title: "Bài số ${i} về Sông Mã"\ndate: 2020-01-${String(1 + (i % 28)).padStart(2, "0")}T23:30:00+07:00\nslug: bai-${i}`),
      );
    writeFileSync(path.join(corpus, "posts", "draft.md"), post(`title: "Nháp"\ndate: 2020-02-01\ndraft: true`));
    writeFileSync(path.join(corpus, "posts", "future.md"), post(`title: "Tương lai"\ndate: 2999-02-01`));
    // No slug: the title's, as the plugin makes it; the date seen in Asia/Ho_Chi_Minh (the next day in UTC+7).
    writeFileSync(path.join(corpus, "posts", "noslug.md"), post(`title: "Đường điện về bản"\ndate: 2021-03-04T20:00:00Z`));
  });
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  test("drafts and future posts are left out; URLs as the plugin makes them (slug or title, site-local date)", () => {
    const all = pickTargets(corpus, { count: 100 });
    expect(all).toHaveLength(31);
    const files = all.map((t) => path.basename(t.file));
    expect(files).not.toContain("draft.md");
    expect(files).not.toContain("future.md");
    expect(all.find((t) => t.file.endsWith("noslug.md"))!.url).toBe("/2021/03/05/duong-dien-ve-ban/");
    // 23:30 at +07:00 on 1 January: that day in the site's zone.
    expect(all.find((t) => t.file.endsWith("000.md"))!.url).toBe("/2020/01/01/bai-0/");
    // "Now" decides what is future.
    expect(pickTargets(corpus, { count: 100, now: DateTime.fromISO("2020-06-01T00:00:00Z") })).toHaveLength(30);
  });

  test("seeded: the same seed picks the same targets in the same order; more targets keep the fewer; another seed differs", () => {
    const ten = pickTargets(corpus, { count: 10, seed: 5 });
    expect(pickTargets(corpus, { count: 10, seed: 5 })).toEqual(ten);
    expect(pickTargets(corpus, { count: 20, seed: 5 }).slice(0, 10)).toEqual(ten);
    expect(pickTargets(corpus, { count: 10, seed: 6 }).map((t) => t.file)).not.toEqual(ten.map((t) => t.file));
    // Not simply the first files.
    expect(ten.map((t) => path.basename(t.file))).not.toEqual([...ten.map((t) => path.basename(t.file))].sort());
  });

  test("a post whose title or date cannot be read stops the run, naming the file and the field", () => {
    const bad = mkdtempSync(path.join(tmpdir(), "newsroom-relevance-bad-"));
    try {
      mkdirSync(path.join(bad, "posts"));
      writeFileSync(path.join(bad, "posts", "a.md"), post(`title: "A"\ndate: 18/10/2019`));
      expect(() => pickTargets(bad)).toThrow(/a\.md: date: expected .*found/);
      writeFileSync(path.join(bad, "posts", "a.md"), post(`date: 2019-10-18`));
      expect(() => pickTargets(bad)).toThrow(/a\.md: title: expected a non-empty string, found undefined/);
      expect(() => pickTargets(path.join(bad, "nowhere"))).toThrow(/no posts folder/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});

test("the four queries: 3–4 consecutive title syllables, the same folded, a title pair and a body word, the whole title", () => {
  const target = { file: "/c/posts/000123.md", title: "Đảng bộ huyện Sông Mã xây dựng nông thôn mới", url: "/x/" };
  const title = syllablesOf(target.title);
  const body = ["trường", "học", "đảng", "bộ", "khánh", "thành"];
  for (let seed = 1; seed <= 40; seed++) {
    const [a, b, c, d] = queriesFor(target, body, seed);
    expect([a!.type, b!.type, c!.type, d!.type]).toEqual(["syllables", "unaccented", "mixed", "title"]);
    const words = a!.query.split(" ");
    expect(words.length).toBeGreaterThanOrEqual(3);
    expect(words.length).toBeLessThanOrEqual(4);
    expect(` ${title.join(" ")} `).toContain(` ${a!.query} `);
    expect(b!.query).toBe(foldVietnamese(a!.query));
    const [p1, p2, extra] = c!.query.split(" ");
    expect(` ${title.join(" ")} `).toContain(` ${p1} ${p2} `);
    expect(body).toContain(extra);
    expect([p1, p2]).not.toContain(extra);
    expect(d!.query).toBe("đảng bộ huyện sông mã xây dựng nông thôn mới");
    // The same target and seed, the same queries.
    expect(queriesFor(target, body, seed)).toEqual([a, b, c, d]);
  }
  // Starts and lengths vary with the seed.
  const picks = new Set(Array.from({ length: 40 }, (_, seed) => queriesFor(target, body, seed)[0]!.query));
  expect(picks.size).toBeGreaterThan(5);
});

test("scores: success@1, success@10 and MRR@10 per query type and build; median and p90 by nearest rank", () => {
  const m = (rank: number | undefined, bytes = 100): NodeMeasure => ({
    rank,
    hits: rank ? 20 : 0,
    sawFirst: false,
    firstBytes: bytes,
    completeBytes: bytes,
    firstMs: 1,
    completeMs: 1,
    files: 1,
  });
  const q = (build: string, node: NodeMeasure): MeasuredQuery => ({ build, type: "syllables", query: "q", file: "f", url: "/u/", node });
  const rows = nodeRows(
    [q("default", m(1, 100)), q("default", m(2, 300)), q("default", m(undefined, 200)), q("default", m(4, 400)), q("one index", m(1))],
    ["default", "one index"],
  );
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatchObject({ type: "syllables", build: "default", queries: 4, successAt1: 0.25, successAt10: 0.75, empty: 1 });
  expect(rows[0]!.mrrAt10).toBeCloseTo((1 + 1 / 2 + 0 + 1 / 4) / 4);
  expect(rows[0]!.firstBytes).toEqual({ median: 250, p90: 400 });
  expect(rows[1]).toMatchObject({ build: "one index", successAt1: 1, mrrAt10: 1 });
  expect(spread(Array.from({ length: 20 }, (_, i) => i + 1))).toEqual({ median: 10.5, p90: 18 });
  const table = nodeTable([{ n: 1000, report: { builds: [{ label: "default", dir: "", parts: 12 }], rows } as never }]);
  expect(table[0]).toMatch(/^\| N \| query type \| build \| success@1 \| success@10 \| MRR@10 \| KB to first results median \/ p90 \|/);
  expect(table[2]).toBe("| 1,000 | 3–4 title syllables | default (12 parts) | .250 | .750 | .438 | 0 / 0 | 0 / 0 | 1 / 1 |");
  expect(nodeTable([{ n: 4000, report: "failed: no site" }])[2]).toBe("| 4,000 | failed: no site |  |  |  |  |  |  |  |");
});

/**
 * A client in the shape of bench/pagefind-node.ts' NodeIndex: each "fetch" is a file pushed to the
 * counting list after a tick, as the fetch shim does.
 */
function fakeIndex(fetched: Fetched[], { parts }: { parts: boolean }): NodeIndex {
  const fetch = async (name: string, bytes: number, ms = 1) => {
    await new Promise((r) => setTimeout(r, ms));
    fetched.push({ url: `file:///site/pagefind/${name}`, bytes });
  };
  // Fragments are slower than chunks, and loaded once (Pagefind caches them).
  const result = (id: string, url: string, fragment: string): Result => {
    let loaded: Promise<ResultData> | undefined;
    return { id, score: 1, data: () => (loaded ??= fetch(fragment, 1000, 10).then(() => ({ url, excerpt: "", meta: {} }))) };
  };
  const newest = [result("n1", "/2024/01/01/n1/", "parts/2024/fragment/n1.pf_fragment")];
  const all = [result("o1", "/2019/01/01/o1/", "parts/2019/fragment/o1.pf_fragment"), ...newest];
  return {
    parts: parts ? 2 : 1,
    async search(_term: string | null, _options?: object, hooks?: SearchHooks) {
      await fetch("pagefind-entry.json", 10_000);
      await fetch("parts/2024/index/a.pf_index", 20_000);
      if (!parts) return { results: newest };
      hooks?.onFirst?.({ results: newest });
      // The older part's chunk arrives while the first page's fragment loads: not part of the first results.
      await fetch("parts/2019/index/b.pf_index", 300_000);
      await new Promise((r) => setTimeout(r, 20));
      return { results: all };
    },
  };
}

test("bytes to the first results: what came before onFirst and the first page's fragments; to the complete: everything", async () => {
  const open = async (_dir: string, fetched?: Fetched[]) => fakeIndex(fetched!, { parts: true });
  const parted = await measureNode("/site", "q", "/2019/01/01/o1/", open);
  expect(parted.sawFirst).toBe(true);
  expect(parted.firstBytes).toBe(10_000 + 20_000 + 1000);
  expect(parted.completeBytes).toBe(10_000 + 20_000 + 1000 + 300_000 + 1000);
  expect(parted.rank).toBe(1);
  expect(parted.hits).toBe(2);
  expect(parted.firstMs).toBeLessThan(parted.completeMs);
  // The newest post second in the complete results; a URL absent from the top 10 has no rank.
  expect((await measureNode("/site", "q", "/2024/01/01/n1/", open)).rank).toBe(2);
  expect((await measureNode("/site", "q", "/nowhere/", open)).rank).toBeUndefined();
});

test("with one index (onFirst never called) the first results are the complete results", async () => {
  const single = await measureNode("/site", "q", "/2024/01/01/n1/", async (_dir, fetched) => fakeIndex(fetched!, { parts: false }));
  expect(single.sawFirst).toBe(false);
  expect(single.completeBytes).toBe(10_000 + 20_000 + 1000);
  expect(single.firstBytes).toBe(single.completeBytes);
  expect(single.firstMs).toBe(single.completeMs);
  expect(single.rank).toBe(1);
});
