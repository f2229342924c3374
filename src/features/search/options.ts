/**
 * The search feature's options (`search`). Composed into the root schema by options/schema.ts; the
 * README's table and the public types come from here (`npm run options-table`).
 */
import { z } from "zod";
import { A_STRING, enabled, feature, nonBlank, option, sitePath, wholeNumber } from "../../options/fields.ts";

export const searchOptions = feature(
  {
    enabled: enabled("Build the Pagefind index (`/pagefind/`) and the search page."),
    page: option(sitePath().default("/search/"), { description: "URL of the search page.", expected: A_STRING }),
    cache: option(z.union([z.literal(false), nonBlank()]).default(".cache/newsroom"), {
      description:
        "Folder (from the project root) keeping the last build's index parts, each keyed by its posts' content, Pagefind's version and the language: a build whose posts did not change copies it instead of running Pagefind again. `false`: no cache.",
      expected: 'a folder such as ".cache/newsroom", or false',
    }),
    partSize: option(z.union([z.literal(false), wholeNumber(1)]).default(5000), {
      description:
        "Most posts in one index: an archive up to this size is one standard Pagefind index at `/pagefind/`; a bigger one is written in parts so that Pagefind's memory and a rebuild's work grow with a part — the newest year at `/pagefind/` (searched first), older years grouped into parts of at most this many posts, a busier year split into equal spans of months. `false`: always one index. See *Search*.",
      expected: "a whole number of posts (1 or more), or false for one index",
    }),
  },
  {
    description:
      "Full-text search of the article bodies with Pagefind, and the search page. `false`: no index, no search page, no search box.",
    typeName: "SearchOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);
