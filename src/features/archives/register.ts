/** The date archives feature: year, month and day pages, their index, and the date widget's files. */
import type { FeatureContext } from "../../kernel/feature.ts";
import type { DaysIndex } from "./contract.js";

/** The date widget's scripts, served as they are. */
export const ARCHIVE_ASSETS = {
  "/assets/newsroom/date-search.js": "features/archives/client/date-search.js",
  "/assets/newsroom/nearest-day.js": "features/archives/client/nearest-day.js",
} as const;

/** The date widget's index of days: `{archives.index}days.json`. */
export function dayIndexUrl(archiveIndex: string): string {
  return `${archiveIndex}days.json`;
}

/** What the day index's template reads of the site data. */
interface DayIndexData {
  newsroom: { archives: { dayKeys: string[] } };
}

/** Registers the archive pages (from `newsroom.render.archivePages`), the archive index, days.json and the date widget's scripts. */
export function registerArchives(options: { index: string; layout: string; indexLayout: string }, context: FeatureContext): void {
  context.addPage("archives", options.layout, {
    pagination: { data: "newsroom.render.archivePages", size: 1, alias: "archive", addAllPagesToCollections: false },
    permalink: (data: { archive: { url: string } }) => data.archive.url,
  });
  context.addPage("archive-index", options.indexLayout, { permalink: options.index });
  context.addFile("day-index", { permalink: dayIndexUrl(options.index) }, (data: DayIndexData) =>
    JSON.stringify({ days: data.newsroom.archives.dayKeys } satisfies DaysIndex),
  );
  for (const [url, file] of Object.entries(ARCHIVE_ASSETS)) context.addAsset(url, file);
}
