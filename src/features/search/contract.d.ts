/**
 * What the search page reads from the build: one declaration, used by the build code that writes
 * it (src/features/search/indexer.ts: parts.json and the records; src/render/site-data.ts: the
 * page's strings) and by the browser scripts that read it (client/, JSDoc imports). The page's
 * attributes are written by src/layouts/search.njk; test/unit/features/search/contract.test.ts
 * checks a built site against this file.
 */
import type { SearchStrings } from "../../kernel/i18n/types.ts";

/** One Pagefind bundle of the search index (see src/features/search/parts.ts). */
export interface Part {
  /** "all" (one index), "2019" (a year), "2016-2018" (whole years) or "2019-07" (a span of months). */
  key: string;
  /** The first and last month the part covers, "yyyy-MM". */
  first: string;
  last: string;
  /** How many posts it holds. */
  posts: number;
  /** What its index was made from: same hash, same bytes. */
  hash: string;
  /** The bundle's folder from the bundle folder, "" for the root (the newest part), else "parts/<key>/". */
  path: string;
}

/** `/pagefind/parts.json`. */
export interface PartsManifest {
  version: 2;
  /** Oldest first; the last is the root bundle, with Pagefind's script, worker and WebAssembly. */
  parts: Part[];
}

/** The meta fields of a search record (`result.data().meta`). */
export type SearchMeta = {
  /** The title as written. */
  title: string;
  /** The title as the index holds words (`đ` as `d`): ranked as the title, never shown. */
  t: string;
  /** The date as the article page shows it. */
  date: string;
  /** The post's image, a site path (no path prefix) or a URL. */
  image?: string;
  image_alt?: string;
  /** Where the text had `đ`/`Đ` (indexer.ts's dPositions, read by client/search-parts.js's restoreD). */
  d?: string;
};

/** The meta field holding the title as the index holds words. */
export type TitleMeta = "t" & keyof SearchMeta;
/** The meta field holding where the text had `đ`/`Đ`. */
export type DMeta = "d" & keyof SearchMeta;

/** The digits of the numbers in the `d` meta: punctuation only, so that the field adds no word to the index. */
export type PositionDigits = "!#$%&()*+,-/:;<=";

/** The filters of a search record: the date ones ("2019", "2019-10", "2019-10-18") and the topics. */
export type SearchFilters = {
  year: [string];
  month: [string];
  day: [string];
  category?: [string];
  tag?: string[];
};

/** The sort keys of a search record: `date`, a UTC ISO 8601 instant (sorts as text in time order). */
export type SearchSort = { date: string };

/** Marks the search page's form (`form[data-newsroom-search]`). */
export type SearchFormAttribute = "data-newsroom-search";

/** The search form's `data-*` attributes, as `dataset` names them (`baseUrl` is `data-base-url`). */
export interface SearchFormData {
  /** The bundle folder's URL, path prefix applied, ending in "/". */
  bundle: string;
  /** The site's root URL, path prefix applied, ending in "/": results' images and URLs start from it. */
  baseUrl: string;
  /** The first and last days with posts, "yyyy-MM-dd" ("" without posts): an open date range's ends. */
  firstDay: string;
  lastDay: string;
  /** JSON of SearchPageStrings. */
  strings: string;
}

/** The interface strings the search script writes (the locale pack's `search`, in `data-strings`): declared once, in the locale packs' types. */
export type SearchPageStrings = Pick<
  SearchStrings,
  "results" | "resultsNoQuery" | "noResults" | "loading" | "searchingOlder" | "showAllYears" | "failed"
>;

/** The page's other elements the script fills: the status line, the results list, the "more" button. */
export type SearchStatusAttribute = "data-newsroom-search-status";
export type SearchResultsAttribute = "data-newsroom-search-results";
export type SearchMoreAttribute = "data-newsroom-search-more";

/** The form's fields (their `name`s), which are also the page URL's query parameters. */
export type SearchField = "q" | "year" | "month" | "category" | "from" | "to" | "sort";

/** The query parameters the page reads: the fields, and `day` (a one-day range; the archive pages' search boxes send it). */
export type SearchParam = SearchField | "day";

/** The values of the `sort` field: "" for relevance. */
export type SearchSortChoice = "" | "newest";
