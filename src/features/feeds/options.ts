/**
 * The feeds feature's options (`feeds`). Composed into the root schema by options/schema.ts; the
 * README's table and the public types come from here (`npm run options-table`).
 */
import { WHOLE_FROM_1, enabled, feedFile, feature, option, wholeNumber } from "../../options/fields.ts";

export const feedOptions = feature(
  {
    enabled: enabled("Write an Atom feed, a JSON feed and a sitemap (only when `site.url` is set; a warning says so otherwise)."),
    limit: option(wholeNumber(1).default(20), { description: "Newest posts in each feed.", expected: WHOLE_FROM_1 }),
    atom: feedFile("/feed.xml", "Where the Atom feed is written."),
    json: feedFile("/feed.json", "Where the JSON feed is written."),
    sitemap: feedFile("/sitemap.xml", "Where the sitemap is written."),
  },
  {
    description: "Feeds and the sitemap. They need absolute URLs: without `site.url` they are not written.",
    typeName: "FeedOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);
