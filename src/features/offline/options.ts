/**
 * The offline feature's options (`offline`). Composed into the root schema by options/schema.ts; the
 * README's table and the public types come from here (`npm run options-table`).
 */
import { z } from "zod";
import { WHOLE_FROM_1, TRUE_OR_FALSE, A_STRING, enabled, feature, flag, option, sitePath, wholeNumber } from "../../options/fields.ts";

export const offlineOptions = feature(
  {
    enabled: enabled("Write the service worker (`/sw.js`) and the offline page (production builds only)."),
    page: option(sitePath().default("/offline/"), {
      description: "URL of the page shown when a page never visited is opened offline.",
      expected: A_STRING,
    }),
    fullIndexUpTo: option(z.number().min(0).default(5_000_000), {
      description:
        "Bytes: a search index at most this big is downloaded whole with the worker (every search works offline); a bigger one keeps what readers' searches fetched.",
      expected: "a number of bytes (0 or more)",
    }),
    maxPages: option(wholeNumber(1).default(200), {
      description: "Pages kept for offline reading (the oldest visited go first).",
      expected: WHOLE_FROM_1,
    }),
    precache: option(z.array(z.string().min(1)).default(["**/*.css", "**/*.woff2"]), {
      description:
        "Globs (in the output folder) of your own files downloaded with the worker, so that every page looks right offline. Newsroom's own scripts and styles and the search engine are always included.",
      expected: 'a list of globs such as ["**/*.css"]',
    }),
    unregister: option(flag().default(true), {
      description:
        "When offline reading is off: write a `/sw.js` that removes the worker an earlier build installed in readers' browsers, with its caches (a worker stays until its script changes). `false`: nothing at `/sw.js` (a worker of your own goes there).",
      expected: TRUE_OR_FALSE,
    }),
  },
  {
    description:
      "Offline reading: a service worker (Workbox) that keeps the pages a reader has visited and the search files, so both work without a network. Production builds only. `false`: no worker, no registration, no offline page (and a `/sw.js` that removes an earlier build's worker, see `offline.unregister`).",
    typeName: "OfflineOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);
