// Runs Pagefind's Node API on a thread of its own. Eleventy's rendering keeps the main
// thread's event loop busy with promise callbacks, which starves the pipe to Pagefind's
// binary; here the binary is fed as fast as it reads, on the second core.
// Plain JavaScript, so that the thread starts without a TypeScript loader.
import { readdirSync, statSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { isMainThread, parentPort, workerData } from "node:worker_threads";

/**
 * @typedef {{ url: string, content: string, language: string, meta: Record<string, string>,
 *   filters: Record<string, string[]>, sort: Record<string, string>, source: string }} JobRecord
 * @typedef {{ outputPath: string, records: JobRecord[], runtime: boolean }} BundleJob
 *   one Pagefind bundle to write; `runtime: false` drops Pagefind's script, worker and
 *   WebAssembly from it (an index part: the root bundle's serve every part)
 * @typedef {{ bundles: BundleJob[], language: string }} IndexJob
 * @typedef {{ records: number, bytes: number, files: number, seconds: number, cached: boolean,
 *   parts: number, indexed: number }} IndexSummary
 *   `parts`: the index's parts; `indexed`: how many this build indexed (the others were unchanged
 *   or came from the cache); `cached`: nothing needed Pagefind
 */

const UNUSED_BUNDLE_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;
const RUNTIME_FILE = /^(pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;

/**
 * Writes the bundles one after another, each by a Pagefind service of its own that is closed
 * before the next starts: Pagefind's memory is bounded by the largest bundle, not by all.
 *
 * @param {IndexJob} job
 * @returns {Promise<{ records: number, seconds: number }>}
 */
export async function indexRecords(job) {
  const started = performance.now();
  const pagefind = await import("pagefind");
  let records = 0;
  for (const bundle of job.bundles) {
    await writeBundle(pagefind, bundle, job.language);
    records += bundle.records.length;
  }
  return { records, seconds: (performance.now() - started) / 1000 };
}

/**
 * Indexes one bundle's records and writes it. Every record is sent at once: the binary works
 * through them while the answers come back. Every response is checked; the service is always
 * closed.
 *
 * @param {typeof import("pagefind")} pagefind
 * @param {BundleJob} bundle
 * @param {string} language
 */
async function writeBundle(pagefind, bundle, language) {
  await rm(bundle.outputPath, { recursive: true, force: true }); // no stale chunks from an earlier build
  try {
    const created = await pagefind.createIndex({ forceLanguage: language });
    const index = created.index;
    if (created.errors.length > 0 || !index) throw pagefindError("could not start the search index", created.errors);
    await Promise.all(
      bundle.records.map(async ({ source, ...record }) => {
        const added = await index.addCustomRecord(record);
        if (added.errors.length > 0) throw pagefindError(`could not index ${source} (${record.url})`, added.errors);
      }),
    );
    const written = await index.writeFiles({ outputPath: bundle.outputPath });
    if (written.errors.length > 0) throw pagefindError(`could not write the search index to ${bundle.outputPath}`, written.errors);
  } finally {
    await pagefind.close();
  }
  // The search page uses Pagefind's JS API only: its packaged UIs (~430 KB) would ship unused.
  for (const file of await readdir(bundle.outputPath)) {
    if (UNUSED_BUNDLE_FILE.test(file) || (!bundle.runtime && RUNTIME_FILE.test(file))) await rm(path.join(bundle.outputPath, file));
  }
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

if (!isMainThread && workerData?.newsroomSearchJob) {
  indexRecords(workerData.newsroomSearchJob).then(
    (summary) => parentPort?.postMessage({ ok: true, summary }),
    (error) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
}
