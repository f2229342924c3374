/**
 * What the date widget reads from the build: one declaration, used by the build code that writes
 * it (register.ts writes days.json, src/render/site-data.ts the attributes' values)
 * and by the browser scripts that read it (client/date-search.js, JSDoc imports). The attributes
 * are written by src/includes/newsroom/date-search.njk and src/layouts/archive.njk;
 * test/unit/features/archives/contract.test.ts checks a built site against this file.
 */

/** `{archives.index}days.json`: the days that have posts. */
export interface DaysIndex {
  /** Days with posts, "yyyy-MM-dd", oldest first (client/nearest-day.js searches it by halves). */
  days: string[];
}

/** Marks the date widget's form (`form[data-newsroom-date-search]`). */
export type DateSearchAttribute = "data-newsroom-date-search";

/** The date widget form's `data-*` attributes, as `dataset` names them (`daysUrl` is `data-days-url`). */
export interface DateSearchData {
  /** The URL of days.json, path prefix applied. */
  daysUrl: string;
  /** A day's archive page as a pattern, "/{yyyy}/{MM}/{dd}/", path prefix applied. */
  dayUrl: string;
}

/** The form's field with the requested day, "yyyy-MM-dd" (`<input type="date" name="date">`). */
export type DateSearchField = "date";

/**
 * The query parameters the date widget reads: `date` on the archive index (the form's target
 * without JavaScript), `requested` on a day page reached from a day without posts.
 */
export type DateSearchParam = "date" | "requested";

/** Marks the day page's notice of a substituted day (`[data-newsroom-date-notice]`). */
export type DateNoticeAttribute = "data-newsroom-date-notice";

/** The notice's `data-*` attributes, as `dataset` names them. */
export interface DateNoticeData {
  /** The page's day, "yyyy-MM-dd". */
  day: string;
  /** The notice when the page's day is the nearest earlier one ("{date}": the requested day). */
  earlier: string;
  /** The notice when the page's day is the nearest later one (the request was before the first post). */
  later: string;
}
