/**
 * Where things are: the plugin's own files (layouts, partials, stylesheet, browser scripts),
 * and the fixed paths of what a build writes into the output folder. Constants only, so that
 * pure modules can name these paths without loading what writes them.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The plugin's folder (`src/` when run from source, `dist/` when installed): layouts, includes, client, assets. */
export const PLUGIN_DIR = fileURLToPath(new URL("../", import.meta.url));

/** The file every `newsroom build` leaves in its output, so the next one knows the folder is its own to replace (and posts are never looked for there). */
export const OUTPUT_MARKER = ".newsroom-output";

/** Where the Pagefind bundle goes, inside the output folder. */
export const BUNDLE_DIR = "pagefind";

/** The service worker's URL (site root, so that its scope is the whole site). */
export const SERVICE_WORKER_URL = "/sw.js";

/** Where Workbox's runtime is copied, inside the output folder. */
export const WORKBOX_URL = "/assets/newsroom/workbox/";

/** The self-hosted font (option `font`): its files' URL folder, its stylesheet and the files a page preloads. */
export const FONT_URL = "/assets/newsroom/fonts/";
export const FONT_STYLESHEET_URL = "/assets/newsroom/fonts.css";
export const FONT_FILES = [
  "be-vietnam-pro-latin-400.woff2",
  "be-vietnam-pro-vietnamese-400.woff2",
  "be-vietnam-pro-latin-700.woff2",
  "be-vietnam-pro-vietnamese-700.woff2",
] as const;

/** Where `newsroom build` keeps the last build's pages for the next one (from the project root; #23). */
export const PAGE_STORE = ".cache/newsroom-pages";

/**
 * The name a replaced output takes beside it while a process of its own removes it,
 * `.<output>.removing-<that process's id>` (cli/output-lock.ts), and the glob of those folders at
 * the project's top, which no Eleventy build reads.
 */
const REMOVING_INFIX = ".removing-";
export const REMOVED_OUTPUTS = `.*${REMOVING_INFIX}*/**`;

/** The start of the name of output `base`'s folders being removed: `.<base>.removing-`. */
export function removingStem(base: string): string {
  return `.${base}${REMOVING_INFIX}`;
}

/** The file Eleventy writes a page URL to, from the output folder: "/2019/" → "2019/index.html", "/feed.xml" → "feed.xml". */
export function pageFileName(url: string): string {
  const page = url.replace(/^\/+/, "");
  return page === "" || page.endsWith("/") ? `${page}index.html` : page;
}

/**
 * `pageFileName(url)` normalized (no "." or ".." left, the platform's separators), or undefined for a URL that
 * leads outside the output folder. String work only: the page store makes it for every page of 100,000 posts.
 */
export function pageFile(url: string): string | undefined {
  const file = path.normalize(pageFileName(url));
  return file === "." || file === ".." || file.startsWith(`..${path.sep}`) || path.isAbsolute(file) ? undefined : file;
}
