/**
 * Pages held as bytes, not strings, while a production build runs.
 *
 * Eleventy keeps every page's final HTML until the build ends (in its `results`, and cached on
 * the page's template). As JavaScript strings, Vietnamese pages take two bytes per character on
 * Node's heap: at 100,000 posts (about 160,000 pages) that alone passes Node's default heap limit
 * of about 4 GB, and the build died "out of memory" after 28 minutes. Handed to Eleventy as a
 * Buffer by the last transform, a page is its UTF-8 bytes outside the heap: about half the memory,
 * and none of it counted against the heap limit. Eleventy writes a Buffer as it writes a string.
 *
 * Only where nothing can be surprised by bytes: `eleventy --to=fs` builds (not the dev server,
 * not `--to=json`), and only while Newsroom's transform is the last one that changes pages (a
 * transform added after it, by a plugin registered later, still gets strings: the pages then stay
 * strings; Eleventy's own delayed-bundle transform counts only when a bundle is delayed).
 */
import type { EleventyConfig, EleventyEventArgs } from "../kernel/eleventy.ts";

const TRANSFORM = "newsroom-page-bytes";
/** Eleventy's own last transform: it passes pages through untouched unless a bundle is delayed. */
const DELAYED_BUNDLES = "@11ty/eleventy-bundle/delayed";

export function registerPageBytes(eleventyConfig: EleventyConfig): void {
  let enabled = false;
  eleventyConfig.on("eleventy.before", ({ runMode, outputMode }: EleventyEventArgs) => {
    const after = Object.keys(eleventyConfig.transforms ?? {});
    after.splice(0, after.indexOf(TRANSFORM) + 1);
    const delayedBundles = Object.values(eleventyConfig.getBundleManagers?.() ?? {}).some((manager) => manager.isDelayed?.() === true);
    const last = after.every((name) => name === DELAYED_BUNDLES && !delayedBundles);
    enabled = runMode === "build" && outputMode === "fs" && last;
  });
  eleventyConfig.addTransform(TRANSFORM, (content: unknown) => (enabled && typeof content === "string" ? Buffer.from(content) : content));
}
