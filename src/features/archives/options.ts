/**
 * The date archives' options (`archives`). Composed into the root schema by options/schema.ts; the
 * README's table and the public types come from here (`npm run options-table`).
 */
import { A_STRING, group, option, sitePath, urlPattern } from "../../options/fields.ts";

export const archiveOptions = group(
  {
    year: option(urlPattern(["yyyy"]).default("/{yyyy}/"), { description: "URL of a year's archive page.", expected: A_STRING }),
    month: option(urlPattern(["yyyy", "MM"]).default("/{yyyy}/{MM}/"), {
      description: "URL of a month's archive page (calendar and posts).",
      expected: A_STRING,
    }),
    day: option(urlPattern(["yyyy", "MM", "dd"]).default("/{yyyy}/{MM}/{dd}/"), {
      description: "URL of a day's archive page.",
      expected: A_STRING,
    }),
    index: option(sitePath().default("/archive/"), {
      description: "URL of the archive index (every year and month); the date widget's list of days is `{index}days.json`.",
      expected: A_STRING,
    }),
  },
  {
    description: "URL patterns of the date archives; later pages of a period get `page/{n}/` appended.",
    typeName: "ArchivePermalinks",
  },
);
