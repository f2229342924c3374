// The date widget's choice of day. Plain JavaScript: the browser loads this file as is,
// and the unit tests import the same file.

/** @import { DaysIndex } from "../contract.js" */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day to show for a requested day: the day itself when it has posts, else the nearest
 * earlier day with posts, else (when the request is before the first post) the first day.
 *
 * @param {Readonly<DaysIndex["days"]>} days days with posts, "yyyy-MM-dd", oldest first (days.json's)
 * @param {string} requested "yyyy-MM-dd"
 * @returns {{ day: string, match: "exact" | "earlier" | "later" } | undefined}
 *   undefined when there are no days or the request is not a day
 */
export function nearestDay(days, requested) {
  if (!DAY.test(requested) || days.length === 0) return undefined;
  // Binary search for the last day <= requested ("yyyy-MM-dd" strings sort like dates).
  let low = 0;
  let high = days.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (days[mid] <= requested) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found === -1) return { day: days[0], match: "later" };
  const day = days[found];
  return { day, match: day === requested ? "exact" : "earlier" };
}

/**
 * The URL of a day's page from a pattern such as "/{yyyy}/{MM}/{dd}/".
 *
 * @param {string} pattern
 * @param {string} day "yyyy-MM-dd"
 */
export function dayUrl(pattern, day) {
  const [yyyy, MM, dd] = day.split("-");
  return pattern.replace("{yyyy}", yyyy).replace("{MM}", MM).replace("{dd}", dd);
}
