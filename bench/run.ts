/**
 * `npm run bench`: builds generated corpora with bare Eleventy (the baseline) and with
 * Newsroom, alternating, and writes BENCHMARKS.md.
 *
 *   npm run bench                 # N = 1000, 4000, 10000, 20000 (about 25 minutes on 2 cores)
 *   npm run bench -- 1000 4000    # chosen sizes (100000 on request)
 *   BENCH_RUNS=5 npm run bench    # runs per build kind (default 3)
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "./corpus.ts";
import { type DevEditResult, measureDevEdits } from "./dev-edit.ts";
import { coldQueryBytes } from "./query-bytes.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const work = path.join(root, "bench", ".work");
const eleventyCli = path.join(root, "node_modules/@11ty/eleventy/cmd.cjs");
const tsx = import.meta.resolve("tsx");

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [1000, 4000, 10000, 20000];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const QUERIES = ["sông mã", "dang bo", "kinh tế", "đường điện"];
/** Posts edited one after another under the dev server (watch mode), per corpus up to DEV_MAX_N. */
const DEV_EDITS = 5;
const DEV_MAX_N = 20000;

interface Run {
  seconds: number;
  peakBytes: number;
  /** Seconds Pagefind took, from the build's summary line (full builds only). */
  indexSeconds: number | undefined;
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
      if (code !== 0) reject(new Error(`${args.join(" ")} exited ${code}\n${stderr.slice(-2000)}`));
      else {
        const index = /search index [\d.]+ MB \(([\d.]+) s\)/.exec(stdout);
        resolve({ seconds: (performance.now() - started) / 1000, peakBytes: peak, indexSeconds: index ? Number(index[1]) : undefined });
      }
    });
  });
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
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    if (entry.name.endsWith(".html")) pages++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { bytes, files, pages };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;

interface Result {
  n: number;
  bare: Run[];
  full: Run[];
  bareOut: ReturnType<typeof folderStats>;
  fullOut: ReturnType<typeof folderStats>;
  index: ReturnType<typeof folderStats>;
  queries: { query: string; bytes: number; files: number; results: number }[];
  dev: DevEditResult | undefined;
  /** A full build after one whose posts were the same: the index comes from the cache. */
  warm: Run | undefined;
}

async function benchSize(n: number): Promise<Result> {
  const corpus = writeCorpus(path.join(work, `corpus-${n}`), { count: n, vocabularyFrom: path.join(root, "posts") });
  const bareOutDir = path.join(work, `out-bare-${n}`);
  const fullOutDir = path.join(work, `out-full-${n}`);
  const bareArgs = [
    "--import",
    tsx,
    eleventyCli,
    `--config=${path.join(root, "bench/bare.config.js")}`,
    `--input=${path.join(corpus, "posts")}`,
    `--output=${bareOutDir}`,
    "--quiet",
  ];
  const fullArgs = [
    "--import",
    tsx,
    eleventyCli,
    `--config=${path.join(root, "bench/full.config.ts")}`,
    `--input=${corpus}`,
    `--output=${fullOutDir}`,
    "--quiet",
  ];
  const result: Result = {
    n,
    bare: [],
    full: [],
    bareOut: { bytes: 0, files: 0, pages: 0 },
    fullOut: { bytes: 0, files: 0, pages: 0 },
    index: { bytes: 0, files: 0, pages: 0 },
    queries: [],
    dev: undefined,
    warm: undefined,
  };
  // Full builds run as users run them, with the index cache on: empty (cleared) for every timed run,
  // then one more run over the kept cache ("rebuild, posts unchanged").
  const cacheDir = path.join(work, `index-cache-${n}`);
  const cacheEnv = { NEWSROOM_BENCH_CACHE: cacheDir };
  for (let i = 0; i < RUNS; i++) {
    for (const [kind, args, out] of [
      ["bare", bareArgs, bareOutDir],
      ["full", fullArgs, fullOutDir],
    ] as const) {
      rmSync(out, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
      const run = await measure(args, root, kind === "full" ? cacheEnv : {});
      result[kind].push(run);
      console.error(`  N=${n} ${kind} run ${i + 1}/${RUNS}: ${s(run.seconds)}, peak ${mb(run.peakBytes)}`);
    }
  }
  rmSync(fullOutDir, { recursive: true, force: true });
  result.warm = await measure(fullArgs, root, cacheEnv);
  console.error(`  N=${n} full rebuild, posts unchanged: ${s(result.warm.seconds)}, peak ${mb(result.warm.peakBytes)}`);
  result.bareOut = folderStats(bareOutDir);
  result.fullOut = folderStats(fullOutDir);
  result.index = folderStats(path.join(fullOutDir, "pagefind"));
  for (const query of QUERIES) result.queries.push({ query, ...(await coldQueryBytes(fullOutDir, query)) });
  if (n <= DEV_MAX_N) {
    result.dev = await measureDevEdits(corpus, DEV_EDITS);
    console.error(`  N=${n} dev server: first build ${s(result.dev.firstBuild)}, edits ${result.dev.edits.map(s).join(", ")}`);
  }
  return result;
}

function report(results: Result[]): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const lines = [
    "# Benchmarks",
    "",
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}), ${mb(os.totalmem())} RAM, Node ${process.version}, ${RUNS} runs of each build, alternating.`,
    "",
    "- **bare**: Eleventy alone, the same posts as article pages with one layout (no archives, no search, no plugin).",
    "- **full**: Newsroom — article pages, home pages, year/month/day archives, archive index, search page, Pagefind index, feeds and sitemap, service worker and offline page.",
    "- Both run through `tsx` the same way; times are wall-clock for the whole command, memory is the peak resident size of the whole process tree (Pagefind's binary included), sampled every 50 ms.",
    "- Corpus: generated by `bench/corpus.ts` (seeded), Vietnamese text with a vocabulary of thousands of syllables, 12 years of dates in Asia/Ho_Chi_Minh, 12 categories, 400 tags, ~1% drafts.",
    "",
    "| N | bare median (spread) | full median (spread) | full / bare | full peak memory | bare peak memory | pages written (full) | posts/s (full) | output (full) | search index | indexing (beside rendering) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of results) {
    const b = r.bare.map((x) => x.seconds);
    const f = r.full.map((x) => x.seconds);
    lines.push(
      `| ${r.n.toLocaleString("en")} | ${s(median(b))} (${s(Math.min(...b))}–${s(Math.max(...b))}) | ${s(median(f))} (${s(Math.min(...f))}–${s(Math.max(...f))}) | ${(median(f) / median(b)).toFixed(2)}× | ${mb(Math.max(...r.full.map((x) => x.peakBytes)))} | ${mb(Math.max(...r.bare.map((x) => x.peakBytes)))} | ${r.fullOut.pages.toLocaleString("en")} | ${Math.round(r.n / median(f)).toLocaleString("en")} | ${mb(r.fullOut.bytes)} | ${mb(r.index.bytes)} in ${r.index.files.toLocaleString("en")} files | ${s(median(r.full.map((x) => x.indexSeconds ?? Number.NaN)))} |`,
    );
  }
  lines.push("", "Per-post time (full median / N):", "");
  for (const r of results)
    lines.push(`- N=${r.n.toLocaleString("en")}: ${((median(r.full.map((x) => x.seconds)) / r.n) * 1000).toFixed(2)} ms/post`);
  lines.push(
    "",
    "## Cold first query",
    "",
    "Bytes of Pagefind files fetched for a first query in a fresh page (pagefind.js, its WebAssembly, entry, metadata, index chunks and the fragments of the first 10 results), measured by running Pagefind's own `pagefind.js` in Node with a counting `fetch`.",
    "",
  );
  lines.push(`| N | ${QUERIES.map((q) => `“${q}”`).join(" | ")} |`, `| ---: | ${QUERIES.map(() => "---:").join(" | ")} |`);
  for (const r of results)
    lines.push(
      `| ${r.n.toLocaleString("en")} | ${r.queries.map((q) => `${kb(q.bytes)} (${q.files} files, ${q.results} hits)`).join(" | ")} |`,
    );
  lines.push(
    "",
    "## Rebuild with unchanged posts",
    "",
    "A full build right after one with the same posts (a template or stylesheet change, a redeploy): the search index is copied from the cache (`.cache/newsroom`, keyed by the records) instead of being built. The timed full builds above start with an empty cache, as a first build does.",
    "",
    "| N | full, cold (median) | full, posts unchanged | bare (median) | unchanged / bare | peak memory |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const r of results) {
    if (!r.warm) continue;
    const bare = median(r.bare.map((x) => x.seconds));
    lines.push(
      `| ${r.n.toLocaleString("en")} | ${s(median(r.full.map((x) => x.seconds)))} | ${s(r.warm.seconds)} | ${s(bare)} | ${(r.warm.seconds / bare).toFixed(2)}× | ${mb(r.warm.peakBytes)} |`,
    );
  }
  lines.push(
    "",
    "## Dev server: one post edited",
    "",
    `Eleventy in watch mode (\`--watch\`, the full config) on the corpus; ${DEV_EDITS} posts edited one after another (a marker added to the summary and the body), each timed from saving the file to both its article page and its day page carrying the marker on disk. Includes Eleventy's watcher delay (150 ms write-stability wait); the search index rebuilds in the background meanwhile.`,
    "",
    "| N | first build (watch mode) | save → article and day page written: median (range) |",
    "| ---: | ---: | ---: |",
  );
  for (const r of results) {
    if (r.dev)
      lines.push(
        `| ${r.n.toLocaleString("en")} | ${s(r.dev.firstBuild)} | ${s(median(r.dev.edits))} (${s(Math.min(...r.dev.edits))}–${s(Math.max(...r.dev.edits))}) |`,
      );
  }
  return lines.join("\n");
}

const results: Result[] = [];
for (const n of SIZES) {
  console.error(`N=${n}`);
  results.push(await benchSize(n));
}
const table = report(results);
const file = path.join(root, "BENCHMARKS.md");
const notesMarker = "\n## Notes";
const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
const notes = previous.includes(notesMarker) ? previous.slice(previous.indexOf(notesMarker)) : "";
writeFileSync(file, `${table}\n${notes}`);
console.log(table);
