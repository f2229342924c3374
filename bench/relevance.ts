/**
 * Known-item search: does a reader who remembers a post find it, and what does it cost? Seeded
 * target posts of a bench corpus (published ones: no drafts, no future dates), four queries each,
 * every query cold (a fresh Pagefind module and index, as a new page) through the site's own
 * client in Node (bench/pagefind-node.ts, a counting fetch shim):
 *
 *   a. 3–4 consecutive syllables of the title (seeded start and length), lower-case;
 *   b. the same with the accents stripped and đ → d (a reader without a Vietnamese keyboard);
 *   c. 2 consecutive title syllables and one word of the body (seeded);
 *   d. the whole title.
 *
 * Per query type and build: success@1, success@10 and MRR@10 of the target's URL in the complete
 * results; bytes to the first results (what was fetched until the client's `onFirst` — the newest
 * part's answer, the first page a reader sees — plus the fragment files fetched for that page's
 * 10 results; a client without `onFirst`, or one index, gives the complete results first) and to
 * the complete results (everything, with the first 10 complete results' data()); the cold query's
 * wall time, from opening the index to the complete results' first 10 loaded. With `--browser`, a
 * sample of type (a) queries also runs in headless Chromium (bench/browser-bytes.ts: the page's
 * and its Pagefind worker's requests, until the first results are listed and until the list is no
 * longer pending).
 *
 *   tsx bench/relevance.ts <built site dir> <corpus dir> [--label=default] [--one-index=<site dir>]
 *       [--targets=200] [--seed=20] [--browser] [--browser-sample=30] [--json=<file>]
 *
 * `--one-index` measures a second build of the same corpus (`search.partSize: false`) beside the
 * first, query by query, so that both see the same machine load. The sites must come from
 * bench/full.config.js (time zone Asia/Ho_Chi_Minh, permalink /{yyyy}/{MM}/{dd}/{slug}/).
 */
import { fork } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DateTime } from "luxon";
import MarkdownIt from "markdown-it";
import { splitFrontMatter } from "../src/posts/frontmatter.ts";
import { dateParts, parsePostDate } from "../src/kernel/dates.ts";
import { expandPermalink } from "../src/kernel/permalink.ts";
import { slugify } from "../src/kernel/slug.ts";
import { htmlToText } from "../src/kernel/text.ts";
import { type BrowserQuery, browserColdQueries } from "./browser-bytes.ts";
import { random } from "./corpus.ts";
import { type Fetched, openIndex, stopCounting } from "./pagefind-node.ts";

/** What bench/full.config.js builds with. */
export const ZONE = "Asia/Ho_Chi_Minh";
export const PERMALINK = "/{yyyy}/{MM}/{dd}/{slug}/";
export const DEFAULT_TARGETS = 200;
export const DEFAULT_SEED = 20;
export const DEFAULT_BROWSER_SAMPLE = 30;
/** Results a reader sees on the first page; the rank counts only inside it. */
const PAGE = 10;

export const QUERY_TYPES = ["syllables", "unaccented", "mixed", "title"] as const;
export type QueryType = (typeof QUERY_TYPES)[number];
export const QUERY_LABELS: Record<QueryType, string> = {
  syllables: "3–4 title syllables",
  unaccented: "same, accents stripped",
  mixed: "2 title syllables + a body word",
  title: "full title",
};

export interface Target {
  /** The post's file. */
  file: string;
  title: string;
  /** Its page's URL path, "/2019/10/18/slug/". */
  url: string;
}

export interface KnownItemQuery {
  target: Target;
  type: QueryType;
  query: string;
}

/** Accents off, as typed on a keyboard without Vietnamese: "Đường điện" → "Duong dien". */
export function foldVietnamese(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

/** A text's syllables, lower-case (Vietnamese rules), punctuation dropped. */
export function syllablesOf(text: string): string[] {
  return (
    text
      .normalize("NFC")
      .toLocaleLowerCase("vi")
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  );
}

/** FNV-1a: a seed per target from its file name, so that adding targets leaves the others' queries alone. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The published posts of a corpus (its posts/ folder; drafts and posts dated after `now` left
 * out, as a production build leaves them out), `count` of them picked by a seeded shuffle: the
 * same corpus and seed give the same targets, and a larger count keeps the smaller one's.
 * Throws on a post whose front matter, title or date cannot be read, naming the file.
 */
export function pickTargets(
  corpusDir: string,
  { count = DEFAULT_TARGETS, seed = DEFAULT_SEED, now = DateTime.now() }: { count?: number; seed?: number; now?: DateTime } = {},
): Target[] {
  const postsDir = path.join(corpusDir, "posts");
  if (!existsSync(postsDir)) throw new Error(`relevance: no posts folder at ${postsDir} (expected a corpus written by bench/corpus.ts)`);
  const published: Target[] = [];
  for (const name of readdirSync(postsDir).sort()) {
    if (!name.endsWith(".md")) continue;
    const file = path.join(postsDir, name);
    const split = splitFrontMatter(readFileSync(file, "utf8"));
    if (!split.ok) throw new Error(`relevance: ${file}: expected ${split.expected}, found ${split.found}`);
    const { data } = split.source;
    if (data.draft === true) continue;
    if (typeof data.title !== "string" || data.title.trim() === "")
      throw new Error(`relevance: ${file}: title: expected a non-empty string, found ${JSON.stringify(data.title)}`);
    const date = parsePostDate(data.date, ZONE);
    if (!date.ok) throw new Error(`relevance: ${file}: date: expected ${date.expected}, found ${date.found}`);
    if (date.date > now) continue;
    const slug = typeof data.slug === "string" && data.slug !== "" ? data.slug : slugify(data.title);
    published.push({ file, title: data.title.trim(), url: expandPermalink(PERMALINK, { ...dateParts(date.date, ZONE), slug }) });
  }
  // Fisher–Yates, seeded; the first `count` are the targets.
  const rand = random(seed);
  const order = [...published];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, count);
}

const markdown = new MarkdownIt();

/** A post body's words as a reader sees them (markdown rendered, tags dropped). */
function bodySyllables(file: string): string[] {
  const split = splitFrontMatter(readFileSync(file, "utf8"));
  if (!split.ok) throw new Error(`relevance: ${file}: expected ${split.expected}, found ${split.found}`);
  return syllablesOf(htmlToText(markdown.render(split.source.body)));
}

/** The four queries of a target, seeded by its file name: `body` is its body's syllables. */
export function queriesFor(target: Target, body: readonly string[], seed = DEFAULT_SEED): KnownItemQuery[] {
  const title = syllablesOf(target.title);
  if (title.length === 0) throw new Error(`relevance: ${target.file}: the title ${JSON.stringify(target.title)} has no words`);
  const rand = random(seed ^ hash(path.basename(target.file)));
  const length = Math.min(title.length, 3 + Math.floor(rand() * 2));
  const start = Math.floor(rand() * (title.length - length + 1));
  const syllables = title.slice(start, start + length).join(" ");
  const pairStart = Math.floor(rand() * Math.max(1, title.length - 1));
  const pair = title.slice(pairStart, pairStart + 2);
  // A body word that is not one of the pair's (the query would have two words only).
  const others = body.filter((w) => !pair.includes(w));
  const bodyWord = others.length > 0 ? others[Math.floor(rand() * others.length)]! : undefined;
  return [
    { target, type: "syllables", query: syllables },
    { target, type: "unaccented", query: foldVietnamese(syllables) },
    { target, type: "mixed", query: [...pair, ...(bodyWord ? [bodyWord] : [])].join(" ") },
    { target, type: "title", query: title.join(" ") },
  ];
}

/** "/2019/10/18/x/index.html", "https://host/2019/10/18/x" → "/2019/10/18/x/". */
export function normalizeUrl(url: string): string {
  let pathname = decodeURI(new URL(url, "http://x").pathname);
  pathname = pathname.replace(/\/index\.html$/, "/");
  return pathname.endsWith("/") ? pathname : `${pathname}/`;
}

/** One cold query through the client, in Node. */
export interface NodeMeasure {
  /** 1–10, or undefined when the target is not in the complete results' top 10. */
  rank: number | undefined;
  hits: number;
  /** Whether the client called onFirst (several parts). */
  sawFirst: boolean;
  firstBytes: number;
  completeBytes: number;
  firstMs: number;
  completeMs: number;
  files: number;
}

const isFragment = (f: Fetched) => /\/fragment\/[^/]+$/.test(new URL(f.url).pathname);
const sum = (files: readonly Fetched[]) => files.reduce((a, f) => a + f.bytes, 0);

/** Cold queries per measuring process. */
const BATCH = 40;

export interface Job {
  dir: string;
  query: string;
  url: string;
}

/**
 * Runs cold queries one after another in a child process (this file with --measure), after one
 * unrecorded warm-up query. A fresh process per batch: each cold query imports its own Pagefind
 * module, and Node never unloads a module, nor the WebAssembly instances its indexes keep
 * (~10 MB a query with 12 parts): one process for 1,600 queries would hold gigabytes.
 */
export function measureBatch(jobs: Job[]): Promise<NodeMeasure[]> {
  return new Promise((resolve, reject) => {
    // tsx's loader, whatever runs this module (tsx, vitest).
    const child = fork(fileURLToPath(import.meta.url), ["--measure"], {
      execArgv: ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let answer: { results?: NodeMeasure[]; error?: string } | undefined;
    child.once("message", (message) => (answer = message as typeof answer));
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (answer?.results) resolve(answer.results);
      else
        reject(
          new Error(
            `relevance: the measuring process ${answer?.error ? `failed: ${answer.error}` : `exited (${signal ?? code}) without results`}`,
          ),
        );
    });
    child.send(jobs);
  });
}

/** The child's side of measureBatch. */
function serveBatch(): void {
  process.once("message", async (jobs: Job[]) => {
    try {
      if (jobs[0]) await measureNode(jobs[0].dir, jobs[0].query, jobs[0].url);
      const results: NodeMeasure[] = [];
      for (const job of jobs) results.push(await measureNode(job.dir, job.query, job.url));
      process.send!({ results }, () => process.exit(0));
    } catch (error) {
      process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1));
    }
  });
}

/** Opens `siteDir`'s index afresh, runs `query`, loads the first page's and the complete results' top 10. */
export async function measureNode(siteDir: string, query: string, targetUrl: string, open = openIndex): Promise<NodeMeasure> {
  const fetched: Fetched[] = [];
  const started = performance.now();
  try {
    const index = await open(siteDir, fetched);
    // Set by onFirst: what had been fetched then, and (once that page's data is in) up to when.
    const first: { before?: number; shown?: Promise<void>; after?: number; ms?: number } = {};
    const response = await index.search(
      query,
      {},
      {
        onFirst(firstResponse) {
          if (first.before !== undefined) return;
          first.before = fetched.length;
          first.shown = Promise.all(firstResponse.results.slice(0, PAGE).map((r) => r.data())).then(() => {
            first.after = fetched.length;
            first.ms = performance.now() - started;
          });
          first.shown.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
        },
      },
    );
    // The reader's first page is on screen before the complete results replace it.
    if (first.shown) await first.shown;
    const top = await Promise.all(response.results.slice(0, PAGE).map((r) => r.data()));
    const completeMs = performance.now() - started;
    const completeBytes = sum(fetched);
    const position = top.findIndex((d) => normalizeUrl(d.url) === targetUrl);
    const sawFirst = first.before !== undefined;
    return {
      rank: position < 0 ? undefined : position + 1,
      hits: response.results.length,
      sawFirst,
      // Before onFirst, everything; after it, only the first page's fragments (older parts' chunks load meanwhile).
      firstBytes: sawFirst
        ? sum(fetched.slice(0, first.before)) + sum(fetched.slice(first.before, first.after).filter(isFragment))
        : completeBytes,
      completeBytes,
      firstMs: sawFirst ? first.ms! : completeMs,
      completeMs,
      files: fetched.length,
    };
  } finally {
    stopCounting();
  }
}

export interface Build {
  /** "default", "one index". */
  label: string;
  dir: string;
}

export interface MeasuredQuery {
  build: string;
  type: QueryType;
  query: string;
  file: string;
  url: string;
  node: NodeMeasure;
}

/** Median and 90th percentile (nearest rank). */
export interface Spread {
  median: number;
  p90: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: Number.NaN, p90: Number.NaN };
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, p90: s[Math.ceil(0.9 * s.length) - 1]! };
}

export interface NodeRow {
  type: QueryType;
  build: string;
  queries: number;
  successAt1: number;
  successAt10: number;
  mrrAt10: number;
  /** Queries that found nothing. */
  empty: number;
  /** Queries where the client gave first results before the complete ones. */
  early: number;
  firstBytes: Spread;
  completeBytes: Spread;
  firstMs: Spread;
  completeMs: Spread;
}

export interface BrowserRow {
  type: QueryType;
  build: string;
  queries: number;
  firstBytes: Spread;
  completeBytes: Spread;
  /** The same requests' bytes as the server sent them: text gzipped, as static hosts send it. */
  firstWire: Spread;
  completeWire: Spread;
  /** Requests until the complete results (of which by Pagefind's worker), medians. */
  requests: Spread;
  byWorker: Spread;
  firstMs: Spread;
  completeMs: Spread;
}

export interface KnownItemReport {
  corpus: string;
  targets: number;
  /** Published posts the targets were drawn from. */
  published: number;
  seed: number;
  builds: (Build & { parts: number })[];
  rows: NodeRow[];
  browser: BrowserRow[] | string | undefined;
  queries: MeasuredQuery[];
  browserQueries: (BrowserQuery & { build: string; type: QueryType; query: string })[];
}

/** One row per query type and build that has measurements, in QUERY_TYPES order, builds in the given order. */
function perTypeAndBuild<T extends { type: QueryType; build: string }, R>(
  measured: readonly T[],
  builds: readonly string[],
  row: (these: T[], type: QueryType, build: string) => R,
): R[] {
  const rows: R[] = [];
  for (const type of QUERY_TYPES)
    for (const build of builds) {
      const these = measured.filter((m) => m.type === type && m.build === build);
      if (these.length > 0) rows.push(row(these, type, build));
    }
  return rows;
}

/** Scores and spreads per query type and build. */
export function nodeRows(measured: readonly MeasuredQuery[], builds: readonly string[]): NodeRow[] {
  return perTypeAndBuild(measured, builds, (these, type, build) => {
    const nodes = these.map((m) => m.node);
    const ranks = nodes.map((m) => m.rank);
    return {
      type,
      build,
      queries: nodes.length,
      successAt1: ranks.filter((r) => r === 1).length / nodes.length,
      successAt10: ranks.filter((r) => r !== undefined).length / nodes.length,
      mrrAt10: ranks.reduce((a: number, r) => a + (r ? 1 / r : 0), 0) / nodes.length,
      empty: nodes.filter((m) => m.hits === 0).length,
      early: nodes.filter((m) => m.sawFirst).length,
      firstBytes: spread(nodes.map((m) => m.firstBytes)),
      completeBytes: spread(nodes.map((m) => m.completeBytes)),
      firstMs: spread(nodes.map((m) => m.firstMs)),
      completeMs: spread(nodes.map((m) => m.completeMs)),
    };
  });
}

/** Bytes, requests and times in Chromium per query type and build. */
export function browserRows(measured: KnownItemReport["browserQueries"], builds: readonly string[]): BrowserRow[] {
  return perTypeAndBuild(measured, builds, (these, type, build) => ({
    type,
    build,
    queries: these.length,
    firstBytes: spread(these.map((m) => m.first.bodyBytes)),
    completeBytes: spread(these.map((m) => m.bodyBytes)),
    firstWire: spread(these.map((m) => m.first.wireBytes)),
    completeWire: spread(these.map((m) => m.wireBytes)),
    requests: spread(these.map((m) => m.requests)),
    byWorker: spread(these.map((m) => m.byWorker)),
    firstMs: spread(these.map((m) => m.firstMs)),
    completeMs: spread(these.map((m) => m.completeMs)),
  }));
}

/** The search page's URL for a query, as its form submits it. */
const searchPageUrl = (query: string) => `/search/?q=${encodeURIComponent(query).replace(/%20/g, "+")}`;

const partsOf = async (dir: string) => (await openIndex(dir)).parts;

/**
 * Measures every target's queries on every build (alternating builds query by query), then, when
 * `browserSample` > 0, that many type (a) queries per build in Chromium.
 */
export async function knownItemSearch({
  corpus,
  builds,
  targets = DEFAULT_TARGETS,
  seed = DEFAULT_SEED,
  browserSample = 0,
  log = (line: string) => console.error(line),
}: {
  corpus: string;
  builds: Build[];
  targets?: number;
  seed?: number;
  browserSample?: number;
  log?: (line: string) => void;
}): Promise<KnownItemReport> {
  const picked = pickTargets(corpus, { count: Number.MAX_SAFE_INTEGER, seed });
  const chosen = picked.slice(0, targets);
  if (chosen.length < targets) log(`  relevance: only ${chosen.length} published posts in ${corpus}: ${targets} targets asked`);
  for (const build of builds) {
    for (const target of chosen) {
      const page = path.join(build.dir, target.url, "index.html");
      if (!existsSync(page))
        throw new Error(
          `relevance: ${target.file}: no page at ${page} (was ${build.dir} built from ${corpus} with bench/full.config.js, and has the post's date passed since?)`,
        );
    }
  }
  const queries = chosen.flatMap((target) => queriesFor(target, bodySyllables(target.file), seed));
  const report: KnownItemReport = {
    corpus,
    targets: chosen.length,
    published: picked.length,
    seed,
    builds: [],
    rows: [],
    browser: undefined,
    queries: [],
    browserQueries: [],
  };
  for (const build of builds) report.builds.push({ ...build, parts: await partsOf(build.dir) });

  // Every query on every build, alternating; in batches, each in a fresh process (see measureBatch).
  const jobs = queries.flatMap((q) => builds.map((build) => ({ q, build })));
  const started = performance.now();
  for (let i = 0; i < jobs.length; i += BATCH) {
    const batch = jobs.slice(i, i + BATCH);
    const measured = await measureBatch(batch.map(({ q, build }) => ({ dir: build.dir, query: q.query, url: q.target.url })));
    batch.forEach(({ q, build }, j) =>
      report.queries.push({ build: build.label, type: q.type, query: q.query, file: q.target.file, url: q.target.url, node: measured[j]! }),
    );
    const done = Math.min(i + BATCH, jobs.length);
    const elapsed = (performance.now() - started) / 1000;
    log(
      `  relevance: ${done}/${jobs.length} cold queries, ${elapsed.toFixed(0)} s, about ${((elapsed / done) * (jobs.length - done)).toFixed(0)} s to go`,
    );
  }
  const labels = builds.map((b) => b.label);
  report.rows = nodeRows(report.queries, labels);

  if (browserSample > 0) {
    const sample = queries.filter((q) => q.type === "syllables").slice(0, browserSample);
    try {
      for (const build of builds) {
        const measured = await browserColdQueries(
          build.dir,
          sample.map((q) => searchPageUrl(q.query)),
          { untilComplete: true },
        );
        measured.forEach((m, i) =>
          report.browserQueries.push({ ...m, build: build.label, type: sample[i]!.type, query: sample[i]!.query }),
        );
        log(`  relevance: Chromium, ${build.label}: ${measured.length} queries`);
      }
      report.browser = browserRows(report.browserQueries, labels);
    } catch (error) {
      report.browser = `failed: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 200)}`;
      log(`  relevance: Chromium ${report.browser}`);
    }
  }
  return report;
}

const score = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(3).replace(/^0\./, "."));
const kb = (bytes: number) => (Number.isNaN(bytes) ? "–" : Math.round(bytes / 1024).toLocaleString("en"));
const ms = (x: number) => (Number.isNaN(x) ? "–" : Math.round(x).toLocaleString("en"));
const pair = (s: Spread, unit: (x: number) => string) => `${unit(s.median)} / ${unit(s.p90)}`;
const buildName = (report: KnownItemReport, label: string) => {
  const parts = report.builds.find((b) => b.label === label)?.parts;
  return parts === undefined ? label : `${label} (${parts} part${parts === 1 ? "" : "s"})`;
};

/** Reports to tabulate; `n` (the corpus size) adds a first column. */
export type Tabulated = { n?: number; report: KnownItemReport | string }[];

/** A markdown table: with an N column when the first entry has an `n`; a failed report is one row saying why. */
function table(entries: Tabulated, headers: string[], rows: (report: KnownItemReport) => string[][]): string[] {
  const withN = entries[0]?.n !== undefined;
  const lines = [
    `| ${[...(withN ? ["N"] : []), ...headers].join(" | ")} |`,
    `| ${[...(withN ? ["---:"] : []), ...headers.map((_, i) => (i < 2 ? "---" : "---:"))].join(" | ")} |`,
  ];
  for (const { n, report } of entries) {
    const lead = withN ? [(n ?? 0).toLocaleString("en")] : [];
    if (typeof report === "string") lines.push(`| ${[...lead, report, ...headers.slice(1).map(() => "")].join(" | ")} |`);
    else for (const row of rows(report)) lines.push(`| ${[...lead, ...row].join(" | ")} |`);
  }
  return lines;
}

/** The Node table: scores, bytes and time per query type and build. */
export function nodeTable(entries: Tabulated): string[] {
  return table(
    entries,
    [
      "query type",
      "build",
      "success@1",
      "success@10",
      "MRR@10",
      "KB to first results median / p90",
      "KB to complete results median / p90",
      "cold query ms median / p90",
    ],
    (report) =>
      report.rows.map((r) => [
        QUERY_LABELS[r.type],
        buildName(report, r.build),
        score(r.successAt1),
        score(r.successAt10),
        score(r.mrrAt10),
        pair(r.firstBytes, kb),
        pair(r.completeBytes, kb),
        pair(r.completeMs, ms),
      ]),
  );
}

/** The Chromium table (entries without a browser measurement left out; none at all: no lines). */
export function browserTable(entries: Tabulated): string[] {
  const measured = entries.filter((e) => typeof e.report === "string" || e.report.browser !== undefined);
  if (measured.length === 0) return [];
  return table(
    measured.map(({ n, report }) => ({
      n,
      report: typeof report === "object" && typeof report.browser === "string" ? `Chromium ${report.browser}` : report,
    })),
    [
      "query type",
      "build",
      "queries",
      "KB to first results median / p90",
      "KB to complete results median / p90",
      "KB sent to first results, text gzipped, median / p90",
      "KB sent to complete results, text gzipped, median / p90",
      "requests (by the worker), median",
      "ms to first results median / p90",
      "ms to complete results median / p90",
    ],
    (report) =>
      (report.browser as BrowserRow[]).map((r) => [
        QUERY_LABELS[r.type],
        buildName(report, r.build),
        String(r.queries),
        pair(r.firstBytes, kb),
        pair(r.completeBytes, kb),
        pair(r.firstWire, kb),
        pair(r.completeWire, kb),
        `${r.requests.median} (${r.byWorker.median})`,
        pair(r.firstMs, ms),
        pair(r.completeMs, ms),
      ]),
  );
}

/** One line per row for the log: the numbers the tables leave out (empty answers, early first pages, ms to first). */
export function logLines(report: KnownItemReport): string[] {
  return report.rows.map(
    (r) =>
      `  relevance: ${QUERY_LABELS[r.type]}, ${buildName(report, r.build)}: ${r.queries} queries, ${r.empty} found nothing, ${r.early} with first results early; ms to first results ${pair(r.firstMs, ms)}`,
  );
}

function option(args: string[], name: string): string | undefined {
  const found = args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return found === undefined ? undefined : found.includes("=") ? found.slice(found.indexOf("=") + 1) : "";
}

function wholeNumber(args: string[], name: string, fallback: number): number {
  const value = option(args, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`relevance: --${name}: expected a whole number, found ${JSON.stringify(value)}`);
  return n;
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === "--measure" && process.send) serveBatch();
else if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const positional = args.filter((a) => !a.startsWith("--"));
  const known = ["label", "one-index", "targets", "seed", "browser", "browser-sample", "json"];
  const unknown = args.filter((a) => a.startsWith("--") && !known.includes(a.slice(2).split("=")[0]!));
  if (positional.length !== 2 || unknown.length > 0) {
    console.error(
      `usage: tsx bench/relevance.ts <built site dir> <corpus dir> [--label=default] [--one-index=<site dir>] [--targets=${DEFAULT_TARGETS}] [--seed=${DEFAULT_SEED}] [--browser] [--browser-sample=${DEFAULT_BROWSER_SAMPLE}] [--json=<file>]${unknown.length > 0 ? `\nunknown option(s): ${unknown.join(" ")}` : ""}`,
    );
    process.exit(2);
  }
  const [site, corpus] = positional.map((p) => path.resolve(p)) as [string, string];
  const oneIndex = option(args, "one-index");
  const builds: Build[] = [{ label: option(args, "label") || "default", dir: site }];
  if (oneIndex) builds.push({ label: "one index", dir: path.resolve(oneIndex) });
  for (const build of builds)
    if (!existsSync(path.join(build.dir, "pagefind", "pagefind.js")))
      throw new Error(`relevance: ${build.dir} has no pagefind/pagefind.js: not a built site`);
  const report = await knownItemSearch({
    corpus,
    builds,
    targets: wholeNumber(args, "targets", DEFAULT_TARGETS),
    seed: wholeNumber(args, "seed", DEFAULT_SEED),
    browserSample: option(args, "browser") === undefined ? 0 : wholeNumber(args, "browser-sample", DEFAULT_BROWSER_SAMPLE),
  });
  for (const line of logLines(report)) console.error(line);
  console.log(
    [
      `Known-item search: ${report.targets} targets of ${report.published.toLocaleString("en")} published posts (seed ${report.seed}), ${path.relative(process.cwd(), corpus) || corpus}`,
      "",
      ...nodeTable([{ report }]),
      ...(report.browser === undefined
        ? []
        : ["", "Chromium, cold (the page's and its worker's requests):", "", ...browserTable([{ report }])]),
    ].join("\n"),
  );
  const json = option(args, "json");
  if (json) writeFileSync(path.resolve(json), JSON.stringify(report, null, 1));
}
