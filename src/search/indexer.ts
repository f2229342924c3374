/**
 * Full-text search: a Pagefind index written inside the build, from the typed posts
 * (no HTML re-parsing), with Vietnamese `đ`/`Đ` made searchable without accents.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { log, NewsroomError } from "../core/errors.ts";
import { BUNDLE_DIR } from "../core/paths.ts";
import { leftByDeadBuild } from "../core/processes.ts";
import type { Post } from "../content/post.ts";
import { bundleStats, type IndexJob, type IndexSummary, type JobRecord } from "./worker.js";
import { type IndexCache, indexFingerprint } from "./cache.ts";
import { planParts } from "./parts.ts";

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

/** Where parts are written before they are moved into the bundle (…-<run>-<pid>, in the output folder). */
const INDEX_STAGING = ".newsroom-index-";
/** The last index run started in this process, by any indexer; and how many were started. */
let lastRun: Promise<unknown> = Promise.resolve();
let runs = 0;

/** The file listing the parts, in the bundle folder; the search page reads it first. */
export const PARTS_MANIFEST = "parts.json";
/** The folder of the parts, in the bundle folder. */
export const PARTS_DIR = "parts";

/** `parts.json`: what the search page needs to search the parts as one. */
export interface PartsManifest {
  version: 1;
  /** Pagefind's id of the root bundle's one placeholder record (never a result). */
  rootId: string;
  /** What the root bundle was made from (Pagefind's version, the language). */
  rootHash: string;
  parts: { key: string; first: string; last: string; posts: number; hash: string }[];
}

/**
 * Writes Pagefind bundles from a worker thread so that indexing runs beside Eleventy's rendering.
 * Every Pagefind response is checked; an error names the post concerned.
 */
export function writeSearchIndex(job: IndexJob): Promise<{ records: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: { newsroomSearchJob: job } });
    let settled = false;
    worker.once("message", (message: { ok: true; summary: { records: number; seconds: number } } | { ok: false; message: string }) => {
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

/** The root bundle's one record: it gives the search page Pagefind's script, worker and WebAssembly. Never shown. */
const ROOT_RECORD: JobRecord = {
  url: "/",
  content: "newsroomrootplaceholder",
  language: "",
  meta: { title: "" },
  filters: {},
  sort: {},
  source: "(the index's root)",
};

export interface IndexSettings {
  outputDir: string;
  language: string;
  displayDate: (post: Post) => string;
  /** Posts per part (see parts.ts), or false for one index. */
  partSize: number | false;
  cache: IndexCache | undefined;
}

/**
 * The search index of each build, started as soon as the posts are read, written as parts
 * (parts.ts) plus a root bundle holding Pagefind's runtime. A part whose records did not change
 * is kept where it is (building in place), or taken from the cache; only the others are indexed,
 * one after another. Runs never overlap (a rebuild waits for the run before it).
 */
export class SearchIndexer {
  #run: Promise<IndexSummary | undefined> = Promise.resolve(undefined);
  /** Records made in earlier builds, by source file, with what they were made from (dev-server rebuilds). */
  readonly #records = new Map<string, { head: string; text: string; record: JobRecord }>();

  start(posts: readonly Post[], settings: IndexSettings): void {
    const language = settings.language;
    const root = { key: "root", hash: digest(`${indexFingerprint()}\n${language}\nroot`), records: () => [{ ...ROOT_RECORD, language }] };
    const parts = planParts(posts, settings.partSize).map((part) => {
      // The hash covers what the part's index is made of (not where it goes: a cached part serves
      // any output folder). Records are made only for the parts that are indexed again.
      const hash = createHash("sha1").update(`${indexFingerprint()}\n${language}\n`);
      for (const post of part.posts) hash.update(recordSource(post, settings)).update(post.text);
      return { ...part, hash: hash.digest("hex"), records: () => part.posts.map((post) => this.#record(post, settings)) };
    });
    const bundleDir = path.join(settings.outputDir, BUNDLE_DIR);
    // Runs never overlap, not even those of two indexers in one process (Eleventy's watch mode can
    // set the plugin up again): they would write the same bundle.
    const previous = lastRun.catch(() => undefined);
    this.#run = previous.then(async () => {
      const started = performance.now();
      const present = readManifest(bundleDir);
      const kept = new Set(present && existsSync(path.join(bundleDir, "pagefind.js")) ? present.parts.map((p) => p.hash) : []);
      const rootKept = present !== undefined && kept.size > 0 && present.rootHash === root.hash;
      const changed = parts.filter((part) => !kept.has(part.hash) || !existsSync(path.join(bundleDir, PARTS_DIR, part.key)));
      if (changed.length === 0 && rootKept) return undefined; // the dev server's rebuild with the same records

      // From here the bundle is being changed: without a manifest, a build killed now is redone in full.
      rmSync(path.join(bundleDir, PARTS_MANIFEST), { force: true });
      const staging = path.join(settings.outputDir, `${INDEX_STAGING}${++runs}-${process.pid}`);
      rmSync(staging, { recursive: true, force: true });
      for (const name of existsSync(settings.outputDir) ? readdirSync(settings.outputDir) : []) {
        if (name.startsWith(INDEX_STAGING) && leftByDeadBuild(name))
          rmSync(path.join(settings.outputDir, name), { recursive: true, force: true });
      }
      const toIndex: { key: string; hash: string; records: () => JobRecord[] }[] = [];
      for (const bundle of rootKept ? changed : [root, ...changed]) {
        const target = bundle === root ? path.join(staging, "root") : path.join(bundleDir, PARTS_DIR, bundle.key);
        if (!settings.cache?.restore(bundle.hash, target)) toIndex.push(bundle);
      }
      if (toIndex.length > 0) {
        await writeSearchIndex({
          language,
          bundles: toIndex.map((b) => ({ outputPath: path.join(staging, b.key), records: b.records(), runtime: b === root })),
        });
      }
      for (const bundle of toIndex) {
        const written = path.join(staging, bundle.key);
        try {
          settings.cache?.store(bundle.hash, written);
        } catch (error) {
          log.warn(`search: could not cache the index part ${bundle.key}: ${(error as Error).message}`);
        }
        if (bundle !== root) moveInto(written, path.join(bundleDir, PARTS_DIR, bundle.key));
      }
      if (!rootKept) moveRootInto(path.join(staging, "root"), bundleDir);
      rmSync(staging, { recursive: true, force: true });
      // Parts no longer planned (their posts gone or re-dated) leave nothing behind.
      const planned = new Set(parts.map((p) => p.key));
      const partsDir = path.join(bundleDir, PARTS_DIR);
      mkdirSync(partsDir, { recursive: true });
      for (const name of readdirSync(partsDir)) if (!planned.has(name)) rmSync(path.join(partsDir, name), { recursive: true, force: true });
      settings.cache?.keepOnly([root.hash, ...parts.map((p) => p.hash)]);

      const manifest: PartsManifest = {
        version: 1,
        rootId: rootRecordId(bundleDir),
        rootHash: root.hash,
        parts: parts.map(({ key, first, last, posts, hash }) => ({ key, first, last, posts: posts.length, hash })),
      };
      writeFileSync(path.join(bundleDir, PARTS_MANIFEST), `${JSON.stringify(manifest)}\n`);
      return {
        records: posts.length,
        ...bundleStats(bundleDir),
        seconds: (performance.now() - started) / 1000,
        cached: toIndex.length === 0,
        parts: parts.length,
        indexed: toIndex.filter((b) => b !== root).length,
      };
    });
    lastRun = this.#run;
    this.#run.catch(() => {}); // raised by finish()
  }

  /** The current run's summary (undefined when the index was kept as it was); rejects with its error. */
  finish(): Promise<IndexSummary | undefined> {
    return this.#run;
  }

  /** A post's record, made once per version of the post (the dev server rebuilds often). */
  #record(post: Post, settings: IndexSettings): JobRecord {
    const head = recordSource(post, settings);
    const known = this.#records.get(post.inputPath);
    if (known && known.head === head && known.text === post.text) return known.record;
    const record = { ...searchRecord(post, settings), source: post.inputPath };
    this.#records.set(post.inputPath, { head, text: post.text, record });
    return record;
  }
}

/** Everything but the text that a post's record is made from (the display date depends on the locale and zone). */
function recordSource(post: Post, settings: Pick<IndexSettings, "displayDate">): string {
  return JSON.stringify([
    post.url,
    post.title,
    post.date.getTime(),
    settings.displayDate(post),
    post.image,
    post.image_alt,
    post.category,
    post.tags,
  ]);
}

function digest(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

function readManifest(bundleDir: string): PartsManifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(bundleDir, PARTS_MANIFEST), "utf8")) as PartsManifest;
  } catch {
    return undefined;
  }
}

/** Replaces `to` with the folder `from` (a rename: a part appears whole or not at all). */
function moveInto(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(path.dirname(to), { recursive: true });
  renameSync(from, to);
}

/** The root bundle's files go to the top of the bundle folder, beside `parts/`. */
function moveRootInto(from: string, bundleDir: string): void {
  mkdirSync(bundleDir, { recursive: true });
  for (const name of readdirSync(bundleDir)) {
    if (name !== PARTS_DIR && name !== PARTS_MANIFEST) rmSync(path.join(bundleDir, name), { recursive: true, force: true });
  }
  for (const name of readdirSync(from)) renameSync(path.join(from, name), path.join(bundleDir, name));
}

/** The id Pagefind gave the root's placeholder record: the name of the root's one fragment. */
function rootRecordId(bundleDir: string): string {
  const fragment = readdirSync(path.join(bundleDir, "fragment")).find((name) => name.endsWith(".pf_fragment"));
  if (!fragment) throw new NewsroomError(`search: the index's root bundle in ${bundleDir} has no record`);
  return fragment.replace(/\.pf_fragment$/, "");
}
