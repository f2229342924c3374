/** The site files feature: `/robots.txt`, the web app manifest and its default icon. */
import type { FeatureContext } from "../../kernel/feature.ts";
import type { NewsroomOptions } from "../../options/types.ts";
import { DEFAULT_ICON_URL, MANIFEST_URL, monogramIcon, robotsTxt, webManifest } from "./site-files.ts";

/**
 * Registers robots.txt (option `robots`) and the manifest with its monogram icon (option
 * `manifest`). `sitemap` gives the sitemap's absolute URL when the feeds feature writes one (read
 * while rendering: the path prefix is known then).
 */
export function registerSiteFiles(
  options: Pick<NewsroomOptions, "robots" | "manifest" | "site">,
  sitemap: (() => string) | undefined,
  context: FeatureContext,
): void {
  if (options.robots) context.addFile("robots", { permalink: "/robots.txt" }, () => robotsTxt(sitemap?.()));
  if (!options.manifest.enabled) return;
  context.addFile("manifest", { permalink: MANIFEST_URL }, () => webManifest(options, context.prefix));
  if (options.manifest.icons.length > 0) return;
  context.addFile("icon", { permalink: DEFAULT_ICON_URL }, () =>
    monogramIcon(options.site.title, {
      background: options.manifest.themeColor === "#ffffff" ? "#8b1a1a" : options.manifest.themeColor,
      text: "#ffffff",
    }),
  );
}
