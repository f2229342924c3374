/**
 * A cache of the last written search index, keyed by everything it was made from (the records,
 * the language, Pagefind's version, Newsroom's index format). A build whose posts did not change
 * for search (a template, a stylesheet, a config change) copies the index instead of running
 * Pagefind again. One entry is kept: disk use is one index.
 */
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, readdir, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Bump when the bundle Newsroom writes changes for the same records (files removed, options). */
const INDEX_FORMAT = 1;

/** What, besides the records, an index depends on. */
export function indexFingerprint(): string {
  fingerprint ??= `pagefind ${pagefindVersion()}; newsroom index format ${INDEX_FORMAT}`;
  return fingerprint;
}
let fingerprint: string | undefined;

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

  /**
   * Copies the index cached under `key` to `bundleDir`; false when there is none, or when it
   * could not be copied whole (another build replacing it, say): the index is then built anew.
   */
  async restore(key: string, bundleDir: string): Promise<boolean> {
    const entry = path.join(this.#dir, key);
    if (!existsSync(path.join(entry, "pagefind.js"))) return false;
    try {
      await rm(bundleDir, { recursive: true, force: true });
      await cp(entry, bundleDir, { recursive: true });
      return true;
    } catch {
      await rm(bundleDir, { recursive: true, force: true });
      return false;
    }
  }

  /** Keeps a copy of `bundleDir` under `key` (written aside, then renamed), and drops older entries. */
  async store(key: string, bundleDir: string): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const entry = path.join(this.#dir, key);
    const partial = `${entry}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    await cp(bundleDir, partial, { recursive: true });
    await rm(entry, { recursive: true, force: true });
    await rename(partial, entry);
    for (const name of await readdir(this.#dir)) {
      if (name !== key && !name.includes(".partial-")) await rm(path.join(this.#dir, name), { recursive: true, force: true });
    }
  }
}
