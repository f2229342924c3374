/**
 * Offline reading: Newsroom's service worker, written once the pages and the search index are.
 * Workbox does the work: `getManifest` lists and fingerprints the files to download with the
 * worker, and its runtime (copied into the site, loaded with `importScripts`) does the caching.
 * No bundling step, so the worker costs a build tens of milliseconds, not seconds.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { NewsroomError } from "../../kernel/errors.ts";
import type { Logger } from "../../kernel/log.ts";
import { PLUGIN_DIR, SERVICE_WORKER_URL, WORKBOX_URL } from "../../kernel/paths.ts";
import type { NewsroomOptions, OfflineOptions } from "../../options/types.ts";
import type { ServiceWorkerConfig, ServiceWorkerPlaceholder } from "./contract.js";

/** Workbox's runtime: the loader and the modules the worker uses (production builds only). */
const WORKBOX_FILES = [
  "workbox-sw/build/workbox-sw.js",
  ...["core", "precaching", "routing", "strategies", "expiration", "cacheable-response", "recipes"].map(
    (name) => `workbox-${name}/build/workbox-${name}.prod.js`,
  ),
];
const TEMPLATE = path.join(PLUGIN_DIR, "features", "offline", "client", "service-worker.js");
/** What the build writes into the worker's template (contract.d.ts). */
const CONFIG_PLACEHOLDER: ServiceWorkerPlaceholder = "self.__NEWSROOM_OFFLINE__";
const MANIFEST_PLACEHOLDER: ServiceWorkerPlaceholder = "self.__WB_MANIFEST";
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
  /**
   * URL patterns of the generated pages (articles, archives, home pages: tens of thousands of
   * folders): `offline.precache` globs skip them rather than walk them.
   */
  generated: string[];
  /** URL folders the worker leaves alone (the web editor, `cms.path`): never downloaded, cached or served offline. */
  bypass?: string[];
}

export interface ServiceWorkerSummary {
  /** Files downloaded with the worker, and their size. */
  files: number;
  bytes: number;
  /** Whether the whole search index is among them. */
  fullIndex: boolean;
}

/**
 * The files (globs relative to the output folder) downloaded with the worker: the site's own
 * (`offline.precache`, looked for outside the generated pages and the index) and Newsroom's.
 */
export function precacheGlobs(job: Pick<ServiceWorkerJob, "options" | "search" | "files" | "generated" | "bypass">): {
  site: { globs: string[]; ignores: string[] };
  own: string[];
  fullIndex: boolean;
} {
  const own = [OWN_ASSETS, ...job.files.map((file) => file.replace(/^\//, ""))];
  const ignores = [...new Set(job.generated.map(generatedFolderGlob).filter((glob) => glob !== undefined))];
  for (const folder of job.bypass ?? []) ignores.push(`${folder.replace(/^\/+/, "")}**`);
  const site = { globs: [...job.options.precache], ignores };
  if (!job.search) return { site, own, fullIndex: false };
  const bundle = job.search.bundle.replace(/^\/|\/$/g, "");
  ignores.push(`${bundle}/**`);
  const fullIndex = job.search.bytes <= job.options.fullIndexUpTo;
  if (fullIndex) own.push(`${bundle}/**/*`);
  // What every search needs: the root's script, worker and WebAssembly, the parts' list, and each
  // part's entry, metadata and filters. Index chunks and fragments are kept as searches fetch them
  // (an older part's own worker and WebAssembly too, when a date filter opens it first).
  else
    own.push(
      `${bundle}/*.{js,json,pagefind,pf_meta}`,
      `${bundle}/filter/*`,
      `${bundle}/parts/*/*.{json,pf_meta}`,
      `${bundle}/parts/*/filter/*`,
    );
  return { site, own, fullIndex };
}

/**
 * The URL patterns of the pages Newsroom generates: articles, archives, home pages, and section and tag
 * pages (at 100,000 posts ~30,000 of those: walking them for `offline.precache` cost 1.5 s a build).
 */
export function generatedPagePatterns(options: Pick<NewsroomOptions, "permalink" | "archives" | "sections" | "tags">): string[] {
  const { permalink, archives, sections, tags } = options;
  const topics = [sections, tags].flatMap((topic) => (topic.enabled ? [topic.url] : []));
  return [permalink, archives.year, archives.month, archives.day, "/page/", ...topics];
}

/** The top folder a URL pattern's pages go into, as a glob: "/{yyyy}/{MM}/…" → "[0-9][0-9][0-9][0-9]/**". */
export function generatedFolderGlob(pattern: string): string | undefined {
  const first = pattern.split("/").find((segment) => segment !== "");
  if (!first || first === "{slug}") return undefined; // pages at the top level: nothing to skip
  const glob = first
    .replace(/\{yyyy\}/g, "[0-9][0-9][0-9][0-9]")
    .replace(/\{(MM|dd)\}/g, "[0-9][0-9]")
    .replace(/\{slug\}/g, "*");
  return `${glob}/**`;
}

export function serviceWorkerConfig(job: ServiceWorkerJob, searchCaches: Record<string, string> = {}): ServiceWorkerConfig {
  return {
    workbox: job.prefix(WORKBOX_URL),
    searchBundle: job.search ? job.prefix(job.search.bundle) : "",
    searchEntries: job.search ? "(?:^|/)(?:pagefind-entry|parts)\\.json$" : "",
    searchCaches,
    offlinePage: job.prefix(job.options.page),
    warmPages: job.warmPages.map(job.prefix),
    maxPages: job.options.maxPages,
    ...(job.bypass?.length ? { bypass: job.bypass.map(job.prefix) } : {}),
  };
}

/**
 * A cache name per index part, from the revision Workbox gave the part's entry file (which names
 * every file of the part's index): a re-indexed part gets a new name, an unchanged one keeps its own.
 * The root bundle (the newest part, or the one index) is the part "" ("newsroom-search-root-…").
 */
export function partCaches(
  entries: readonly { url: string; revision?: string | null }[],
  bundle: string | undefined,
): Record<string, string> {
  if (!bundle) return {};
  const entry = new RegExp(`^${bundle.replace(/^\/|\/$/g, "")}/(?:parts/([^/]+)/)?pagefind-entry\\.json$`);
  const caches: Record<string, string> = {};
  for (const { url, revision } of entries) {
    const match = entry.exec(url);
    const part = match?.[1] ?? "";
    if (match && revision) caches[part] = `newsroom-search-${part || "root"}-${revision.slice(0, 8)}`;
  }
  return caches;
}

/** Copies Workbox's runtime and writes `/sw.js` with the list of files to download; Workbox's warnings go to `log`. */
export async function writeServiceWorker(job: ServiceWorkerJob, log: Logger): Promise<ServiceWorkerSummary> {
  const require = createRequire(import.meta.url);
  const resolveFrom = path.dirname(require.resolve("workbox-build"));
  const workboxDir = path.join(job.outputDir, WORKBOX_URL);
  await mkdir(workboxDir, { recursive: true });
  await Promise.all(
    WORKBOX_FILES.map((file) => copyFile(require.resolve(file, { paths: [resolveFrom] }), path.join(workboxDir, path.basename(file)))),
  );

  const { site, own, fullIndex } = precacheGlobs(job);
  // Only the manifest step of workbox-build (its main entry loads Rollup and Babel: ~0.6 s).
  const { getManifest } = await import("workbox-build/build/get-manifest.js");
  const list = (globPatterns: string[], ignores: string[]) =>
    getManifest({
      globDirectory: job.outputDir,
      globPatterns,
      globIgnores: [SERVICE_WORKER_URL.slice(1), `${WORKBOX_URL.slice(1)}**`, ...ignores],
      // The index's files are content-hashed: their names are their versions.
      dontCacheBustURLsMatching: /\.pf_(meta|index|fragment|filter)$/,
      maximumFileSizeToCacheInBytes: Math.max(job.options.fullIndexUpTo, 10_000_000),
    }).catch((error: Error) => {
      throw new NewsroomError(`offline: could not list the files for the service worker: ${error.message}`, { cause: error });
    });
  const lists = await Promise.all([list(site.globs, site.ignores), list(own, [])]);
  const seen = new Set<string>();
  const entries = lists.flatMap((l) => l.manifestEntries).filter((e) => !seen.has(e.url) && seen.add(e.url));
  // A glob matching nothing is normal (no fonts, say); anything else (a file too large) is worth a word.
  for (const warning of lists.flatMap((l) => l.warnings)) if (!/match any files/.test(warning)) log.warn(`offline: ${warning}`);

  const template = await readFile(TEMPLATE, "utf8");
  const worker = template
    .replace(CONFIG_PLACEHOLDER, () => JSON.stringify(serviceWorkerConfig(job, partCaches(entries, job.search?.bundle))))
    .replace(MANIFEST_PLACEHOLDER, () => JSON.stringify(entries));
  await writeFile(path.join(job.outputDir, SERVICE_WORKER_URL), worker);
  return { files: entries.length, bytes: lists.reduce((sum, l) => sum + l.size, 0), fullIndex };
}
