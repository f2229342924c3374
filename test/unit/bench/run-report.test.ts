// #20 item 6: BENCHMARKS.md gains a "Known-item search" table (Node, and Chromium when measured),
// one row per corpus size, query type and build; a failed measurement says so in its row.
import { expect, test } from "vitest";
import type { KnownItemReport, NodeRow, Spread } from "../../../bench/relevance.ts";
import { pagesInfo, report, type Result } from "../../../bench/run.ts";

const spread = (median: number, p90: number): Spread => ({ median, p90 });
const row = (type: NodeRow["type"], build: string, s1: number): NodeRow => ({
  type,
  build,
  queries: 200,
  successAt1: s1,
  successAt10: 1,
  mrrAt10: 0.95,
  empty: 0,
  early: 0,
  firstBytes: spread(241 * 1024, 307 * 1024),
  completeBytes: spread(986 * 1024, 1244 * 1024),
  firstMs: spread(300, 800),
  completeMs: spread(1200, 3400),
});

function result(n: number, relevance: Result["relevance"]): Result {
  const run = { seconds: 10, peakBytes: 1e9, indexSeconds: 3, partsIndexed: "12 of 12", relatedSeconds: 1, summary: "" };
  const stats = { bytes: 1e6, files: 10, pages: 10 };
  return {
    n,
    runs: 1,
    bare: [run],
    full: [run],
    bareOut: stats,
    fullOut: stats,
    index: stats,
    parts: 12,
    year: "2024",
    queries: [],
    browser: undefined,
    overlap: undefined,
    relevance,
    dev: undefined,
    warm: undefined,
    added: undefined,
    edited: undefined,
    incremental: undefined,
  };
}

const known: KnownItemReport = {
  corpus: "/c",
  targets: 200,
  published: 3960,
  seed: 20,
  builds: [
    { label: "default", dir: "/a", parts: 12 },
    { label: "one index", dir: "/b", parts: 1 },
  ],
  rows: [row("syllables", "default", 0.907), row("syllables", "one index", 0.936)],
  browser: [
    {
      type: "syllables",
      build: "default",
      queries: 30,
      firstBytes: spread(250 * 1024, 300 * 1024),
      completeBytes: spread(990 * 1024, 1300 * 1024),
      firstWire: spread(180 * 1024, 220 * 1024),
      completeWire: spread(900 * 1024, 1200 * 1024),
      requests: spread(70, 80),
      byWorker: spread(67, 77),
      firstMs: spread(900, 1500),
      completeMs: spread(6000, 7000),
    },
  ],
  queries: [],
  browserQueries: [],
};

test("the Known-item search section: Node rows per size, query type and build; the Chromium rows after", () => {
  const text = report([result(4000, known), result(20000, "failed: build exited 1")]);
  const section = text.slice(text.indexOf("## Known-item search"), text.indexOf("## Dev server"));
  expect(section).toContain("200 target posts per corpus, picked by a seeded shuffle (seed 20)");
  const lines = section.split("\n").filter((l) => l.startsWith("|"));
  expect(lines[0]).toBe(
    "| N | query type | build | success@1 | success@10 | MRR@10 | KB to first results median / p90 | KB to complete results median / p90 | cold query ms median / p90 |",
  );
  expect(lines).toContain(
    "| 4,000 | 3–4 title syllables | default (12 parts) | .907 | 1.000 | .950 | 241 / 307 | 986 / 1,244 | 1,200 / 3,400 |",
  );
  expect(lines).toContain(
    "| 4,000 | 3–4 title syllables | one index (1 part) | .936 | 1.000 | .950 | 241 / 307 | 986 / 1,244 | 1,200 / 3,400 |",
  );
  expect(lines).toContain("| 20,000 | failed: build exited 1 |  |  |  |  |  |  |  |");
  expect(section).toContain("In Chromium");
  expect(lines).toContain(
    "| 4,000 | 3–4 title syllables | default (12 parts) | 30 | 250 / 300 | 990 / 1,300 | 180 / 220 | 900 / 1,200 | 70 (67) | 900 / 1,500 | 6,000 / 7,000 |",
  );
});

test("no section when the known-item search did not run; no Chromium table when Chromium was not asked", () => {
  expect(report([result(1000, undefined)])).not.toContain("## Known-item search");
  const text = report([result(1000, { ...known, browser: undefined })]);
  expect(text).toContain("## Known-item search");
  expect(text).not.toContain("In Chromium");
});

// #23 item 5: the incremental `newsroom build` rows, with the pages rendered and reused the build reports.
test("pagesInfo reads the pages rendered and reused from an incremental build's summary line", () => {
  const line = "[newsroom] 19,902 posts, 9,999 archive pages, 31 pages rendered, 19,060 reused, related articles 2.8 s, search index 24 MB";
  expect(pagesInfo(line)).toEqual({ rendered: 31, reused: 19060 });
  expect(pagesInfo("[newsroom] 9,902 posts, 4,999 archive pages, search index 23.9 MB")).toBeUndefined();
});

test("the incremental section: one row per size, times, the ratio to bare, the pages rendered of all, peak memory, the old output's removal", () => {
  const run = (seconds: number, rendered: number, reused: number, peakBytes = 1e9) => ({
    seconds,
    peakBytes,
    indexSeconds: 1,
    partsIndexed: "1 of 3",
    relatedSeconds: 1,
    summary: "",
    pages: { rendered, reused },
  });
  const withRows: Result = {
    ...result(4000, undefined),
    incremental: {
      first: run(40, 8830, 0, 2 * 2 ** 20 * 1000),
      unchanged: { ...run(9, 0, 8830), removalSeconds: 3 },
      added: { ...run(10, 25, 8806), removalSeconds: 2.5 },
      edited: run(9.5, 6, 8825),
      bare: run(8, 0, 0),
    },
  };
  const text = report([withRows, { ...result(20000, undefined), incremental: "failed: build exited 1" }]);
  const section = text.slice(text.indexOf("## Incremental `newsroom build`"));
  const lines = section.split("\n").filter((l) => l.startsWith("|"));
  expect(lines[2]).toBe(
    "| 4,000 | 40.0 s | 9.0 s | 10.0 s | 9.5 s | 8.0 s | 1.25× | 25 / 6 / 0 of 8,830 | 2000 MB / 954 MB | 3.0 s / 2.5 s / ? |",
  );
  expect(lines[3]).toBe("| 20,000 | failed: build exited 1 | | | | | | | | |");
  expect(report([result(1000, undefined)])).not.toContain("## Incremental");
});

// BENCH_BARE=0 (a 100k memory and ranking check): the report is still written, without ratios.
test("without bare Eleventy's runs, the tables say so instead of failing", () => {
  const full = result(100000, undefined);
  const text = report([{ ...full, bare: [], warm: full.full[0] }]);
  const main = text.split("\n").find((l) => l.startsWith("| 100,000 |"))!;
  expect(main).toMatch(/^\| 100,000 \| not run \| 10\.0 s \| not run \| 954 MB \| not run \|/);
  const rebuild = text
    .slice(text.indexOf("## Rebuild with unchanged posts"))
    .split("\n")
    .find((l) => l.startsWith("| 100,000 |"));
  expect(rebuild).toBe("| 100,000 | 10.0 s | 10.0 s | not run | not run | 12 of 12 | 954 MB |");
});

// BENCH_ONLY=incremental (the 100,000-post rows): a size without full builds shows only in the incremental table.
test("a size benched for its incremental rows only shows in no other table, and no table is left empty", () => {
  const run = { seconds: 50, peakBytes: 2e9, indexSeconds: 1, partsIndexed: "1 of 25", relatedSeconds: 9, summary: "" };
  const only: Result = {
    ...result(100000, undefined),
    runs: 0,
    bare: [],
    full: [],
    incremental: { first: run, unchanged: run, added: run, edited: run, bare: { ...run, seconds: 400 } },
  };
  const text = report([only]);
  expect(text).toContain("the incremental rows only (`BENCH_ONLY=incremental`)");
  expect(text.split("\n").filter((l) => l.startsWith("| 100,000 |"))).toHaveLength(1);
  expect(text).toContain("| 100,000 | 50.0 s | 50.0 s | 50.0 s | 50.0 s | 400.0 s | 0.13× |");
  for (const heading of ["## Cold first query", "## Rebuild with unchanged posts", "## Dev server", "Per-post time"])
    expect(text).not.toContain(heading);
  // Beside a size with full builds, that size fills the other tables alone.
  const both = report([result(4000, undefined), only]);
  expect(both.split("\n").filter((l) => l.startsWith("| 4,000 |")).length).toBeGreaterThan(1);
  expect(both).toContain("1 run of each build");
});
