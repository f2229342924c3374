/**
 * Offline reading: Newsroom's service worker, written once the pages and the search index are.
 * Workbox does the work: `getManifest` lists and fingerprints the files to download with the
 * worker, and its runtime (copied into the site, loaded with `importScripts`) does the caching.
 * No bundling step, so the worker costs a build tens of milliseconds, not seconds.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { log, NewsroomError } from "./errors.ts";
import type { OfflineOptions } from "./options.ts";

/** The service worker's URL (site root, so that its scope is the whole site). */
export const SERVICE_WORKER_URL = "/sw.js";
/** Where Workbox's runtime is copied, inside the output folder. */
export const WORKBOX_URL = "/assets/newsroom/workbox/";
/** Workbox's runtime: the loader and the modules the worker uses (production builds only). */
const WORKBOX_FILES = [
  "workbox-sw/build/workbox-sw.js",
  ...["core", "precaching", "routing", "strategies", "expiration", "cacheable-response", "recipes"].map(
    (name) => `workbox-${name}/build/workbox-${name}.prod.js`,
  ),
];
const TEMPLATE = fileURLToPath(new URL("./client/service-worker.js", import.meta.url));
/** Newsroom's own scripts and styles, always downloaded with the worker. */
const OWN_ASSETS = "assets/newsroom/*.{css,js}";

export interface ServiceWorkerJob {
  outputDir: string;
  options: OfflineOptions;
  /** Adds the site's path prefix to a site path. */
  prefix: (url: string) => string;
  /** The Pagefind bundle's folder (`/pagefind/`) and its size, or undefined when search is off. */
  search: { bundle: string; bytes: number } | undefined;
  /** Pages fetched when the worker installs, so that they open offline from the first visit on. */
  warmPages: string[];
  /** Site paths of other files the browser scripts need (the date widget's index of days). */
  files: string[];
}

export interface ServiceWorkerSummary {
  /** Files downloaded with the worker, and their size. */
  files: number;
  bytes: number;
  /** Whether the whole search index is among them. */
  fullIndex: boolean;
}

/** What the worker's template reads as `self.__NEWSROOM_OFFLINE__`. */
export interface ServiceWorkerConfig {
  workbox: string;
  searchBundle: string;
  searchEntry: string;
  offlinePage: string;
  warmPages: string[];
  maxPages: number;
}

/** The files (globs relative to the output folder) downloaded with the worker. */
export function precacheGlobs(job: Pick<ServiceWorkerJob, "options" | "search" | "files">): { globs: string[]; fullIndex: boolean } {
  const globs = [...job.options.precache, OWN_ASSETS, ...job.files.map((file) => file.replace(/^\//, ""))];
  if (!job.search) return { globs, fullIndex: false };
  const bundle = job.search.bundle.replace(/^\/|\/$/g, "");
  const fullIndex = job.search.bytes <= job.options.fullIndexUpTo;
  if (fullIndex) globs.push(`${bundle}/**/*`);
  // What every search needs: the script, its worker and WebAssembly, the entry, the metadata, the filters.
  else globs.push(`${bundle}/*.{js,json,pagefind,pf_meta}`, `${bundle}/filter/*`);
  return { globs, fullIndex };
}

export function serviceWorkerConfig(job: ServiceWorkerJob): ServiceWorkerConfig {
  return {
    workbox: job.prefix(WORKBOX_URL),
    searchBundle: job.search ? job.prefix(job.search.bundle) : "",
    searchEntry: job.search ? job.prefix(`${job.search.bundle}pagefind-entry.json`) : "",
    offlinePage: job.prefix(job.options.page),
    warmPages: job.warmPages.map(job.prefix),
    maxPages: job.options.maxPages,
  };
}

/** Copies Workbox's runtime and writes `/sw.js` with the list of files to download. */
export async function writeServiceWorker(job: ServiceWorkerJob): Promise<ServiceWorkerSummary> {
  const require = createRequire(import.meta.url);
  const resolveFrom = path.dirname(require.resolve("workbox-build"));
  const workboxDir = path.join(job.outputDir, WORKBOX_URL);
  await mkdir(workboxDir, { recursive: true });
  await Promise.all(
    WORKBOX_FILES.map((file) =>
      copyFile(require.resolve(file, { paths: [resolveFrom] }), path.join(workboxDir, path.basename(file))),
    ),
  );

  const { globs, fullIndex } = precacheGlobs(job);
  // Only the manifest step of workbox-build (its main entry loads Rollup and Babel: ~0.6 s).
  const { getManifest } = await import("workbox-build/build/get-manifest.js");
  const manifest = await getManifest({
    globDirectory: job.outputDir,
    globPatterns: globs,
    globIgnores: [SERVICE_WORKER_URL.slice(1), `${WORKBOX_URL.slice(1)}**`],
    // The index's files are content-hashed: their names are their versions.
    dontCacheBustURLsMatching: job.search ? new RegExp(`\\.pf_(meta|index|fragment|filter)$`) : undefined,
    maximumFileSizeToCacheInBytes: Math.max(job.options.fullIndexUpTo, 10_000_000),
  }).catch((error: Error) => {
    throw new NewsroomError(`offline: could not list the files for the service worker: ${error.message}`, { cause: error });
  });
  // A glob matching nothing is normal (no fonts, say); anything else (a file too large) is worth a word.
  for (const warning of manifest.warnings) if (!/match any files/.test(warning)) log.warn(`offline: ${warning}`);

  const template = await readFile(TEMPLATE, "utf8");
  const worker = template
    .replace("self.__NEWSROOM_OFFLINE__", () => JSON.stringify(serviceWorkerConfig(job)))
    .replace("self.__WB_MANIFEST", () => JSON.stringify(manifest.manifestEntries));
  await writeFile(path.join(job.outputDir, SERVICE_WORKER_URL), worker);
  return { files: manifest.count, bytes: manifest.size, fullIndex };
}
