// Runs Pagefind's Node API on a thread of its own. Eleventy's rendering keeps the main
// thread's event loop busy with promise callbacks, which starves the pipe to Pagefind's
// binary; here the binary is fed as fast as it reads, on the second core.
// Plain JavaScript, so that the thread starts without a TypeScript loader.
import childProcess from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { isMainThread, parentPort, workerData } from "node:worker_threads";

/**
 * @typedef {{ url: string, content: string, language: string, meta: Record<string, string>,
 *   filters: Record<string, string[]>, sort: Record<string, string>, source: string }} JobRecord
 * @typedef {{ outputPath: string, records: JobRecord[], runtime: boolean }} BundleJob
 *   one Pagefind bundle to write; `runtime: false` drops Pagefind's script from it (an older
 *   part: the page imports the root's), keeping its web worker and WebAssembly, which Pagefind
 *   loads from the bundle a search opens first (a date filter may open older parts only)
 * @typedef {{ bundles: Iterable<BundleJob> | AsyncIterable<BundleJob>, language: string }} IndexJob
 *   the bundles are taken one at a time, so that only one bundle's records are held at once
 * @typedef {{ language: string, first: BundleJob | undefined }} ThreadJob
 *   the job as the thread is started with: its first bundle given at once, the others asked for
 * @typedef {{ records: number, bytes: number, files: number, seconds: number, cached: boolean,
 *   parts: number, indexed: number }} IndexSummary
 *   `parts`: the index's parts; `indexed`: how many this build indexed (the others were unchanged
 *   or came from the cache); `cached`: nothing needed Pagefind
 */

const UNUSED_BUNDLE_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;
const RUNTIME_FILE = /^pagefind\.js$/;

/**
 * Writes the bundles one after another with one Pagefind service, each index deleted from it
 * before the next starts: Pagefind's memory is bounded by the largest bundle, not by all, and
 * its binary starts once (a start costs ~0.1 s). If the binary dies, the job fails saying so,
 * with its exit code and the end of what it printed.
 *
 * @param {IndexJob} job
 * @returns {Promise<{ records: number, seconds: number }>}
 */
export async function indexRecords(job) {
  const started = performance.now();
  const binary = watchPagefindBinary();
  const pagefind = await import("pagefind");
  let records = 0;
  try {
    for await (const bundle of job.bundles) {
      await Promise.race([writeBundle(pagefind, bundle, job.language), binary.died(bundle.outputPath)]);
      records += bundle.records.length;
    }
  } finally {
    binary.stopWatching();
    await pagefind.close();
  }
  return { records, seconds: (performance.now() - started) / 1000 };
}

/**
 * Indexes one bundle's records and writes it. Every record is sent at once: the binary works
 * through them while the answers come back. Every response is checked.
 *
 * @param {typeof import("pagefind")} pagefind
 * @param {BundleJob} bundle
 * @param {string} language
 */
async function writeBundle(pagefind, bundle, language) {
  await rm(bundle.outputPath, { recursive: true, force: true }); // no stale chunks from an earlier build
  const created = await pagefind.createIndex({ forceLanguage: language });
  const index = created.index;
  if (created.errors.length > 0 || !index) throw pagefindError("could not start the search index", created.errors);
  try {
    await Promise.all(
      bundle.records.map(async ({ source, ...record }) => {
        const added = await index.addCustomRecord(record);
        if (added.errors.length > 0) throw pagefindError(`could not index ${source} (${record.url})`, added.errors);
      }),
    );
    const written = await index.writeFiles({ outputPath: bundle.outputPath });
    if (written.errors.length > 0) throw pagefindError(`could not write the search index to ${bundle.outputPath}`, written.errors);
  } finally {
    await index.deleteIndex();
  }
  // The search page uses Pagefind's JS API only: its packaged UIs (~430 KB) would ship unused.
  for (const file of await readdir(bundle.outputPath)) {
    if (UNUSED_BUNDLE_FILE.test(file) || (!bundle.runtime && RUNTIME_FILE.test(file))) await rm(path.join(bundle.outputPath, file));
  }
}

/**
 * Pagefind's Node API starts its binary with `child_process.spawn` and, should the binary die,
 * leaves its requests waiting forever. This watches the binary it starts (its stderr is still
 * shown, and its end kept) so that a dead binary fails the job with its exit code and output.
 */
function watchPagefindBinary() {
  const originalSpawn = childProcess.spawn;
  /** @type {(binary: { command: string, output: string, exit: Promise<{ code: number | null, signal: string | null }> }) => void} */
  let started = () => {};
  /** @type {Promise<{ command: string, output: string, exit: Promise<{ code: number | null, signal: string | null }> }>} */
  const binary = new Promise((resolve) => (started = resolve));
  let watching = true;
  childProcess.spawn = /** @type {typeof childProcess.spawn} */ (
    /**
     * @this {unknown}
     * @param {string} command
     * @param {readonly string[] | undefined} args
     * @param {import("node:child_process").SpawnOptions} options
     */
    function (command, args, options) {
      const child = originalSpawn.call(this, command, args ?? [], { ...options, stdio: ["pipe", "pipe", "pipe"] });
      const watched = {
        command: String(command),
        output: "",
        exit: new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal }))),
      };
      child.stderr?.on("data", (data) => {
        watched.output = (watched.output + data).slice(-2000);
        if (watching) process.stderr.write(data);
      });
      started(watched);
      return child;
    }
  );
  return {
    /** Rejects if the binary ends while `what` is being written. @param {string} what @returns {Promise<never>} */
    died(what) {
      return new Promise((_, reject) => {
        binary.then(async (current) => {
          const { code, signal } = await current.exit;
          if (!watching) return;
          const printed = current.output.trim();
          reject(
            new Error(
              `search: Pagefind's binary (${current.command}) stopped with ${signal ? `signal ${signal}` : `exit code ${code}`} while writing ${what}; ${printed ? `it printed:\n${printed}` : "it printed nothing"}`,
            ),
          );
        });
      });
    },
    stopWatching() {
      watching = false;
      childProcess.spawn = originalSpawn;
    },
  };
}

/**
 * Size and file count of a written bundle (synchronous: thousands of awaited stats would wait
 * behind Eleventy's rendering on the main thread).
 * @param {string} bundleDir
 * @returns {{ bytes: number, files: number }}
 */
export function bundleStats(bundleDir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(bundleDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** @param {string} what @param {readonly string[]} errors */
function pagefindError(what, errors) {
  return new Error(`search: ${what}: Pagefind says: ${errors.join("; ") || "no details"}`);
}

/**
 * The bundles of the indexing thread's job: the first one handed over with the thread (the main thread may be busy
 * for seconds once it has started it: the related lists, the page keys), the others asked of the main thread one at a
 * time (`{ next: true }`; it answers `{ bundle }`, or `{ end: true }`): their records are made and copied over only
 * when Pagefind is ready for them, and dropped once written.
 * @param {import("node:worker_threads").MessagePort} port
 * @param {BundleJob | undefined} first
 * @returns {AsyncIterable<BundleJob>}
 */
async function* bundlesFromMainThread(port, first) {
  if (first) yield first;
  for (;;) {
    /** @type {Promise<{ bundle?: BundleJob }>} */
    const answer = new Promise((resolve) => port.once("message", resolve));
    port.postMessage({ next: true });
    const { bundle } = await answer;
    if (!bundle) return;
    yield bundle;
  }
}

if (!isMainThread && parentPort && workerData?.newsroomSearchJob) {
  const { first, ...job } = workerData.newsroomSearchJob;
  indexRecords({ ...job, bundles: bundlesFromMainThread(parentPort, first) }).then(
    (summary) => parentPort?.postMessage({ ok: true, summary }),
    (error) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
}
