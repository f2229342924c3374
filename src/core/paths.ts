/**
 * Where things are: the plugin's own files (layouts, partials, stylesheet, browser scripts),
 * and the fixed paths of what a build writes into the output folder. Constants only, so that
 * pure modules can name these paths without loading what writes them.
 */
import { fileURLToPath } from "node:url";

/** The plugin's folder (`src/` when run from source, `dist/` when installed): layouts, includes, client, assets. */
export const PLUGIN_DIR = fileURLToPath(new URL("../", import.meta.url));

/** Where the Pagefind bundle goes, inside the output folder. */
export const BUNDLE_DIR = "pagefind";

/** The service worker's URL (site root, so that its scope is the whole site). */
export const SERVICE_WORKER_URL = "/sw.js";

/** Where Workbox's runtime is copied, inside the output folder. */
export const WORKBOX_URL = "/assets/newsroom/workbox/";
