/**
 * Full-text search: a Pagefind index written inside the build, from the typed posts
 * (no HTML re-parsing), with Vietnamese `đ`/`Đ` made searchable without accents.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { log, NewsroomError } from "../core/errors.ts";
import { BUNDLE_DIR } from "../core/paths.ts";
import type { Post } from "../content/post.ts";
import { bundleStats, type IndexJob, type IndexSummary, type JobRecord } from "./worker.js";
import { type IndexCache, indexFingerprint } from "./cache.ts";

/** A record as Pagefind's `addCustomRecord` takes it. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * Words of `text` that contain `đ`/`Đ`, with those letters folded to `d`/`D`, once each.
 * Pagefind folds other diacritics itself but not `đ` (a letter of its own, not a `d` with a
 * mark), so "dang" would never find "Đảng". These folded words go into a searchable meta
 * field; the content readers see in excerpts stays as written.
 */
export function foldedDWords(text: string): string[] {
  const words = text.normalize("NFC").match(/[\p{L}\p{N}]*[đĐ][\p{L}\p{N}]*/gu) ?? [];
  return [...new Set(words.map((w) => w.replace(/đ/g, "d").replace(/Đ/g, "D")))];
}

/** The meta field holding the folded `đ` words (searchable, never displayed). */
export const FOLD_META = "fold";

/** One post as a search record: body text, display meta, date and topic filters, a date sort key. */
export function searchRecord(post: Post, settings: { language: string; displayDate: (post: Post) => string }): SearchRecord {
  const meta: Record<string, string> = { title: post.title, date: settings.displayDate(post) };
  if (post.image) meta.image = post.image;
  if (post.image_alt) meta.image_alt = post.image_alt;
  const folded = foldedDWords(`${post.title} ${post.text}`);
  if (folded.length > 0) meta[FOLD_META] = folded.join(" ");
  const filters: Record<string, string[]> = {
    year: [post.year],
    month: [`${post.year}-${post.month}`],
    day: [`${post.year}-${post.month}-${post.day}`],
  };
  if (post.category) filters.category = [post.category];
  if (post.tags.length > 0) filters.tag = post.tags;
  return {
    url: post.url,
    content: post.text.normalize("NFC"),
    language: settings.language,
    meta,
    filters,
    // UTC ISO 8601 sorts as text in time order.
    sort: { date: post.date.toISOString().replace(/\.\d{3}Z$/, "Z") },
  };
}

export type { IndexSummary } from "./worker.js";

/**
 * Writes the Pagefind bundle for these records into `<outputDir>/pagefind/`, from a worker
 * thread so that it runs beside Eleventy's rendering. Every Pagefind response is checked;
 * an error names the post concerned.
 */
export function writeSearchIndex(job: IndexJob): Promise<IndexSummary> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: { newsroomSearchJob: job } });
    let settled = false;
    worker.once("message", (message: { ok: true; summary: IndexSummary } | { ok: false; message: string }) => {
      settled = true;
      if (message.ok) resolve(message.summary);
      else reject(new NewsroomError(message.message));
    });
    worker.once("error", (error) => {
      settled = true;
      reject(new NewsroomError(`search: the indexing thread failed: ${error.message}`, { cause: error }));
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new NewsroomError(`search: the indexing thread stopped with code ${code} before finishing`));
    });
  });
}

/**
 * One search index per build, started as soon as the posts are read. Runs never overlap
 * (a rebuild waits for the run before it), and in the dev server a rebuild whose records
 * did not change keeps the index it has.
 */
export class SearchIndexer {
  #run: Promise<IndexSummary | undefined> = Promise.resolve(undefined);
  #lastKey: string | undefined;
  /** Records made in earlier builds, by source file, with what they were made from (dev-server rebuilds). */
  readonly #records = new Map<string, { head: string; text: string; record: JobRecord }>();

  start(
    posts: readonly Post[],
    settings: {
      outputDir: string;
      language: string;
      displayDate: (post: Post) => string;
      reuseUnchanged: boolean;
      cache: IndexCache | undefined;
    },
  ): void {
    // The key covers what the index is made of (not where it goes: a cached index serves any output folder).
    const hash = createHash("sha1").update(`${indexFingerprint()}\n${settings.language}\n`);
    const records = posts.map((post) => {
      const head = JSON.stringify([post.url, post.title, post.date.getTime(), post.image, post.image_alt, post.category, post.tags]);
      hash.update(head).update(post.text);
      const known = this.#records.get(post.inputPath);
      if (known && known.head === head && known.text === post.text) return known.record;
      const record = { ...searchRecord(post, settings), source: post.inputPath };
      this.#records.set(post.inputPath, { head, text: post.text, record });
      return record;
    });
    const job: IndexJob = { records, outputDir: settings.outputDir, bundleDir: BUNDLE_DIR, language: settings.language };
    const key = hash.digest("hex");
    const bundleDir = path.join(job.outputDir, BUNDLE_DIR);
    const previous = this.#run.catch(() => undefined);
    this.#run = previous.then(async () => {
      if (settings.reuseUnchanged && key === this.#lastKey && existsSync(path.join(bundleDir, "pagefind.js"))) return undefined;
      this.#lastKey = undefined;
      const started = performance.now();
      if (settings.cache?.restore(key, bundleDir)) {
        this.#lastKey = key;
        return { records: records.length, ...bundleStats(bundleDir), seconds: (performance.now() - started) / 1000, cached: true };
      }
      const summary = await writeSearchIndex(job);
      this.#lastKey = key;
      try {
        settings.cache?.store(key, bundleDir);
      } catch (error) {
        log.warn(`search: could not cache the index: ${(error as Error).message}`);
      }
      return summary;
    });
    this.#run.catch(() => {}); // raised by finish()
  }

  /** The current run's summary (undefined when the index was kept as it was); rejects with its error. */
  finish(): Promise<IndexSummary | undefined> {
    return this.#run;
  }
}
