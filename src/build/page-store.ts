/**
 * The page store of incremental `newsroom build`s (#23): `.cache/newsroom-pages/` keeps the last
 * build's paginated pages (articles, home, archive, section and tag pages) as hard links (copies
 * across file systems), with a manifest of each page's key and file.
 *
 *   plan():   the pages whose key and global key equal the manifest's, and whose stored file is the
 *             one recorded (same size, modification time and inode, else same sha1), are reused;
 *             the rest are rendered. No manifest, a damaged one, another format or global key, a
 *             volatile site, `--full`: everything is rendered.
 *   stage:    as the build starts, every stored page is linked into a folder of the output on a thread
 *             of its own (160,688 pages at 100,000 posts: ~20 s of file-system work), beside the build's
 *             own work on the main thread;
 *   linkInto: the reused pages go into the build's output (before the service worker lists it): the
 *             staged folder's trees moved into place (a folder Eleventy did not write is one rename),
 *             the staged pages not reused dropped, the reused ones not staged linked one by one.
 *   checkCanaries: pages rendered every build whose key did not change must show the same bytes.
 *   save:     last, the rendered pages join the store (a stored file is replaced, never written in
 *             place), pages that are gone leave it, and the manifest is replaced whole.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { IncompleteFingerprintError, NewsroomError } from "../kernel/errors.ts";
import { linkOrCopy } from "../kernel/link-or-copy.ts";
import { pageFile } from "../kernel/paths.ts";
import type { RenderPlan } from "../render/render-plan.ts";
import { PAGE_STORE_FORMAT } from "./global-key.ts";
import { outputFile } from "./dev-rebuilds.ts";

/** A stored page: its key, and its file's sha1, size, modification time (ns) and inode. */
type PageEntry = [key: string, sha1: string, size: string, mtimeNs: string, ino: string];
/** A file's size, modification time (ns) and inode, as a PageEntry records them. */
type FileStat = [size: string, mtimeNs: string, ino: string];
/** What the staging thread posts: the stored files' stats (null: missing), then which files it linked. */
type StageMessage = { stats: (FileStat | null)[] } | { done: boolean[] };

interface Manifest {
  format: number;
  global: string;
  /** A canary fired under this global key: every build is full until it changes. */
  volatile: boolean;
  pages: Record<string, PageEntry>;
  canaries: Record<string, [key: string, sha1: string]>;
}

export interface StorePlan {
  plan: RenderPlan;
  /** Why every page is rendered (undefined in an incremental build). */
  fullBecause: string | undefined;
}

/** A page rendered every build that shows the chrome alone (404, offline), and its key. */
export interface Canary {
  url: string;
  key: string;
}

export class PageStore {
  readonly #dir: string;
  #manifest: Manifest | undefined;
  #global = "";
  #keys = new Map<string, string>();
  /** The reused pages, with their (re-checked) entries. */
  #reused = new Map<string, PageEntry>();
  #volatile = false;
  /** The pages being linked ahead into a folder of the output (stage()): the folder, and the URLs linked there. */
  #staging:
    { dir: string; worker: Worker; linked: Promise<Set<string>>; stats: Promise<Map<string, FileStat | null> | undefined> } | undefined;
  /** The stored pages' files as the staging thread found them (null: missing), for plan(); undefined: plan() stats them. */
  #stats: Map<string, FileStat | null> | undefined;
  /** The manifest as stage() read it, for plan() in the same build. */
  #staged: Manifest | string | undefined;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /**
   * Starts linking every stored page into a folder of its own in `outputDir`, on a thread of its own, when the store
   * can serve `global` (its key, not volatile): the main thread meanwhile reads the posts and makes the lists and
   * keys. linkInto() keeps the reused pages of it. A page that could not be staged is linked there, if reused.
   */
  stage(global: string, outputDir: string): void {
    const loaded = this.#load();
    this.#staged = loaded; // plan() takes it: the manifest is read once per build
    if (typeof loaded === "string" || loaded.global !== global || loaded.volatile) return;
    const dir = path.join(outputDir, `${STAGING_PREFIX}${process.pid}`);
    const pagesDir = path.join(this.#dir, "pages");
    const urls: string[] = [];
    const files: string[] = [];
    for (const url of Object.keys(loaded.pages)) {
      const file = pageFile(url);
      if (file === undefined) continue;
      urls.push(url);
      files.push(file);
    }
    mkdirSync(dir, { recursive: true }); // the thread makes folders under it only
    const worker = new Worker(STAGE_THREAD, { eval: true, workerData: { from: pagesDir, to: dir, files } });
    // The thread stats the stored files first (160,000 at 100,000 posts: ~3 s off the main thread), then links them.
    // A thread that failed before its stats leaves them to plan().
    const stats = new Promise<Map<string, FileStat | null> | undefined>((resolve) => {
      worker.on("message", (message: StageMessage) => {
        if ("stats" in message) resolve(new Map(urls.map((url, i) => [url, message.stats[i] ?? null])));
      });
      worker.once("error", () => resolve(undefined));
      worker.once("exit", () => resolve(undefined));
    });
    const linked = new Promise<Set<string>>((resolve) => {
      worker.on("message", (message: StageMessage) => {
        if ("done" in message) resolve(new Set(urls.filter((_, i) => message.done[i])));
      });
      worker.once("error", () => resolve(new Set()));
      worker.once("exit", () => resolve(new Set()));
    });
    this.#staging = { dir, worker, linked, stats };
  }

  /**
   * A build that failed: stops the staging thread and waits until it has, so that nothing is linked into the output
   * folder while the command removes it (a thread still making folders there made the removal fail, ENOTEMPTY).
   */
  async stopStaging(): Promise<void> {
    const staging = this.#staging;
    this.#staging = undefined;
    if (staging) await staging.worker.terminate();
  }

  /** Waits for the staging thread's stats of the stored files (plan() takes them instead of its own), if pages are staged. */
  async statsStaged(): Promise<void> {
    if (this.#staging) this.#stats = await this.#staging.stats;
  }

  get reused(): number {
    return this.#reused.size;
  }

  /** Drops every reusable page from `plan`'s lists. */
  plan(plan: RenderPlan, keys: Map<string, string>, global: string, settings: { full: boolean; refusal?: string }): StorePlan {
    this.#global = global;
    this.#keys = keys;
    this.#reused = new Map();
    const loaded = this.#staged ?? this.#load();
    this.#staged = undefined;
    const stats = this.#stats;
    this.#stats = undefined; // this build's, taken once
    this.#manifest = typeof loaded === "string" ? undefined : loaded;
    this.#volatile = this.#manifest?.global === global && this.#manifest.volatile;
    const fullBecause =
      typeof loaded === "string"
        ? loaded
        : settings.full
          ? "--full"
          : settings.refusal
            ? settings.refusal
            : loaded.global !== global
              ? "the plugin, Eleventy, the options, the path prefix or the site's templates, data or code changed"
              : loaded.volatile
                ? "the site's pages read something Newsroom cannot fingerprint (see the earlier warning)"
                : undefined;
    if (fullBecause !== undefined || !this.#manifest) return { plan: { ...plan, reused: 0 }, fullBecause };

    const stored = this.#manifest.pages;
    const reuse = (page: { url: string }) => {
      const entry = stored[page.url];
      if (!entry || entry[0] !== keys.get(page.url)) return false;
      const checked = this.#verify(page.url, entry, stats);
      if (checked) this.#reused.set(page.url, checked);
      return checked !== undefined;
    };
    const keep = <T extends { url: string }>(pages: T[]) => pages.filter((page) => !reuse(page));
    const render: RenderPlan = {
      ...plan,
      articles: keep(plan.articles),
      homePages: keep(plan.homePages),
      archivePages: keep(plan.archivePages),
      topicPages: keep(plan.topicPages),
    };
    return { plan: { ...render, reused: this.#reused.size }, fullBecause: undefined };
  }

  /** Links every reused page into the output folder (a copy across file systems). Another file there already is a collision. */
  async linkInto(outputDir: string): Promise<void> {
    const staged = await this.#placeStaged(outputDir);
    await inBatches(
      [...this.#reused.keys()].filter((url) => !staged.has(url)),
      async (url) => {
        const target = outputFile(outputDir, url);
        if (!target) return;
        await mkdir(path.dirname(target), { recursive: true });
        try {
          await linkOrCopy(this.#file(url), target);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
          throw new NewsroomError(
            `${path.relative(process.cwd(), target)}: a page of the site is written at ${url}, the URL of a page Newsroom makes; give one of them another permalink`,
            { cause: error },
          );
        }
      },
    );
  }

  /** The staged pages that are reused, moved into the output folder (the others dropped); returns their URLs. */
  async #placeStaged(outputDir: string): Promise<Set<string>> {
    const staging = this.#staging;
    this.#staging = undefined;
    if (!staging) return new Set();
    const linked = await staging.linked;
    const placed = new Set([...linked].filter((url) => this.#reused.has(url)));
    try {
      if (placed.size === 0) return new Set();
      for (const url of linked) if (!placed.has(url)) rmSync(outputFile(staging.dir, url)!, { force: true });
      moveTree(staging.dir, path.resolve(outputDir), "");
      return placed;
    } finally {
      rmSync(staging.dir, { recursive: true, force: true });
    }
  }

  /**
   * In a build whose global key is the last one's: a canary with its last key must show its last
   * bytes. Otherwise an incremental build throws IncompleteFingerprintError (the command builds again
   * in full), and a full build marks the site volatile (its next builds are full).
   */
  checkCanaries(outputDir: string, canaries: readonly Canary[]): void {
    const manifest = this.#manifest;
    if (!manifest || manifest.global !== this.#global) return;
    for (const { url, key } of canaries) {
      const last = manifest.canaries[url];
      const file = outputFile(outputDir, url);
      if (!last || last[0] !== key || !file || !existsSync(file)) continue;
      if (sha1(readFileSync(file)) === last[1]) continue;
      if (this.#reused.size > 0) throw new IncompleteFingerprintError(url);
      this.#volatile = true;
    }
  }

  /** After the build, last: the rendered pages join the store, the gone ones leave it, the manifest is replaced. */
  async save(
    outputDir: string,
    rendered: ReadonlyMap<string, string | Uint8Array | undefined>,
    canaries: readonly Canary[],
  ): Promise<void> {
    const pagesDir = path.join(this.#dir, "pages");
    if (!this.#manifest) await rm(pagesDir, { recursive: true, force: true }); // files no manifest names
    await mkdir(this.#dir, { recursive: true });
    const pages: Record<string, PageEntry> = {};
    for (const [url, entry] of this.#reused) pages[url] = entry;
    await inBatches([...rendered], async ([url, content]) => {
      const key = this.#keys.get(url);
      const file = outputFile(outputDir, url);
      const stored = this.#file(url);
      if (key === undefined || !file || !existsSync(file)) return;
      await rm(stored, { force: true });
      await mkdir(path.dirname(stored), { recursive: true });
      await linkOrCopy(file, stored);
      const bytes = content === undefined ? await readFile(stored) : Buffer.from(content);
      const stat = statSync(stored, { bigint: true });
      pages[url] = [key, sha1(bytes), String(stat.size), String(stat.mtimeNs), String(stat.ino)];
    });
    for (const url of Object.keys(this.#manifest?.pages ?? {})) if (!(url in pages)) await rm(this.#file(url), { force: true });
    const canaryEntries: Manifest["canaries"] = {};
    for (const { url, key } of canaries) {
      const file = outputFile(outputDir, url);
      if (file && existsSync(file)) canaryEntries[url] = [key, sha1(readFileSync(file))];
    }
    const manifest: Manifest = {
      format: PAGE_STORE_FORMAT,
      global: this.#global,
      volatile: this.#volatile,
      pages,
      canaries: canaryEntries,
    };
    const temporary = path.join(this.#dir, `manifest.json.${process.pid}.tmp`);
    await writeFile(temporary, JSON.stringify(manifest));
    renameSync(temporary, path.join(this.#dir, "manifest.json"));
  }

  /** The manifest, or why there is none to use. */
  #load(): Manifest | string {
    const file = path.join(this.#dir, "manifest.json");
    if (!existsSync(file)) return `no page store yet (${path.relative(process.cwd(), this.#dir) || "."})`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      return `${path.relative(process.cwd(), file)} is damaged`;
    }
    if (!isManifest(parsed)) return `${path.relative(process.cwd(), file)} is not a page store of format ${PAGE_STORE_FORMAT}`;
    return parsed;
  }

  /** The stored page's entry when its file is the one recorded (its stat refreshed after a sha1 check), else undefined. */
  #verify(url: string, entry: PageEntry, stats: Map<string, FileStat | null> | undefined): PageEntry | undefined {
    const stat = stats ? stats.get(url) : fileStat(this.#file(url));
    if (!stat) return undefined;
    const [key, hash, size, mtimeNs, ino] = entry;
    if (stat[0] !== size) return undefined;
    if (stat[1] === mtimeNs && stat[2] === ino) return entry;
    if (sha1(readFileSync(this.#file(url))) !== hash) return undefined;
    return [key, hash, size, stat[1], stat[2]];
  }

  #file(url: string): string {
    return outputFile(path.join(this.#dir, "pages"), url)!;
  }
}

/** Null when `file` cannot be stat'ed (missing). Kept in step with the staging thread's own (STAGE_THREAD). */
function fileStat(file: string): FileStat | null {
  try {
    const stat = statSync(file, { bigint: true });
    return [String(stat.size), String(stat.mtimeNs), String(stat.ino)];
  } catch {
    return null;
  }
}

function isManifest(value: unknown): value is Manifest {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Partial<Manifest>;
  const record = (r: unknown, length: number) =>
    typeof r === "object" &&
    r !== null &&
    !Array.isArray(r) &&
    Object.values(r).every((e) => Array.isArray(e) && e.length === length && e.every((s) => typeof s === "string"));
  return (
    m.format === PAGE_STORE_FORMAT &&
    typeof m.global === "string" &&
    typeof m.volatile === "boolean" &&
    record(m.pages, 5) &&
    record(m.canaries, 2)
  );
}

/** The folder of the output where stored pages are linked ahead (`<prefix><pid>`): removed before the build ends. */
export const STAGING_PREFIX = ".newsroom-pages-";

/**
 * The staging thread: stats `files` (paths under `from`) and posts their stats, then links them to the same paths
 * under `to`, copying where links cannot be made, and answers which it linked. Synchronous calls on a thread of its own: nothing waits for the main thread.
 */
const STAGE_THREAD = `
const { copyFileSync, constants, existsSync, linkSync, mkdirSync, statSync } = require("node:fs");
const path = require("node:path");
const { parentPort, workerData } = require("node:worker_threads");
const { from, to, files } = workerData;
// First the stored files' stats, as fileStat() takes them, for plan().
parentPort.postMessage({
  stats: files.map((file) => {
    try {
      const stat = statSync(path.join(from, file), { bigint: true });
      return [String(stat.size), String(stat.mtimeNs), String(stat.ino)];
    } catch {
      return null;
    }
  }),
});
// Folders are made one by one under \`to\`, never above it: a failed build's output removed meanwhile stays removed.
const made = new Set([to]);
const ensure = (dir) => {
  if (made.has(dir)) return;
  ensure(path.dirname(dir));
  try {
    mkdirSync(dir);
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
  }
  made.add(dir);
};
let stopped = false;
const done = files.map((file) => {
  if (stopped) return false;
  const target = path.join(to, file);
  try {
    ensure(path.dirname(target));
    try {
      linkSync(path.join(from, file), target);
    } catch (error) {
      if (!["EXDEV", "EPERM", "ENOTSUP", "EMLINK"].includes(error.code)) throw error;
      copyFileSync(path.join(from, file), target, constants.COPYFILE_EXCL);
    }
    return true;
  } catch {
    stopped = !existsSync(to);
    return false;
  }
});
parentPort.postMessage({ done });
`;

/**
 * Moves the tree `from` into `to`: an entry `to` lacks is renamed there whole, a folder both have is merged; a file
 * where the other has one (or a folder) is a page of the site at the URL of a page Newsroom makes: a collision, named.
 */
function moveTree(from: string, to: string, relative: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const there = lstatSync(target, { throwIfNoEntry: false });
    if (!there) renameSync(source, target);
    else if (entry.isDirectory() && there.isDirectory()) moveTree(source, target, `${relative}${entry.name}/`);
    else {
      const url = entry.name === "index.html" ? `/${relative}` : `/${relative}${entry.name}${entry.isDirectory() ? "/" : ""}`;
      throw new NewsroomError(
        `${path.relative(process.cwd(), target)}: a page of the site is written at ${url}, the URL of a page Newsroom makes; give one of them another permalink`,
      );
    }
  }
}

function sha1(bytes: Buffer | string): string {
  return createHash("sha1").update(bytes).digest("hex");
}

/** Runs `task` on every item, 64 at a time. */
async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += 64) await Promise.all(items.slice(i, i + 64).map(task));
}
