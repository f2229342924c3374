/**
 * What the dev server (`--serve`, `--watch`) needs beyond Eleventy 3's watcher, which ignores
 * removed files: it logs "File deleted" and rebuilds nothing (11ty/eleventy#2798, fixed in
 * Eleventy 4), and it never deletes an output file.
 *
 * - `RemovalWatcher` watches the posts folder for removed files and folders (a post deleted,
 *   renamed away, moved out) and makes Eleventy rebuild. A plugin has no handle on Eleventy's
 *   watcher, so it does so the one way Eleventy offers: a signal file that Eleventy watches
 *   (added with `addWatchTarget`), in a temporary folder of its own, changed after a removal.
 *   It watches folders only (one watch each, not one per post: Eleventy's own watcher already
 *   holds one per file, and the system's number of watches is limited).
 * - `removePages` deletes the pages a rebuild no longer writes (the article of a removed post, a
 *   day, section or tag page left empty, a home page past the last): the dev server serves the
 *   output folder as it is on disk.
 * - `OutputFolders` remembers the folders the dev server's builds wrote into, to make them again
 *   when the output folder was deleted under the running server: Eleventy remembers which output
 *   folders exist and writes into them without making them again.
 */
import { type FSWatcher, mkdirSync, readdirSync, realpathSync, rmSync, statSync, watch, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Logger } from "../kernel/log.ts";
import { pageFile } from "../kernel/paths.ts";
import { perProcess } from "../kernel/per-process.ts";

/** How long after a removal the watcher waits for a rebuild that Eleventy starts anyway (a rename is a removal and an addition). */
const SETTLE_MS = 300;

/**
 * Per process: one temporary folder for the signal files, named when the plugin is added (Eleventy
 * needs the path then), made by the first dev-server build (a production build makes nothing),
 * removed when the process ends (one exit hook, however many watchers); the number of signal files
 * named so far (each watcher has its own); and the watchers watching, for closeRemovalWatchers.
 */
const signals = perProcess("dev-rebuilds.signals", () => ({
  folder: path.join(tmpdir(), `eleventy-plugin-newsroom-${randomUUID()}`),
  files: 0,
  exitHook: false,
  live: new Set<{ close(): void }>(),
}));

function makeSignalFolder(): void {
  mkdirSync(signals.folder, { recursive: true, mode: 0o700 });
  if (signals.exitHook) return;
  const folder = signals.folder;
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  signals.exitHook = true;
}

/** Stops every removal watcher of this process and removes the signal folder, as the end of the process does (for tests, whose workers end without it). */
export function closeRemovalWatchers(): void {
  for (const watcher of signals.live) watcher.close();
  rmSync(signals.folder, { recursive: true, force: true });
}

export class RemovalWatcher {
  /** The file Eleventy watches: changed when something was removed from the posts folder. Exists once a dev build started. */
  readonly signalFile = path.join(signals.folder, `posts-removed-${++signals.files}`);
  readonly #folder: string;
  readonly #ignored: (file: string) => boolean;
  readonly #log: Logger;
  /** One watcher per folder, by path, with the folder's real path (a loop of links is watched once). */
  readonly #watchers = new Map<string, { watcher: FSWatcher; real: string }>();
  #timer: NodeJS.Timeout | undefined;
  /** Builds started so far, and their number at the last removal. */
  #builds = 0;
  #buildsAtRemoval = 0;

  /** `folder`: the posts folder (absolute); `log`: where its lines go; `ignored`: paths inside it that are not the site's (the output folder). */
  constructor(folder: string, log: Logger, ignored: (file: string) => boolean = () => false) {
    this.#folder = path.resolve(folder);
    this.#log = log;
    this.#ignored = ignored;
  }

  /**
   * A build starts (it reads the posts folder again: removals before this are seen). The first
   * dev-server build starts watching, before Eleventy's own watcher starts (it must find the
   * signal file).
   */
  buildStarted(devServer: boolean): void {
    this.#builds += 1;
    if (!devServer || this.#watchers.size > 0) return;
    makeSignalFolder();
    // Made once: a change would make Eleventy rebuild.
    if (!exists(this.signalFile)) writeFileSync(this.signalFile, "");
    signals.live.add(this);
    this.#watchTree(this.#folder);
  }

  /** Stops watching (Eleventy reloads the configuration: a new plugin instance takes over). */
  close(): void {
    clearTimeout(this.#timer);
    for (const { watcher } of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
    signals.live.delete(this);
  }

  #isIgnored(file: string): boolean {
    const relative = path.relative(this.#folder, file);
    // Dot files and folders (editors' swap files, .git) and dependencies are never posts.
    return relative.split(path.sep).some((part) => part.startsWith(".") || part === "node_modules") || this.#ignored(file);
  }

  /** Watches a folder and the folders below it (symbolic links followed, as the posts are read). */
  #watchTree(folder: string): void {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return; // gone already
    }
    if (this.#watchers.has(folder) || [...this.#watchers.values()].some((w) => w.real === real)) return;
    let watcher: FSWatcher;
    try {
      // Not persistent: Eleventy's watcher keeps the process alive, this one must not once Eleventy stops.
      watcher = watch(folder, { persistent: false }, (_event, name) => this.#changed(folder, name));
    } catch (error) {
      this.#log.warn(`cannot watch ${folder} for removed posts: ${(error as Error).message}`);
      return;
    }
    watcher.on("error", () => this.#forget(folder));
    this.#watchers.set(folder, { watcher, real });
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if ((entry.isDirectory() || entry.isSymbolicLink()) && !this.#isIgnored(full) && isFolder(full)) this.#watchTree(full);
    }
  }

  /** Stops watching a folder that is gone, and the folders below it. */
  #forget(gone: string): void {
    for (const [folder, { watcher }] of this.#watchers) {
      if (folder !== gone && !folder.startsWith(gone + path.sep)) continue;
      watcher.close();
      this.#watchers.delete(folder);
    }
  }

  /** Something in `folder` was added, removed or renamed (`name`: which entry, when the system says). */
  #changed(folder: string, name: string | Buffer | null): void {
    const full = name ? path.join(folder, name.toString()) : folder;
    if (full !== this.#folder && this.#isIgnored(full)) return;
    if (isFolder(full)) {
      this.#watchTree(full); // a folder added or moved in: its removals count too
      return;
    }
    if (exists(full)) return; // a file added or changed: Eleventy's watcher rebuilds
    this.#forget(full);
    this.#removed(full);
  }

  #removed(file: string): void {
    this.#buildsAtRemoval = this.#builds;
    clearTimeout(this.#timer);
    // A burst of removals (a folder deleted) makes one rebuild, and none when Eleventy started
    // one since the last removal (a rename within the folder is also an addition).
    this.#timer = setTimeout(() => {
      if (this.#builds !== this.#buildsAtRemoval) return;
      const relative = path.relative(process.cwd(), file);
      const shown = relative === "" || relative.startsWith("..") ? file : relative;
      this.#log.info(`${shown} removed: rebuilding`);
      try {
        makeSignalFolder();
        writeFileSync(this.signalFile, `${file}\n`);
      } catch (error) {
        this.#log.warn(
          `${shown} was removed, but the dev server could not be told to rebuild (${this.signalFile}): ${(error as Error).message}`,
        );
      }
      // The posts folder itself is gone: nothing left to watch until a build finds it again.
      if (!isFolder(this.#folder)) this.close();
    }, SETTLE_MS);
    this.#timer.unref();
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Deletes the output files of these page URLs (`/a/b/` is `a/b/index.html`), except the files
 * this build wrote (another page may have taken the URL). Returns how many were deleted. Their
 * folders stay: Eleventy remembers which output folders exist and would not make one again
 * (the dev server answers 404 for a folder without an index.html). A file that cannot be deleted is a warning on `log`.
 */
export function removePages(outputDir: string, urls: Iterable<string>, written: ReadonlySet<string>, log: Logger): number {
  let removed = 0;
  for (const url of urls) {
    const file = outputFile(outputDir, url);
    if (!file || written.has(file)) continue;
    try {
      rmSync(file);
      removed += 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
        log.warn(`could not delete ${path.relative(process.cwd(), file)}, a page no longer built: ${(error as Error).message}`);
      }
    }
  }
  return removed;
}

/** The output file of a page URL, as Eleventy writes it; undefined for a URL that leads outside the folder. */
export function outputFile(outputDir: string, url: string): string | undefined {
  const file = pageFile(url);
  return file === undefined ? undefined : path.resolve(outputDir, file);
}

/** The folders the builds of one dev server wrote pages into (from `eleventy.after`'s results). */
export class OutputFolders {
  readonly #folders = new Set<string>();

  /** A build wrote these files (paths from the working folder). */
  wrote(files: Iterable<string>): void {
    for (const file of files) this.#folders.add(path.dirname(path.resolve(file)));
  }

  /** Makes every folder again (the output folder was deleted). */
  restore(): void {
    for (const folder of this.#folders) mkdirSync(folder, { recursive: true });
  }
}
