// Date ranges as Pagefind filters. Pagefind filters match exact strings, so a range of
// days becomes the fewest year ("2019"), month ("2019-10") and day ("2019-10-18") values
// that cover it exactly. Plain JavaScript: the browser loads it as is; the tests import it.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** @param {number} y @param {number} m 1-12 */
function daysInMonth(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** @param {number} n */
const pad = (n) => String(n).padStart(2, "0");

/**
 * The year, month and day values that cover `from`..`to` (inclusive), fewest first.
 *
 * @param {string} from "yyyy-MM-dd"
 * @param {string} to "yyyy-MM-dd"
 * @returns {{ year: string[], month: string[], day: string[] } | undefined}
 *   undefined when a bound is not a real day or `from` is after `to`
 */
export function coverRange(from, to) {
  const a = parseDay(from);
  const b = parseDay(to);
  if (!a || !b || from > to) return undefined;
  /** @type {{ year: string[], month: string[], day: string[] }} */
  const cover = { year: [], month: [], day: [] };
  let [y, m, d] = a;
  const [ty, tm, td] = b;
  /** @param {number} yy @param {number} mm @param {number} dd */
  const before = (yy, mm, dd) => yy < ty || (yy === ty && (mm < tm || (mm === tm && dd <= td)));
  while (before(y, m, d)) {
    if (m === 1 && d === 1 && (y < ty || (tm === 12 && td === 31))) {
      cover.year.push(String(y));
      y += 1;
      continue;
    }
    const last = daysInMonth(y, m);
    if (d === 1 && (y < ty || m < tm || td === last)) {
      cover.month.push(`${y}-${pad(m)}`);
      [y, m, d] = m === 12 ? [y + 1, 1, 1] : [y, m + 1, 1];
      continue;
    }
    cover.day.push(`${y}-${pad(m)}-${pad(d)}`);
    if (d < last) d += 1;
    else [y, m, d] = m === 12 ? [y + 1, 1, 1] : [y, m + 1, 1];
  }
  return cover;
}

/**
 * A Pagefind filter for a range: `{ any: [{ year }, { month }, { day }, …] }`.
 *
 * @param {string} from
 * @param {string} to
 * @returns {{ any: ({ year: string } | { month: string } | { day: string })[] } | undefined}
 */
export function rangeFilter(from, to) {
  const cover = coverRange(from, to);
  if (!cover) return undefined;
  return {
    any: [...cover.year.map((year) => ({ year })), ...cover.month.map((month) => ({ month })), ...cover.day.map((day) => ({ day }))],
  };
}

/** @param {string} value @returns {[number, number, number] | undefined} */
function parseDay(value) {
  const match = DAY.exec(value ?? "");
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return [y, m, d];
}
