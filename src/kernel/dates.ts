/**
 * Zone-correct date parsing and formatting. Every function takes the site's time zone
 * explicitly: nothing here reads the machine's `TZ`.
 */
import { DateTime } from "luxon";
import { describe } from "./errors.ts";

/** Calendar parts of an instant in the site's zone, zero-padded: { yyyy: "2019", MM: "10", dd: "18" }. */
export interface DateParts {
  yyyy: string;
  MM: string;
  dd: string;
}

/**
 * A parsed date; `inGap` when the wall-clock time written does not exist in the zone (the
 * clocks skip it when daylight saving time starts): `date` is then luxon's, moved forward by the gap.
 */
export type ParsedDate = { ok: true; date: DateTime; inGap?: true } | { ok: false; expected: string; found: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
// Near misses, for "did you mean": digits not padded (2024-5-8, 7:30, 7h30), another separator
// (2024/05/08), day first (26/03/2021); a time and an offset may follow.
const CLOCK = String.raw`(?:(?:\s+|[Tt])(\d{1,2})[:hH.](\d{1,2})(?::(\d{1,2})(\.\d{1,9})?)?\s*([zZ]|[+-]\d{2}(?::?\d{2})?)?)?`;
const YEAR_MONTH_DAY = new RegExp(String.raw`^(\d{4})[./-](\d{1,2})[./-](\d{1,2})${CLOCK}$`);
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})[./-](\d{1,2})[./-](\d{4})${CLOCK}$`);

export const DATE_EXPECTATION =
  "a date such as 2019-10-18 (that day in the site's time zone), 2019-10-18 14:30 (site-local time) or 2019-10-18T14:30:00+07:00 (an instant)";

/**
 * Parses a front matter date:
 * - `2019-10-18`: that calendar day, at midnight in `zone`;
 * - `2021-06-15 06:00` or `2021-06-15T06:00[:ss]`: that wall-clock time in `zone`;
 * - with `Z` or an offset: that instant.
 * The result is always expressed in `zone`.
 */
export function parsePostDate(value: unknown, zone: string): ParsedDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, expected: DATE_EXPECTATION, found: "an invalid Date" };
    return { ok: true, date: DateTime.fromJSDate(value, { zone }) };
  }
  if (typeof value !== "string") return { ok: false, expected: DATE_EXPECTATION, found: describe(value) };
  const text = value.trim().replace(/^(\d{4}-\d{2}-\d{2}) +(?=\d)/, "$1T");
  if (!DATE_ONLY.test(text) && !LOCAL_TIME.test(text) && !WITH_OFFSET.test(text)) {
    const suggestion = nearMiss(value.trim(), zone);
    return {
      ok: false,
      expected: suggestion ? `${DATE_EXPECTATION} — did you mean ${suggestion}?` : DATE_EXPECTATION,
      found: describe(value),
    };
  }
  // Luxon would read 24:00 as the next day's midnight, and any offset: both are mistakes to name.
  const clock = /T(\d{2}):(\d{2})/i.exec(text); // luxon takes a lowercase t too
  if (clock && Number(clock[1]) > 23) {
    const next = DateTime.fromISO(text.slice(0, 10), { zone }).plus({ days: 1 });
    const hint = next.isValid ? ` (for midnight at the end of the day, write ${next.toFormat("yyyy-MM-dd")} 00:00)` : "";
    return { ok: false, expected: `a time from 00:00 to 23:59${hint}`, found: describe(value) };
  }
  const offset = /([+-])(\d{2}):?(\d{2})?$/.exec(text.slice(10));
  if (offset && (Number(offset[2]) > 14 || Number(offset[3] ?? 0) > 59)) {
    return { ok: false, expected: "a UTC offset from -12:00 to +14:00, such as +07:00", found: describe(value) };
  }
  const parsed = DateTime.fromISO(text, { zone });
  if (!parsed.isValid) {
    const why = parsed.invalidExplanation ?? parsed.invalidReason ?? "not a real date";
    return { ok: false, expected: `a date that exists (${why})`, found: describe(value) };
  }
  const date = parsed.setZone(zone);
  // A local time the clocks skip (02:30 on the night DST starts): luxon moves it forward.
  const written = LOCAL_TIME.test(text) ? /T(\d{2}):(\d{2})/i.exec(text) : null;
  if (written && (date.hour !== Number(written[1]) || date.minute !== Number(written[2]))) return { ok: true, date, inGap: true };
  return { ok: true, date };
}

/**
 * The standard form of a date written nearly right ("2024-5-8 7:30" → "2024-05-08 07:30",
 * "26/03/2021" → "2021-03-26"), when that form is a date that exists; else undefined. A
 * day-first date that cannot be one (03/26/2021) is tried month first.
 */
function nearMiss(text: string, zone: string): string | undefined {
  const pad = (n: string | undefined) => (n ?? "").padStart(2, "0");
  const form = (year: string, month: string, day: string, clock: (string | undefined)[]) => {
    const [hour, minute, second, fraction, offset] = clock;
    if (hour === undefined) return `${year}-${pad(month)}-${pad(day)}`;
    const time = `${pad(hour)}:${pad(minute)}${second === undefined ? "" : `:${pad(second)}${fraction ?? ""}`}`;
    return `${year}-${pad(month)}-${pad(day)}${offset ? `T${time}${offset}` : ` ${time}`}`;
  };
  const candidates: string[] = [];
  const ymd = YEAR_MONTH_DAY.exec(text);
  if (ymd) candidates.push(form(ymd[1]!, ymd[2]!, ymd[3]!, ymd.slice(4)));
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) candidates.push(form(dmy[3]!, dmy[2]!, dmy[1]!, dmy.slice(4)), form(dmy[3]!, dmy[1]!, dmy[2]!, dmy.slice(4)));
  return candidates.find((candidate) => candidate !== text && parsePostDate(candidate, zone).ok);
}

/** Anything a template may hand a date filter: a Date, a luxon DateTime, an ISO string or epoch milliseconds. */
export type DateInput = Date | DateTime | string | number;

/** The instant `input`, seen in `zone`. Throws on input that is not a date, and on a zone that does not exist. */
export function inZone(input: DateInput, zone: string): DateTime {
  let dt: DateTime;
  if (DateTime.isDateTime(input)) dt = input;
  else if (input instanceof Date) dt = DateTime.fromJSDate(input);
  else if (typeof input === "number") dt = DateTime.fromMillis(input);
  else if (typeof input === "string") {
    const parsed = parsePostDate(input, zone);
    if (!parsed.ok) throw new TypeError(`expected ${parsed.expected}, found ${parsed.found}`);
    dt = parsed.date;
  } else {
    throw new TypeError(`expected a date, found ${describe(input)}`);
  }
  if (!dt.isValid) throw new TypeError(`expected a valid date, found ${describe(input)}`);
  // Luxon gives an unknown zone an invalid date, which formats as "Invalid DateTime" or nothing.
  const seen = dt.setZone(zone);
  if (!seen.isValid) throw new TypeError(`expected an IANA time zone such as "Asia/Ho_Chi_Minh", found ${describe(zone)}`);
  return seen;
}

/** Calendar parts in `zone`. */
export function dateParts(input: DateInput, zone: string): DateParts {
  const dt = inZone(input, zone);
  return { yyyy: dt.toFormat("yyyy"), MM: dt.toFormat("MM"), dd: dt.toFormat("dd") };
}

/** ISO 8601 with the zone's offset, for `<time datetime>`: "2019-10-18T00:00:00+07:00". */
export function isoDate(input: DateInput, zone: string): string {
  return inZone(input, zone).toISO({ suppressMilliseconds: true }) ?? "";
}
