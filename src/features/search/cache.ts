/**
 * A cache of the last written search index, keyed by everything it was made from (the records,
 * the language, Pagefind's version, Newsroom's index format). A build whose posts did not change
 * for search (a template, a stylesheet, a config change) takes it instead of running Pagefind
 * again. One entry is kept: disk use is one index. Files are hard-linked (copied where links are
 * not possible): tens of thousands of files in a fraction of a second. Neither side is ever
 * written in place — a new index is written as new files — so sharing them is safe.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { once } from "../../kernel/per-process.ts";
import { leftByDeadBuild } from "../../kernel/processes.ts";
import { linkOrCopy } from "../../kernel/link-or-copy.ts";

/** Bump when the bundle Newsroom writes changes for the same records (files removed, options). */
const INDEX_FORMAT = 3;

/**
 * What, besides the posts, an index depends on: Pagefind's version, and the code that makes
 * records and writes bundles (its own text: a change in how records are made, even within one
 * release, can never be served a stale cached index). Made once per process: neither changes while it runs.
 */
export const indexFingerprint = once((): string => {
  const code = createHash("sha1");
  for (const module of ["./indexer.js", "./indexer.ts", "./worker.js", "./parts.js", "./parts.ts"]) {
    const file = fileURLToPath(new URL(module, import.meta.url));
    if (existsSync(file)) code.update(readFileSync(file));
  }
  return `pagefind ${pagefindVersion()}; newsroom index format ${INDEX_FORMAT}; code ${code.digest("hex")}`;
});

/** Pagefind's installed version (its package exports no package.json: found along the module paths). */
function pagefindVersion(): string {
  const require = createRequire(fileURLToPath(import.meta.url));
  for (const dir of require.resolve.paths("pagefind") ?? []) {
    const manifest = path.join(dir, "pagefind", "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  }
  return "unknown";
}

export class IndexCache {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Whether an index is cached under `key`. */
  has(key: string): boolean {
    return existsSync(path.join(this.#dir, key, "pagefind-entry.json"));
  }

  /**
   * Puts the index cached under `key` at `bundleDir`; false when there is none, or when it could
   * not be taken whole (another build replacing it, say): the index is then built anew. The files
   * are linked on libuv's threads, all queued at once (a 100,000-post archive's cached parts are
   * ~100,000 files: ~25 s of linking, which the main thread would otherwise spend instead of the build's own work).
   */
  async restore(key: string, bundleDir: string): Promise<boolean> {
    const entry = path.join(this.#dir, key);
    if (!existsSync(path.join(entry, "pagefind-entry.json"))) return false;
    try {
      rmSync(bundleDir, { recursive: true, force: true });
      mkdirSync(bundleDir, { recursive: true });
      // Paths by string concatenation under the two (normalized) folders: ~100,000 files at 100,000 posts.
      const [from, to] = [path.resolve(entry), path.resolve(bundleDir)];
      const files: string[] = [];
      for (const item of readdirSync(from, { recursive: true, withFileTypes: true })) {
        const relative = `${item.parentPath.slice(from.length + 1)}${item.parentPath.length > from.length ? path.sep : ""}${item.name}`;
        if (item.isDirectory()) mkdirSync(`${to}${path.sep}${relative}`, { recursive: true });
        else if (item.isFile()) files.push(relative);
      }
      await Promise.all(files.map((file) => linkOrCopy(`${from}${path.sep}${file}`, `${to}${path.sep}${file}`)));
      return true;
    } catch {
      rmSync(bundleDir, { recursive: true, force: true });
      return false;
    }
  }

  /** Keeps `bundleDir` under `key` (put aside, then renamed into place). */
  store(key: string, bundleDir: string): void {
    mkdirSync(this.#dir, { recursive: true });
    const entry = path.join(this.#dir, key);
    const partial = `${entry}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    linkTree(bundleDir, partial);
    rmSync(entry, { recursive: true, force: true });
    renameSync(partial, entry);
  }

  /** Drops every entry but these (the bundles of the last build): disk use stays one index. */
  keepOnly(keys: readonly string[]): void {
    if (!existsSync(this.#dir)) return;
    const keep = new Set(keys);
    for (const name of readdirSync(this.#dir)) {
      // A partial entry is being stored by a running build, or was left by one that died.
      const drop = name.includes(".partial-") ? leftByDeadBuild(name) : !keep.has(name);
      if (drop) rmSync(path.join(this.#dir, name), { recursive: true, force: true });
    }
  }
}

/** Recreates the tree `from` at `to`, hard-linking files (copying them across file systems). */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}
