/**
 * Full-text search: a Pagefind index written inside the build, from the typed posts
 * (no HTML re-parsing), with Vietnamese `đ`/`Đ` made searchable without accents.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { NewsroomError } from "../../kernel/errors.ts";
import type { Logger } from "../../kernel/log.ts";
import { processLock } from "../../kernel/per-process.ts";
import { BUNDLE_DIR } from "../../kernel/paths.ts";
import { leftByDeadBuild } from "../../kernel/processes.ts";
import type { Post } from "../../posts/post.ts";
import { type BundleJob, bundleStats, type IndexSummary, type JobRecord, type ThreadJob } from "./worker.js";
import { type IndexCache, indexFingerprint } from "./cache.ts";
import { planParts } from "./parts.ts";
import type { DMeta, PartsManifest, PositionDigits, SearchFilters, SearchMeta, SearchSort, TitleMeta } from "./contract.js";

/** A record as Pagefind's `addCustomRecord` takes it; its meta, filters and sort keys as the search page reads them (contract.d.ts). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: SearchMeta;
  filters: SearchFilters;
  sort: SearchSort;
}

/**
 * Text as the index holds it: NFC (Pagefind's exact-accent boost needs it), with `đ`/`Đ` written
 * `d`/`D`. Pagefind folds other diacritics but not `đ` (a letter of its own, not a `d` with a
 * mark), so "dang bo" would never find "Đảng bộ", nor the quoted phrase match. What readers see
 * gets the letters back from `dPositions` (the search page's restoreD).
 */
export function foldD(text: string): string {
  return text.normalize("NFC").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/**
 * Digits of the numbers in `dPositions`: punctuation only, so that the meta field, which Pagefind
 * indexes like any meta, adds no word to the index. The search page's restoreD reads them back.
 */
const POSITION_DIGITS: PositionDigits = "!#$%&()*+,-/:;<=";

function positionNumber(n: number): string {
  return [...n.toString(16)].map((digit) => POSITION_DIGITS[Number.parseInt(digit, 16)]).join("");
}

/**
 * Where `text` has `đ`/`Đ`, as the search page's restoreD reads it: for each word (a run of
 * non-space characters) that has them, its index among the words (the difference to the previous
 * entry), then, when not all of the word's d/D letters were đ/Đ, "." and a bit mask of which were
 * (least significant bit: its first d/D); numbers in POSITION_DIGITS. "" when there are none.
 */
export function dPositions(text: string): string {
  const entries: string[] = [];
  let previous = 0;
  let index = -1;
  for (const [word] of text.normalize("NFC").matchAll(/\S+/g)) {
    index++;
    if (!/[đĐ]/.test(word)) continue;
    const letters = word.match(/[dDđĐ]/g)!;
    const mask = letters.reduce((bits, letter, bit) => (letter === "đ" || letter === "Đ" ? bits | (1 << bit) : bits), 0);
    const all = mask === 2 ** letters.length - 1;
    entries.push(`${positionNumber(index - previous)}${all || letters.length > 30 ? "" : `.${positionNumber(mask)}`}`);
    previous = index;
  }
  return entries.join(" ");
}

/** The meta field holding `dPositions` of the content (never displayed). */
const D_META: DMeta = "d";
/** The meta field holding the title as the index holds words (searchable, ranked as the title; never displayed). */
const TITLE_META: TitleMeta = "t";

/** One post as a search record: body text, display meta, date and topic filters, a date sort key. */
export function searchRecord(post: Post, settings: { language: string; displayDate: (post: Post) => string }): SearchRecord {
  const meta: SearchMeta = { title: post.title, [TITLE_META]: foldD(post.title), date: settings.displayDate(post) };
  if (post.image) meta.image = post.image;
  if (post.image_alt) meta.image_alt = post.image_alt;
  const positions = dPositions(post.text);
  if (positions) meta[D_META] = positions;
  const filters: SearchFilters = {
    year: [post.year],
    month: [`${post.year}-${post.month}`],
    day: [`${post.year}-${post.month}-${post.day}`],
  };
  if (post.category) filters.category = [post.category];
  if (post.tags.length > 0) filters.tag = post.tags;
  return {
    url: post.url,
    content: foldD(post.text),
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
/**
 * Index runs, one at a time in the process: two indexers of one process (Eleventy's watch mode can
 * set the plugin up again, two copies of the plugin can be loaded) would write the same bundle.
 */
const indexRuns = processLock("search-index");

/** The file listing the parts, in the bundle folder; the search page reads it first. */
const PARTS_MANIFEST = "parts.json";
/** The folder of the older parts, in the bundle folder (the newest part is the bundle folder itself). */
const PARTS_DIR = "parts";

type WorkerMessage = { next: true } | { ok: true; summary: { records: number; seconds: number } } | { ok: false; message: string };

/**
 * Writes Pagefind bundles from a worker thread so that indexing runs beside Eleventy's rendering.
 * The thread starts with the first bundle (it indexes while the main thread is busy) and asks for the
 * others one at a time: a bundle's records are made (and copied to the thread) only then, so one
 * part's records are in memory at once, not the whole archive's. Every Pagefind response is checked;
 * an error names the post concerned.
 */
function writeSearchIndex(language: string, bundles: Iterator<BundleJob>): Promise<{ records: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const first = bundles.next();
    const job: ThreadJob = { language, first: first.done ? undefined : first.value };
    const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: { newsroomSearchJob: job } });
    let settled = false;
    worker.on("message", (message: WorkerMessage) => {
      if ("next" in message) {
        try {
          const next = bundles.next();
          worker.postMessage(next.done ? { end: true } : { bundle: next.value });
        } catch (error) {
          settled = true;
          reject(error);
          void worker.terminate();
        }
        return;
      }
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

export interface IndexSettings {
  outputDir: string;
  language: string;
  displayDate: (post: Post) => string;
  /** Most posts in one index (see parts.ts), or false for one index whatever the size. */
  partSize: number | false;
  cache: IndexCache | undefined;
  /**
   * Keeps each post's record for the next build of this process (the dev server rebuilds often, and
   * mostly with the same posts). A one-off build keeps none: 100,000 records hold about a gigabyte.
   */
  reuseRecords: boolean;
}

/**
 * The search index of each build, started as soon as the posts are read: one standard Pagefind
 * bundle while the archive fits one index, else parts by publication date (parts.ts) — the newest
 * at the bundle folder itself, with Pagefind's runtime, the older ones under `parts/`. A part whose
 * records did not change is kept where it is (building in place), or taken from the cache; only
 * the others are indexed, one after another. Runs never overlap (a rebuild waits for the run before it).
 */
export class SearchIndexer {
  #run: Promise<IndexSummary | undefined> = Promise.resolve(undefined);
  #underway: Promise<void> = Promise.resolve();
  /** Records made in earlier builds, by source file, with what they were made from (dev-server rebuilds). */
  readonly #records = new Map<string, { head: string; text: string; record: JobRecord }>();
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  start(posts: readonly Post[], settings: IndexSettings): void {
    const language = settings.language;
    const planned = planParts(posts, settings.partSize);
    const parts = planned.map((part, i) => {
      const root = i === planned.length - 1;
      // The hash covers what the part's index is made of (not where it goes: a cached part serves
      // any output folder), and whether it carries Pagefind's runtime. Records are made only for
      // the parts that are indexed again.
      const hash = createHash("sha1").update(`${indexFingerprint()}\n${language}\n${root ? "root" : "part"}\n`);
      for (const post of part.posts) hash.update(recordSource(post, settings)).update(post.text);
      return {
        ...part,
        root,
        path: root ? "" : `${PARTS_DIR}/${part.key}/`,
        hash: hash.digest("hex"),
        records: () => part.posts.map((post) => this.#record(post, settings)),
      };
    });
    const bundleDir = path.join(settings.outputDir, BUNDLE_DIR);
    const placeOf = (part: (typeof parts)[number]) => path.join(bundleDir, part.path);
    let underway = () => {};
    this.#underway = new Promise<void>((resolve) => (underway = resolve));
    // Runs never overlap, not even those of two indexers in one process (indexRuns).
    this.#run = indexRuns.run(async (turn) => {
      const started = performance.now();
      const present = readManifest(bundleDir);
      const kept = new Set(
        present?.version === 2 && existsSync(path.join(bundleDir, "pagefind.js")) ? present.parts.map((p) => `${p.hash} ${p.path}`) : [],
      );
      const changed = parts.filter(
        (part) => !kept.has(`${part.hash} ${part.path}`) || !existsSync(path.join(placeOf(part), "pagefind-entry.json")),
      );
      if (changed.length === 0) return undefined; // the dev server's rebuild with the same records (underway: finally)

      // From here the bundle is being changed: without a manifest, a build killed now is redone in full.
      rmSync(path.join(bundleDir, PARTS_MANIFEST), { force: true });
      const staging = path.join(settings.outputDir, `${INDEX_STAGING}${turn}-${process.pid}`);
      rmSync(staging, { recursive: true, force: true });
      for (const name of existsSync(settings.outputDir) ? readdirSync(settings.outputDir) : []) {
        if (name.startsWith(INDEX_STAGING) && leftByDeadBuild(name))
          rmSync(path.join(settings.outputDir, name), { recursive: true, force: true });
      }
      // The indexing thread first (it works on the second core from now on), then the cached parts taken.
      const write = (some: typeof parts) => {
        const bundles = function* () {
          for (const part of some) yield { outputPath: path.join(staging, part.key), records: part.records(), runtime: part.root };
        };
        return some.length > 0 ? writeSearchIndex(language, bundles()) : Promise.resolve();
      };
      const toIndex = changed.filter((part) => !settings.cache?.has(part.hash));
      const writing = write(toIndex);
      writing.catch(() => {}); // awaited below, after the cached parts are taken
      underway();
      const cached = changed.filter((part) => !toIndex.includes(part));
      const taken = await Promise.all(cached.map((part) => settings.cache?.restore(part.hash, path.join(staging, part.key)) ?? false));
      const notTaken = cached.filter((_, i) => !taken[i]);
      await writing;
      // A cached part that could not be taken whole (another build replacing it, say) is indexed after all.
      await write(notTaken);
      toIndex.push(...notTaken);
      for (const part of toIndex) {
        try {
          settings.cache?.store(part.hash, path.join(staging, part.key));
        } catch (error) {
          this.#log.warn(`search: could not cache the index part ${part.key}: ${(error as Error).message}`);
        }
      }
      // The older parts first, each whole (a rename); the root's files last, beside them.
      const root = parts.at(-1)!;
      for (const part of changed) if (!part.root) moveInto(path.join(staging, part.key), placeOf(part));
      if (changed.includes(root)) moveRootInto(path.join(staging, root.key), bundleDir);
      rmSync(staging, { recursive: true, force: true });
      // Parts no longer planned (their posts gone, re-dated or regrouped) leave nothing behind.
      const plannedKeys = new Set(parts.filter((p) => !p.root).map((p) => p.key));
      const partsDir = path.join(bundleDir, PARTS_DIR);
      if (existsSync(partsDir)) {
        for (const name of readdirSync(partsDir))
          if (!plannedKeys.has(name)) rmSync(path.join(partsDir, name), { recursive: true, force: true });
        if (plannedKeys.size === 0) rmSync(partsDir, { recursive: true, force: true });
      }
      settings.cache?.keepOnly(parts.map((p) => p.hash));

      const manifest: PartsManifest = {
        version: 2,
        parts: parts.map(({ key, first, last, posts, hash, path }) => ({ key, first, last, posts: posts.length, hash, path })),
      };
      writeFileSync(path.join(bundleDir, PARTS_MANIFEST), `${JSON.stringify(manifest)}\n`);
      return {
        records: posts.length,
        ...bundleStats(bundleDir),
        seconds: (performance.now() - started) / 1000,
        cached: toIndex.length === 0,
        parts: parts.length,
        indexed: toIndex.length,
      };
    });
    this.#run.catch(() => {}); // raised by finish()
    this.#run.then(underway, underway);
  }

  /**
   * Settles once the current run has handed its first part to the indexing thread (or needs no thread): a build awaits
   * it before its own long synchronous work, which would otherwise hold the thread's start back until that work ends.
   */
  get underway(): Promise<void> {
    return this.#underway;
  }

  /** The current run's summary (undefined when the index was kept as it was); rejects with its error. */
  finish(): Promise<IndexSummary | undefined> {
    return this.#run;
  }

  /** A post's record, made once per version of the post (the dev server rebuilds often). */
  #record(post: Post, settings: IndexSettings): JobRecord {
    if (!settings.reuseRecords) return { ...searchRecord(post, settings), source: post.inputPath };
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
