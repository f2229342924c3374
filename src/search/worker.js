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
 * @typedef {{ records: JobRecord[], outputDir: string, bundleDir: string, language: string }} IndexJob
 * @typedef {{ records: number, bytes: number, files: number, seconds: number, cached: boolean }} IndexSummary
 */

const UNUSED_BUNDLE_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/**
 * Indexes the records and writes the bundle. Every record is sent at once: the binary works
 * through them while the answers come back. Every response is checked; the service is
 * always closed.
 *
 * @param {IndexJob} job
 * @returns {Promise<IndexSummary>}
 */
export async function indexRecords(job) {
  const started = performance.now();
  const pagefind = await import("pagefind");
  const bundleDir = path.join(job.outputDir, job.bundleDir);
  await rm(bundleDir, { recursive: true, force: true }); // no stale chunks from an earlier build
  try {
    const created = await pagefind.createIndex({ forceLanguage: job.language });
    const index = created.index;
    if (created.errors.length > 0 || !index) throw pagefindError("could not start the search index", created.errors);
    await Promise.all(
      job.records.map(async ({ source, ...record }) => {
        const added = await index.addCustomRecord(record);
        if (added.errors.length > 0) throw pagefindError(`could not index ${source} (${record.url})`, added.errors);
      }),
    );
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw pagefindError(`could not write the search index to ${bundleDir}`, written.errors);
  } finally {
    await pagefind.close();
  }
  // The search page uses Pagefind's JS API only: its packaged UIs (~430 KB) would ship unused.
  for (const file of await readdir(bundleDir)) {
    if (UNUSED_BUNDLE_FILE.test(file)) await rm(path.join(bundleDir, file));
  }
  return { records: job.records.length, ...bundleStats(bundleDir), seconds: (performance.now() - started) / 1000, cached: false };
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
