/** The offline feature's page, its script, and the worker that removes an earlier worker (the service worker itself is written after the build, build/build.ts). */
import type { FeatureContext } from "../../kernel/feature.ts";
import { SERVICE_WORKER_URL } from "../../kernel/paths.ts";

/** The offline page's script, served as it is. */
export const OFFLINE_ASSETS = {
  "/assets/newsroom/offline.js": "features/offline/client/offline.js",
} as const;

/**
 * Registers the offline page and its script when reading offline is on; when it is off (and
 * `offline.unregister` is on), a worker at the service worker's URL that removes itself and
 * Newsroom's caches: a worker an earlier build installed stays in readers' browsers until /sw.js
 * changes. Off, the output holds none of the feature's other files.
 */
export function registerOffline(
  options: { enabled: boolean; page: string; unregister: boolean; layout: string },
  context: FeatureContext,
): void {
  if (options.enabled) {
    context.addPage("offline", options.layout, { permalink: options.page });
    for (const [url, file] of Object.entries(OFFLINE_ASSETS)) context.addAsset(url, file);
  } else if (options.unregister) context.addAsset(SERVICE_WORKER_URL, "features/offline/client/service-worker-removal.js");
}
