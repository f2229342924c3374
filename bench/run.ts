/**
 * `npm run bench`: builds generated corpora with bare Eleventy (the baseline) and with
 * Newsroom, alternating, and writes BENCHMARKS.md. Both run as a user runs Eleventy — plain
 * `node node_modules/@11ty/eleventy/cmd.cjs`, JavaScript configs, no tsx; the full config
 * imports the compiled package (dist/), so `npm run build:lib` first (`npm run bench` does).
 *
 *   npm run bench                 # N = 1000, 4000, 10000, 20000 (about 45 minutes on 2 cores)
 *   npm run bench -- 1000 4000    # chosen sizes
 *   npm run bench -- 100000       # one run per build kind from 50,000 posts on
 *
 * Environment:
 *   BENCH_RUNS=5                  runs per build kind (default 3; 1 from 50,000 posts)
 *   BENCH_OUT=/tmp/bench.md       where the report goes (default BENCHMARKS.md; its "## Notes" section is kept)
 *   BENCH_DEPLOY_MAX_N=20000      largest N for the "daily deploy" and "one old post edited" rows
 *   BENCH_OVERLAP_MAX_N=20000     largest N for the top-10 overlap table (builds a single index: ~235 KB per post)
 *   BENCH_DEV_MAX_N=20000         largest N for the dev server's edit loop
 *   BENCH_BROWSER=0               skip the Chromium measurement (CHROMIUM_PATH: the browser, default /usr/bin/chromium)
 *   BENCH_RELEVANCE_TARGETS=200   target posts of the known-item search table (bench/relevance.ts; 0 skips it)
 *   BENCH_RELEVANCE_BROWSER=30    of its type (a) queries, how many also run in Chromium (with BENCH_BROWSER)
 *   BENCH_BARE=0                  skip bare Eleventy (no ratios: for a memory, bytes and ranking check of a size whose baseline is known)
 *   BENCH_INCREMENTAL_MAX_N=…     largest N for the incremental `newsroom build` rows (default: every size)
 *   BENCH_ONLY=incremental        only the incremental `newsroom build` rows and their bare build (100,000 posts: ~35 minutes
 *                                 instead of over an hour; the other tables are left out of the report)
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { corpusPosts, extraPostText, withExtraParagraph, writeCorpus } from "./corpus.ts";
import { type DevEditResult, measureDevEdits } from "./dev-edit.ts";
import { coldQueryBytes } from "./query-bytes.ts";
import { type BrowserQuery, browserColdQueries, CHROMIUM } from "./browser-bytes.ts";
import { OVERLAP_QUERIES, type OverlapResult, topTenOverlap } from "./overlap.ts";
import { type Build, browserTable, type KnownItemReport, knownItemSearch, logLines, nodeTable } from "./relevance.ts";
import { removingStem } from "../src/kernel/paths.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const work = path.join(root, "bench", ".work");
const eleventyCli = path.join(root, "node_modules/@11ty/eleventy/cmd.cjs");
/** `newsroom build`, compiled (dist/), run by plain Node like Eleventy's command. */
const newsroomCli = path.join(root, "dist/cli/newsroom.js");
const bareConfig = path.join(root, "bench/bare.config.js");
const fullConfig = path.join(root, "bench/full.config.js");

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [1000, 4000, 10000, 20000];
const runsFor = (n: number) => (process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) : n >= 50000 ? 1 : 3);
const envNumber = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const QUERIES = ["sông mã", "dang bo", "kinh tế", "đường điện"];
/** The year-filtered query (Node and Chromium); its year is picked from the corpus. */
const FILTERED_QUERY = "kinh tế";
/** The unfiltered query in Chromium. */
const BROWSER_QUERY = "dang bo";
/** Posts edited one after another under the dev server (watch mode), per corpus up to DEV_MAX_N. */
const DEV_EDITS = 5;
const DEV_MAX_N = envNumber("BENCH_DEV_MAX_N", 20000);
const DEPLOY_MAX_N = envNumber("BENCH_DEPLOY_MAX_N", 20000);
const OVERLAP_MAX_N = envNumber("BENCH_OVERLAP_MAX_N", 20000);
const INCREMENTAL_MAX_N = envNumber("BENCH_INCREMENTAL_MAX_N", Number.POSITIVE_INFINITY);
const BROWSER = process.env.BENCH_BROWSER !== "0";
const BARE = process.env.BENCH_BARE !== "0";
const RELEVANCE_TARGETS = envNumber("BENCH_RELEVANCE_TARGETS", 200);
const RELEVANCE_BROWSER = envNumber("BENCH_RELEVANCE_BROWSER", 30);
const ONLY_INCREMENTAL = process.env.BENCH_ONLY === "incremental";
if (process.env.BENCH_ONLY !== undefined && !ONLY_INCREMENTAL)
  throw new Error(`BENCH_ONLY: expected "incremental", found "${process.env.BENCH_ONLY}"`);
const OUT = process.env.BENCH_OUT ? path.resolve(process.env.BENCH_OUT) : path.join(root, "BENCHMARKS.md");

interface Run {
  seconds: number;
  peakBytes: number;
  /** Seconds Pagefind took, from the build's summary line (full builds only). */
  indexSeconds: number | undefined;
  /** "k of n" parts indexed, from the summary line; "?" when it does not say. */
  partsIndexed: string;
  /** Seconds the related-article lists took, from the summary line (full builds only; undefined before Newsroom reported them). */
  relatedSeconds: number | undefined;
  /** Newsroom's summary line, for the log. */
  summary: string;
  /** `newsroom build`: seconds after the command until its replaced output was removed (in the background). */
  removalSeconds?: number;
  /** Pages rendered and reused, from the summary line of an incremental `newsroom build` (undefined otherwise). */
  pages?: { rendered: number; reused: number };
}

/** Runs a command, sampling the resident memory of its whole process tree. */
function measure(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.on("data", (chunk) => (stdout += chunk));
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, treeRss(child.pid!));
    }, 50);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      if (code !== 0) {
        // The first line says why: Eleventy's last numbered cause, else the first line naming an error.
        const output = `${stderr}\n${stdout}`;
        const cause = [...output.matchAll(/^\[11ty\] \d+\. (.*)$/gm)].at(-1)?.[1] ?? /^.*error.*$/im.exec(output)?.[0] ?? "";
        reject(new Error(`build exited ${code}: ${cause.trim()}\n${args.join(" ")}\n${stderr.slice(-2000)}${stdout.slice(-2000)}`));
      } else
        resolve({
          seconds: (performance.now() - started) / 1000,
          peakBytes: peak,
          ...indexInfo(stdout),
          ...relatedInfo(stdout),
          pages: pagesInfo(stdout),
        });
    });
  });
}

/**
 * What the build's summary line says of the search index, read loosely:
 * "search index 12.3 MB, 1 of 12 parts indexed (posts unchanged: from the cache, 3.4 s)".
 */
export function indexInfo(stdout: string): { indexSeconds: number | undefined; partsIndexed: string; summary: string } {
  const line = stdout.split("\n").find((l) => /search index/.test(l)) ?? "";
  const start = line.indexOf("search index");
  const rest = start < 0 ? "" : line.slice(start);
  const segment = rest.split(/[,;] offline:/)[0]!;
  const seconds = [...segment.matchAll(/([\d.]+) s\)/g)].at(-1)?.[1];
  const parts = /([\d,]+) of ([\d,]+) parts?/.exec(segment);
  return {
    indexSeconds: seconds === undefined ? undefined : Number(seconds),
    partsIndexed: parts ? `${parts[1]} of ${parts[2]}` : "?",
    summary: line.trim(),
  };
}

/** What the build's summary line says of the related-article lists: "…, related articles 3.4 s, …". */
export function relatedInfo(stdout: string): { relatedSeconds: number | undefined } {
  const seconds = /related articles ([\d.]+) s\b/.exec(stdout)?.[1];
  return { relatedSeconds: seconds === undefined ? undefined : Number(seconds) };
}

/** What an incremental `newsroom build`'s summary line says of its pages: "…, 31 pages rendered, 19,060 reused, …". */
export function pagesInfo(stdout: string): { rendered: number; reused: number } | undefined {
  const found = /([\d,]+) pages rendered, ([\d,]+) reused/.exec(stdout);
  if (!found) return undefined;
  const number = (text: string) => Number(text.replaceAll(",", ""));
  return { rendered: number(found[1]!), reused: number(found[2]!) };
}

/** Sum of VmRSS over a process and its descendants (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between two reads
    }
  }
  return total;
}

function folderStats(dir: string): { bytes: number; files: number; pages: number } {
  let bytes = 0;
  let files = 0;
  let pages = 0;
  if (!existsSync(dir)) return { bytes, files, pages };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    if (entry.name.endsWith(".html")) pages++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { bytes, files, pages };
}

/** The number of parts listed in a built site's pagefind/parts.json (0 without one). */
function partsOf(siteDir: string): number {
  try {
    const manifest = JSON.parse(readFileSync(path.join(siteDir, "pagefind", "parts.json"), "utf8")) as { parts?: unknown[] };
    return Array.isArray(manifest.parts) ? manifest.parts.length : 0;
  } catch {
    return 0;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const int = (n: number) => n.toLocaleString("en");
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 200);

/** One build of the corpus after a change, by both kinds, over the warm index cache. */
interface ChangeRow {
  /** What changed: the post's file name and date. */
  what: string;
  full: Run;
  bare: Run;
}

export interface Result {
  n: number;
  runs: number;
  bare: Run[];
  full: Run[];
  bareOut: ReturnType<typeof folderStats>;
  fullOut: ReturnType<typeof folderStats>;
  index: ReturnType<typeof folderStats>;
  parts: number;
  /** The year of the year-filtered queries. */
  year: string;
  queries: { query: string; bytes: number; files: number; results: number }[];
  browser: BrowserQuery[] | string | undefined;
  overlap: { result: OverlapResult; single: Run; singleIndex: ReturnType<typeof folderStats> } | string | undefined;
  /** Known-item search on the default build and the one-index build (when built). */
  relevance: KnownItemReport | string | undefined;
  dev: DevEditResult | string | undefined;
  /** A full build after one whose posts were the same: the index comes from the cache. */
  warm: Run | undefined;
  /** One post added (dated after the newest), then one post of the oldest year edited: full over the warm cache, and bare. */
  added: ChangeRow | string | undefined;
  edited: ChangeRow | string | undefined;
  /** `newsroom build` over its page store and index cache: the first build, then one per change. */
  incremental: IncrementalRows | string | undefined;
}

/** Incremental `newsroom build`s, one after another in one folder (its `.cache/` kept), and bare Eleventy on the same posts. */
interface IncrementalRows {
  first: Run;
  unchanged: Run;
  added: Run;
  edited: Run;
  /** Bare Eleventy on the corpus with the added post. */
  bare: Run | undefined;
}

/** Files the incremental rows add to or change in a corpus; put right before they are used, and after. */
const ADDED_PREFIX = "zz-bench-added-";
const BACKUP = ".bench-edit-backup";

/** Undoes what an interrupted run may have left in a corpus: the added post, an edited post. */
function restoreCorpus(corpus: string): void {
  const posts = path.join(corpus, "posts");
  for (const name of readdirSync(posts)) if (name.startsWith(ADDED_PREFIX)) rmSync(path.join(posts, name));
  const backup = path.join(corpus, BACKUP);
  if (existsSync(backup)) {
    for (const name of readdirSync(backup)) copyFileSync(path.join(backup, name), path.join(posts, name));
    rmSync(backup, { recursive: true, force: true });
  }
}

/** Bare Eleventy's command line for a corpus's posts. */
function bareBuild(corpus: string, out: string): string[] {
  return [eleventyCli, `--config=${bareConfig}`, `--input=${path.join(corpus, "posts")}`, `--output=${out}`, "--quiet"];
}

/** Site-local "yyyy-MM-ddTHH:mm" plus some minutes. */
function addMinutes(local: string, minutes: number): string {
  return new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}

async function benchSize(n: number): Promise<Result> {
  const runs = ONLY_INCREMENTAL ? 0 : runsFor(n);
  const t0 = performance.now();
  const corpus = writeCorpus(path.join(work, `corpus-${n}`), { count: n, vocabularyFrom: path.join(root, "posts") });
  restoreCorpus(corpus);
  console.error(`  N=${n} corpus ready in ${s((performance.now() - t0) / 1000)}`);
  const bareOutDir = path.join(work, `out-bare-${n}`);
  const fullOutDir = path.join(work, `out-full-${n}`);
  const bareArgs = bareBuild(corpus, bareOutDir);
  const fullArgs = (out: string) => [eleventyCli, `--config=${fullConfig}`, `--input=${corpus}`, `--output=${out}`, "--quiet"];
  const result: Result = {
    n,
    runs,
    bare: [],
    full: [],
    bareOut: { bytes: 0, files: 0, pages: 0 },
    fullOut: { bytes: 0, files: 0, pages: 0 },
    index: { bytes: 0, files: 0, pages: 0 },
    parts: 0,
    year: "",
    queries: [],
    browser: undefined,
    overlap: undefined,
    relevance: undefined,
    dev: undefined,
    warm: undefined,
    added: undefined,
    edited: undefined,
    incremental: undefined,
  };
  // Full builds run as users run them, with the index cache on: empty (cleared) for every timed run,
  // then one more run over the kept cache ("rebuild, posts unchanged"), which the change rows build on.
  const published = () => corpusPosts(corpus).filter((p) => !p.draft);
  const incremental = async (posts: ReturnType<typeof corpusPosts>) => {
    try {
      result.incremental = await incrementalRows(n, corpus, posts);
    } catch (error) {
      result.incremental = `failed: ${errorText(error)}`;
      console.error(`  N=${n} incremental newsroom build: ${result.incremental}`);
    } finally {
      restoreCorpus(corpus);
    }
  };
  if (ONLY_INCREMENTAL) {
    await incremental(published());
    return result;
  }
  const cacheDir = path.join(work, `index-cache-${n}`);
  const cacheEnv = { NEWSROOM_BENCH_CACHE: cacheDir };
  const bare = async (label: string) => {
    rmSync(bareOutDir, { recursive: true, force: true });
    const run = await measure(bareArgs, root);
    console.error(`  N=${n} bare ${label}: ${s(run.seconds)}, peak ${mb(run.peakBytes)}`);
    return run;
  };
  const full = async (label: string, env: Record<string, string> = cacheEnv, out = fullOutDir) => {
    rmSync(out, { recursive: true, force: true });
    const run = await measure(fullArgs(out), root, env);
    console.error(`  N=${n} full ${label}: ${s(run.seconds)}, peak ${mb(run.peakBytes)}; ${run.summary}`);
    return run;
  };

  for (let i = 0; i < runs; i++) {
    if (BARE) result.bare.push(await bare(`run ${i + 1}/${runs}`));
    rmSync(cacheDir, { recursive: true, force: true });
    result.full.push(await full(`run ${i + 1}/${runs}`));
  }
  result.warm = await full("rebuild, posts unchanged");
  result.bareOut = folderStats(bareOutDir);
  result.fullOut = folderStats(fullOutDir);
  result.index = folderStats(path.join(fullOutDir, "pagefind"));
  result.parts = partsOf(fullOutDir);

  const posts = published();
  const perYear = new Map<string, number>();
  for (const p of posts) perYear.set(p.local.slice(0, 4), (perYear.get(p.local.slice(0, 4)) ?? 0) + 1);
  const years = [...perYear.keys()].sort();
  // The newest year with a full year's share of posts (the corpus's last year holds only a few hours).
  result.year = years.reverse().find((y) => perYear.get(y)! >= (0.5 * posts.length) / perYear.size) ?? years[0] ?? "";

  for (const query of QUERIES) result.queries.push({ query, ...(await coldQueryBytes(fullOutDir, query)) });
  result.queries.push({
    query: `${FILTERED_QUERY}, year ${result.year}`,
    ...(await coldQueryBytes(fullOutDir, FILTERED_QUERY, { year: result.year })),
  });
  console.error(
    `  N=${n} cold query (Node): ${result.queries.map((q) => `${q.query} ${kb(q.bytes)}/${q.files} files/${q.results} hits`).join("; ")}`,
  );

  if (BROWSER) {
    try {
      result.browser = await browserColdQueries(fullOutDir, [
        `/search/?q=${encodeURIComponent(BROWSER_QUERY).replace(/%20/g, "+")}`,
        `/search/?q=${encodeURIComponent(FILTERED_QUERY).replace(/%20/g, "+")}&year=${result.year}`,
      ]);
      for (const q of result.browser)
        console.error(
          `  N=${n} Chromium ${q.url}: ${kb(q.bodyBytes)}, ${kb(q.wireBytes)} sent with text gzipped (Chromium: ${kb(q.transferred)} transferred) in ${q.requests} requests (${q.byWorker} by the worker, Chromium saw ${q.seenByChromium}); "${q.status}", ${q.listed} listed`,
        );
    } catch (error) {
      result.browser = `failed: ${errorText(error)}`;
      console.error(`  N=${n} Chromium: ${result.browser}`);
    }
  }

  // Known-item search (bench/relevance.ts) on the default build and, when given, the one-index build.
  const knownItems = async (singleOut: string | undefined) => {
    if (RELEVANCE_TARGETS <= 0) return;
    const builds: Build[] = [{ label: "default", dir: fullOutDir }];
    if (singleOut) builds.push({ label: "one index", dir: singleOut });
    try {
      const report = await knownItemSearch({
        corpus,
        builds,
        targets: RELEVANCE_TARGETS,
        browserSample: BROWSER ? RELEVANCE_BROWSER : 0,
        log: (line) => console.error(`  N=${n}${line}`),
      });
      result.relevance = report;
      for (const line of logLines(report)) console.error(`  N=${n}${line}`);
    } catch (error) {
      result.relevance = `failed: ${errorText(error)}`;
      console.error(`  N=${n} known-item search: ${result.relevance}`);
    }
  };

  if (n <= OVERLAP_MAX_N) {
    const singleOut = path.join(work, `out-single-${n}`);
    let singleBuilt = false;
    try {
      // The same posts as one index (no cache: it must not replace the parted build's entries).
      const single = await full("one index (partSize false)", { NEWSROOM_BENCH_PART_SIZE: "false", NEWSROOM_BENCH_CACHE: "" }, singleOut);
      singleBuilt = true;
      const singleIndex = folderStats(path.join(singleOut, "pagefind"));
      const overlap = await topTenOverlap(fullOutDir, singleOut);
      result.overlap = { result: overlap, single, singleIndex };
      console.error(
        `  N=${n} top-10 overlap: average ${(overlap.average * 100).toFixed(0)}%; ${overlap.queries.map((q) => `${q.query} ${q.common}/${q.of}${q.duplicates ? ` DUPLICATES ${q.duplicates}` : ""}`).join(", ")}`,
      );
    } catch (error) {
      result.overlap = `failed: ${errorText(error)}`;
      console.error(`  N=${n} overlap: ${result.overlap}`);
    }
    try {
      // The one-index build is measured before it goes.
      await knownItems(singleBuilt ? singleOut : undefined);
    } finally {
      rmSync(singleOut, { recursive: true, force: true });
    }
  } else await knownItems(undefined);

  if (n <= DEPLOY_MAX_N) {
    // The cache is warm (the rebuild above went over it); each change is built by both kinds, full first.
    try {
      const what = addPost(corpus, posts, n);
      result.added = { what, full: await full("one post added"), bare: await bare("one post added") };
    } catch (error) {
      result.added = `failed: ${errorText(error)}`;
      console.error(`  N=${n} one post added: ${result.added}`);
    }
    try {
      // A post of the oldest year (the added one stays: the cache holds it now).
      const what = editOldPost(corpus, posts, n);
      result.edited = { what, full: await full("one old post edited"), bare: await bare("one old post edited") };
    } catch (error) {
      result.edited = `failed: ${errorText(error)}`;
      console.error(`  N=${n} one old post edited: ${result.edited}`);
    } finally {
      restoreCorpus(corpus);
    }
  }

  if (n <= INCREMENTAL_MAX_N) await incremental(posts);

  if (n <= DEV_MAX_N) {
    try {
      const dev = await measureDevEdits(corpus, DEV_EDITS);
      result.dev = dev;
      console.error(`  N=${n} dev server: first build ${s(dev.firstBuild)}, edits ${dev.edits.map(s).join(", ")}`);
    } catch (error) {
      result.dev = `failed: ${errorText(error)}`;
      console.error(`  N=${n} dev server: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}

/** A new post, dated an hour after the newest post; returns its file name and date. */
function addPost(corpus: string, posts: ReturnType<typeof corpusPosts>, n: number): string {
  const newest = posts.reduce((a, b) => (a.local > b.local ? a : b));
  const local = addMinutes(newest.local, 60);
  const name = `${ADDED_PREFIX}${n}.md`;
  writeFileSync(
    path.join(corpus, "posts", name),
    extraPostText({ local, slug: `bai-moi-${n}`, seed: n, vocabularyFrom: path.join(root, "posts") }),
  );
  return `${name}, ${local}`;
}

/** A paragraph more in the body of a post of the oldest year (backed up for restoreCorpus); returns its file name and date. */
function editOldPost(corpus: string, posts: ReturnType<typeof corpusPosts>, n: number): string {
  const oldestYear = posts.reduce((a, b) => (a.local < b.local ? a : b)).local.slice(0, 4);
  const inYear = posts.filter((p) => p.local.startsWith(oldestYear));
  const victim = inYear[Math.floor(inYear.length / 2)]!;
  const backup = path.join(corpus, BACKUP);
  rmSync(backup, { recursive: true, force: true });
  mkdirSync(backup, { recursive: true });
  copyFileSync(victim.file, path.join(backup, path.basename(victim.file)));
  writeFileSync(victim.file, withExtraParagraph(readFileSync(victim.file, "utf8"), { seed: n, vocabularyFrom: path.join(root, "posts") }));
  return `${path.basename(victim.file)}, ${victim.local}`;
}

/**
 * `newsroom build` as a newsroom's CI runs it, `.cache/` kept between runs (its page store and the search index's
 * cache) and the output folder kept too: a first build (empty store), a rebuild with nothing changed, one new post,
 * one old post edited; then bare Eleventy on the corpus with the new post, for the ratio.
 */
async function incrementalRows(n: number, corpus: string, posts: ReturnType<typeof corpusPosts>): Promise<IncrementalRows> {
  const project = path.join(work, `incremental-${n}`);
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  const args = [newsroomCli, "build", `--config=${fullConfig}`, `--input=${corpus}`, "--output=_site", "--quiet"];
  const env = { NEWSROOM_BENCH_CACHE: path.join(project, ".cache", "index") };
  const build = async (label: string) => {
    const run = await measure(args, project, env);
    // The replaced output is removed by a process of its own after the command: the next build starts once it is gone,
    // as a newsroom's next deploy would (minutes later), rather than sharing the disk with it.
    run.removalSeconds = await removalAfter(project);
    const pages = run.pages ? `${int(run.pages.rendered)} pages rendered, ${int(run.pages.reused)} reused` : "pages not reported";
    console.error(
      `  N=${n} newsroom build, ${label}: ${s(run.seconds)}, peak ${mb(run.peakBytes)}; ${pages}; old output removed ${s(run.removalSeconds)} after`,
    );
    return run;
  };
  try {
    const first = await build("first (store empty)");
    const unchanged = await build("nothing changed");
    const addedWhat = addPost(corpus, posts, n);
    const added = await build(`one post added (${addedWhat})`);
    let bare: Run | undefined;
    if (BARE) {
      const bareOut = path.join(work, `out-bare-${n}`);
      rmSync(bareOut, { recursive: true, force: true });
      bare = await measure(bareBuild(corpus, bareOut), root);
      console.error(`  N=${n} bare, same posts: ${s(bare.seconds)}, peak ${mb(bare.peakBytes)}`);
    }
    const editedWhat = editOldPost(corpus, posts, n);
    const edited = await build(`one old post edited (${editedWhat})`);
    return { first, unchanged, added, edited, bare };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/** Seconds until the replaced outputs' removing processes (`._site.removing-<pid>`) are done in `project`. */
async function removalAfter(project: string): Promise<number> {
  const started = performance.now();
  while (readdirSync(project).some((name) => name.startsWith(removingStem("_site")))) await new Promise((r) => setTimeout(r, 100));
  return (performance.now() - started) / 1000;
}

export function report(results: Result[]): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  // Sizes benched with BENCH_ONLY=incremental have no full builds: only the incremental table shows them.
  const built = results.filter((r) => r.full.length > 0);
  const runCounts = [...new Set(built.map((r) => r.runs))];
  const runsText =
    runCounts.length === 0
      ? "the incremental rows only (`BENCH_ONLY=incremental`)"
      : runCounts.length === 1
        ? `${runCounts[0]} run${runCounts[0] === 1 ? "" : "s"} of each build`
        : `${built.map((r) => `${r.runs} at ${int(r.n)}`).join(", ")} runs of each build`;
  const lines = [
    "# Benchmarks",
    "",
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}), ${mb(os.totalmem())} RAM, Node ${process.version}, ${runsText}, alternating.`,
    "",
    "- **bare**: Eleventy alone, the same posts as article pages with one layout (no archives, no search, no plugin).",
    "- **full**: Newsroom — article pages, home pages, year/month/day archives, archive index, search page, Pagefind index (in parts by publication period, the default `search.partSize`), feeds and sitemap, service worker and offline page.",
    "- Both run as a user of plain Eleventy runs it: `node node_modules/@11ty/eleventy/cmd.cjs --config=…`, JavaScript configs (`bench/bare.config.js`, `bench/full.config.js`, which imports the compiled package from `dist/`), no tsx. Times are wall-clock for the whole command, memory is the peak resident size of the whole process tree (Pagefind's binary included), sampled every 50 ms.",
    "- Corpus: generated by `bench/corpus.ts` (seeded), Vietnamese text with a vocabulary of thousands of syllables, 12 years of dates in Asia/Ho_Chi_Minh, 12 categories, 400 tags, ~1% drafts.",
    "- **related articles**: the seconds Newsroom's summary line gives the related-article lists (median over the full runs), and their share of the full build's median time.",
    "",
  ];
  if (built.length > 0) {
    lines.push(
      "| N | bare median (spread) | full median (spread) | full / bare | full peak memory | bare peak memory | pages written (full) | posts/s (full) | output (full) | search index | indexing (beside rendering) | related articles (share of full median) |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    const NOT_RUN = "not run";
    const spread = (xs: number[]) =>
      xs.length === 0 ? NOT_RUN : xs.length > 1 ? `${s(median(xs))} (${s(Math.min(...xs))}–${s(Math.max(...xs))})` : s(xs[0]!);
    // Bare Eleventy may be skipped (BENCH_BARE=0): no ratio then.
    const ratio = (full: number, bare: number[]) => (bare.length === 0 ? NOT_RUN : `${(full / median(bare)).toFixed(2)}×`);
    const peak = (runs: Run[]) => (runs.length === 0 ? NOT_RUN : mb(Math.max(...runs.map((x) => x.peakBytes))));
    for (const r of built) {
      const b = r.bare.map((x) => x.seconds);
      const f = r.full.map((x) => x.seconds);
      const indexing = r.full.map((x) => x.indexSeconds).filter((x): x is number => x !== undefined);
      const related = r.full.map((x) => x.relatedSeconds).filter((x): x is number => x !== undefined);
      const relatedCell = related.length > 0 ? `${s(median(related))} (${((median(related) / median(f)) * 100).toFixed(1)}%)` : "?";
      lines.push(
        `| ${int(r.n)} | ${spread(b)} | ${spread(f)} | ${ratio(median(f), b)} | ${peak(r.full)} | ${peak(r.bare)} | ${int(r.fullOut.pages)} | ${int(Math.round(r.n / median(f)))} | ${mb(r.fullOut.bytes)} | ${mb(r.index.bytes)} in ${int(r.index.files)} files${r.parts ? `, ${r.parts} part${r.parts === 1 ? "" : "s"}` : ""} | ${indexing.length > 0 ? s(median(indexing)) : "?"} | ${relatedCell} |`,
      );
    }
    lines.push("", "Per-post time (full median / N):", "");
    for (const r of built) lines.push(`- N=${int(r.n)}: ${((median(r.full.map((x) => x.seconds)) / r.n) * 1000).toFixed(2)} ms/post`);

    // Cold first query, Node.
    const queryNames = built[0]?.queries.map((q) => q.query) ?? QUERIES;
    lines.push(
      "",
      "## Cold first query",
      "",
      "Bytes of Pagefind files fetched for a first query in a fresh page (pagefind.js, parts.json, the WebAssembly, entries, metadata, index chunks and the fragments of the first 10 results), measured by running the site's search client (`src/features/search/client/search-parts.js`, over Pagefind's own `pagefind.js`) in Node with a counting `fetch`. The last column is filtered to one year (picked per corpus: its newest full year).",
      "",
      `| N | ${queryNames.map((q, i) => (i < QUERIES.length ? `“${q}”` : `“${FILTERED_QUERY}”, one year`)).join(" | ")} |`,
      `| ---: | ${queryNames.map(() => "---:").join(" | ")} |`,
    );
    for (const r of built)
      lines.push(
        `| ${int(r.n)} | ${r.queries.map((q, i) => `${kb(q.bytes)} (${q.files} files, ${q.results} hits${i >= QUERIES.length ? `, ${r.year}` : ""})`).join(" | ")} |`,
      );

    // Cold first query, Chromium.
    if (results.some((r) => r.browser !== undefined)) {
      lines.push(
        "",
        "## Cold first query in Chromium",
        "",
        `The search page opened in headless Chromium (\`${CHROMIUM}\`, a fresh browser context per query, service workers blocked) from a local static server that gzips text (scripts, JSON, HTML) as static hosts do (Pagefind's index files are gzipped already and go as they are, as does the WebAssembly), until the first results are listed: every request under \`/pagefind/\`, the page's and its Pagefind web worker's. Bytes: the files' own size, then the response bodies the server sent; requests as the server saw them, of which by the worker (told apart by the worker script's referrer); Chromium reported the same requests (its own byte count, \`encodedDataLength\`, gives the worker script 0 bytes, so it is not used).`,
        "",
        `| N | “${BROWSER_QUERY}” | “${FILTERED_QUERY}”, one year | year |`,
        "| ---: | ---: | ---: | ---: |",
      );
      for (const r of results) {
        if (r.browser === undefined) continue;
        if (typeof r.browser === "string") {
          lines.push(`| ${int(r.n)} | ${r.browser} | | ${r.year} |`);
          continue;
        }
        const cell = (q: BrowserQuery | undefined) =>
          q
            ? `${kb(q.bodyBytes)}; ${kb(q.wireBytes)} sent, text gzipped (${q.requests} requests, ${q.byWorker} by the worker${q.seenByChromium !== q.requests ? `; Chromium reported ${q.seenByChromium}` : ""}; ${q.listed} listed)`
            : "";
        lines.push(`| ${int(r.n)} | ${cell(r.browser[0])} | ${cell(r.browser[1])} | ${r.year} |`);
      }
    }

    lines.push(
      "",
      "## Rebuild with unchanged posts",
      "",
      "A full build right after one with the same posts (a template or stylesheet change, a redeploy): the search index's parts are taken from the cache (keyed by their records) instead of being built. The timed full builds above start with an empty cache, as a first build does.",
      "",
      "| N | full, cold (median) | full, posts unchanged | bare (median) | unchanged / bare | parts indexed | peak memory |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const r of results) {
      if (!r.warm) continue;
      const bare = r.bare.map((x) => x.seconds);
      lines.push(
        `| ${int(r.n)} | ${s(median(r.full.map((x) => x.seconds)))} | ${s(r.warm.seconds)} | ${spread(bare)} | ${ratio(r.warm.seconds, bare)} | ${r.warm.partsIndexed} | ${mb(r.warm.peakBytes)} |`,
      );
    }

    const changeTable = (title: string, text: string, pick: (r: Result) => ChangeRow | string | undefined) => {
      if (!results.some((r) => pick(r) !== undefined)) return;
      lines.push(
        "",
        title,
        "",
        text,
        "",
        "| N | full | bare, same posts | full / bare | parts indexed | full peak memory | bare peak memory |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      );
      for (const r of results) {
        const row = pick(r);
        if (row === undefined) continue;
        if (typeof row === "string") lines.push(`| ${int(r.n)} | ${row} | | | | | |`);
        else
          lines.push(
            `| ${int(r.n)} | ${s(row.full.seconds)} | ${s(row.bare.seconds)} | ${(row.full.seconds / row.bare.seconds).toFixed(2)}× | ${row.full.partsIndexed} | ${mb(row.full.peakBytes)} | ${mb(row.bare.peakBytes)} |`,
          );
      }
    };
    changeTable(
      "## Daily deploy: one post added",
      "After the rebuild above (the index cache warm), one new post dated an hour after the newest is added and the site built again, as a deploy from a fresh checkout with the cache restored (empty output folder): full, then bare Eleventy on the same posts. One run each.",
      (r) => r.added,
    );
    changeTable(
      "## One old post edited",
      "Then (the added post kept, the cache holding it) one post of the oldest year gets a paragraph more in its body, and the site is built again the same way: full, then bare. One run each. The corpus is restored afterwards.",
      (r) => r.edited,
    );
  }

  // Incremental newsroom build.
  if (results.some((r) => r.incremental !== undefined)) {
    lines.push(
      "",
      "## Incremental `newsroom build`",
      "",
      "`newsroom build` (the package's command, compiled, plain Node) in one project folder whose `.cache/` (the page store and the search index's cache) and output folder are kept between runs, as a newsroom's CI keeps them: a first build with an empty store, a rebuild with nothing changed, one post added (an hour after the newest), one post of the oldest year edited (a paragraph more). Each is timed from the command's start to the new output swapped in (the command's end); the replaced output is then removed by a process of its own, whose end each next build waits for (its seconds after the command are in the last column); pages rendered and reused are the build's own count of the paginated pages (articles, home, archive and topic pages; about 30 other files plus 2 per section are always written). Bare: Eleventy alone on the same posts as the added-post build. One run each.",
      "",
      "| N | first build (store empty) | nothing changed | one post added | one old post edited | bare, same posts | one post added / bare | pages rendered (added / edited / unchanged) | peak memory (first / added) | old output removed after the command (unchanged / added / edited) |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    const pages = (run: Run) => (run.pages ? int(run.pages.rendered) : "?");
    for (const r of results) {
      const row = r.incremental;
      if (row === undefined) continue;
      if (typeof row === "string") lines.push(`| ${int(r.n)} | ${row} | | | | | | | | |`);
      else
        lines.push(
          `| ${int(r.n)} | ${s(row.first.seconds)} | ${s(row.unchanged.seconds)} | ${s(row.added.seconds)} | ${s(row.edited.seconds)} | ${row.bare ? s(row.bare.seconds) : "not run"} | ${row.bare ? `${(row.added.seconds / row.bare.seconds).toFixed(2)}×` : ""} | ${pages(row.added)} / ${pages(row.edited)} / ${pages(row.unchanged)} of ${row.first.pages ? int(row.first.pages.rendered + row.first.pages.reused) : "?"} | ${mb(row.first.peakBytes)} / ${mb(row.added.peakBytes)} | ${[row.unchanged, row.added, row.edited].map((x) => (x.removalSeconds === undefined ? "?" : s(x.removalSeconds))).join(" / ")} |`,
        );
    }
  }

  // Top-10 overlap.
  const overlaps = results.filter((r) => r.overlap !== undefined);
  if (overlaps.length > 0) {
    lines.push(
      "",
      "## Parts against one index: top-10 overlap",
      "",
      "The same corpus built a second time with `search.partSize: false` (one index of everything); each query run on both through the site's search client in Node. Per query: URLs the two top 10s share, and the hit counts (parted / one index). “Duplicates” counts posts found twice in the parted results (by result id over all of them, by URL over the first 1,000).",
      "",
      `| query | ${overlaps.map((r) => `N=${int(r.n)}`).join(" | ")} |`,
      `| --- | ${overlaps.map(() => "---:").join(" | ")} |`,
    );
    const ok = (r: Result) => (typeof r.overlap === "object" ? r.overlap : undefined);
    for (const [i, query] of OVERLAP_QUERIES.entries()) {
      lines.push(
        `| ${query} | ${overlaps
          .map((r) => {
            const q = ok(r)?.result.queries[i];
            return q ? `${q.common}/${q.of} (${int(q.partedHits)} / ${int(q.singleHits)})` : "";
          })
          .join(" | ")} |`,
      );
    }
    lines.push(
      `| **average overlap** | ${overlaps.map((r) => (ok(r) ? `${(ok(r)!.result.average * 100).toFixed(0)}%` : String(r.overlap))).join(" | ")} |`,
      `| duplicates in parted results | ${overlaps.map((r) => (ok(r) ? String(ok(r)!.result.queries.reduce((a, q) => a + q.duplicates, 0)) : "")).join(" | ")} |`,
      `| parts | ${overlaps.map((r) => (ok(r) ? String(ok(r)!.result.parts) : "")).join(" | ")} |`,
      `| one-index build: time, peak memory | ${overlaps.map((r) => (ok(r) ? `${s(ok(r)!.single.seconds)}, ${mb(ok(r)!.single.peakBytes)}` : "")).join(" | ")} |`,
      `| one index's size | ${overlaps.map((r) => (ok(r) ? `${mb(ok(r)!.singleIndex.bytes)} in ${int(ok(r)!.singleIndex.files)} files` : "")).join(" | ")} |`,
    );
  }

  // Known-item search.
  const relevance = results.filter((r) => r.relevance !== undefined);
  if (relevance.length > 0) {
    const entries = relevance.map((r) => ({ n: r.n, report: r.relevance! }));
    const first = relevance.map((r) => r.relevance).find((x): x is KnownItemReport => typeof x === "object");
    lines.push(
      "",
      "## Known-item search",
      "",
      `Can a reader find a post they remember, and what does it cost? ${first ? `${int(first.targets)} target posts per corpus, picked by a seeded shuffle (seed ${first.seed}) of its published posts` : "Seeded target posts"} (\`bench/relevance.ts\`), four lower-case queries each: 3–4 consecutive syllables of the title (seeded start and length); the same with the accents stripped and đ → d (a keyboard without Vietnamese); 2 consecutive title syllables and one word of the body; the whole title. Each query cold (a fresh Pagefind module and index, as a new page) through the site's search client in Node with a counting \`fetch\`, on the default build and, up to N = ${int(OVERLAP_MAX_N)} (\`BENCH_OVERLAP_MAX_N\`), on the one-index build of the same posts (\`search.partSize: false\`: the overlap table's build), alternating query by query, in batches of 40 in a fresh process (one warm-up query each).`,
      "",
      "- **success@1, success@10, MRR@10**: the target's URL in the complete results' top 10 (MRR@10: the mean of 1/rank, 0 outside the top 10).",
      "- **KB to first results**: what was fetched until the client's first results (`onFirst`: the newest part's answer, the page a reader sees first, where the index has several parts), plus the fragments of that page's 10 results. With one index, or a client that gives no first page, the complete results are the first.",
      "- **KB to complete results**: everything fetched, the first 10 complete results' fragments included. **cold query ms**: from opening the index (Pagefind's module imported afresh) to the complete results' first 10 loaded.",
      "",
      ...nodeTable(entries),
    );
    const chromium = browserTable(entries);
    if (chromium.length > 0)
      lines.push(
        "",
        `In Chromium (the search page, cold, as in the table above; the first ${RELEVANCE_BROWSER} type (a) queries of each corpus): bytes of the \`/pagefind/\` requests, the page's and its Pagefind worker's: the files' own size, and as the server sent them (text gzipped as static hosts send it; Pagefind's index files are gzipped already). First results: the requests before the list was marked \`data-newsroom-search-pending\` (the client's first results in; older parts next) and the first page's fragments until its items showed — without that mark, everything until the list first showed items. Complete: everything until the list was no longer pending and the requests had settled. Milliseconds from navigation to the first items shown and to the last change of the complete list.`,
        "",
        ...chromium,
      );
  }

  if (results.some((r) => r.dev !== undefined))
    lines.push(
      "",
      "## Dev server: one post edited",
      "",
      `Eleventy in watch mode (\`--watch\`, the full config, plain Node) on the corpus; ${DEV_EDITS} posts edited one after another (a marker added to the summary and the body), each timed from saving the file to both its article page and its day page carrying the marker on disk. Includes Eleventy's watcher delay (150 ms write-stability wait); the search index rebuilds in the background meanwhile.`,
      "",
      "| N | first build (watch mode) | save → article and day page written: median (range) |",
      "| ---: | ---: | ---: |",
    );
  for (const r of results) {
    if (typeof r.dev === "string") lines.push(`| ${int(r.n)} | ${r.dev} | |`);
    else if (r.dev)
      lines.push(
        `| ${int(r.n)} | ${s(r.dev.firstBuild)} | ${s(median(r.dev.edits))} (${s(Math.min(...r.dev.edits))}–${s(Math.max(...r.dev.edits))}) |`,
      );
  }
  return lines.join("\n");
}

/** The hand-written "## Notes" section: from the output file, else from the repository's BENCHMARKS.md. */
function notes(): string {
  const marker = "\n## Notes";
  for (const file of [OUT, path.join(root, "BENCHMARKS.md")]) {
    const text = existsSync(file) ? readFileSync(file, "utf8") : "";
    if (text.includes(marker)) return text.slice(text.indexOf(marker));
  }
  return "";
}

function checkDist(): void {
  const built = path.join(root, "dist", "index.js");
  if (!existsSync(built)) throw new Error("dist/ is missing: run `npm run build:lib` first (`npm run bench` does)");
  const builtAt = statSync(built).mtimeMs;
  const newer = readdirSync(path.join(root, "src"), { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && statSync(path.join(e.parentPath, e.name)).mtimeMs > builtAt,
  );
  if (newer.length > 0)
    console.error(`warning: ${newer.length} file(s) in src/ are newer than dist/ (e.g. ${newer[0]!.name}): the full build runs dist/`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  checkDist();
  if (BROWSER && !existsSync(CHROMIUM))
    console.error(`warning: no Chromium at ${CHROMIUM}: the Chromium measurement will fail (BENCH_BROWSER=0 skips it)`);
  const kept = notes();
  const results: Result[] = [];
  for (const n of SIZES) {
    console.error(`N=${n}`);
    results.push(await benchSize(n));
    // Written after each size: a long run that fails later keeps what it measured.
    writeFileSync(OUT, `${report(results)}\n${kept}`);
  }
  console.log(report(results));
  console.error(`written to ${OUT}`);
}
