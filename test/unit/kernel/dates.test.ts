import { describe, expect, test } from "vitest";
import { DATE_EXPECTATION, dateParts, inZone, isoDate, parsePostDate } from "../../../src/kernel/dates.ts";

const HCM = "Asia/Ho_Chi_Minh";
const NY = "America/New_York";

function instant(value: unknown, zone: string): string {
  const parsed = parsePostDate(value, zone);
  if (!parsed.ok) throw new Error(`not parsed: ${parsed.found}`);
  return parsed.date.toUTC().toISO()!;
}

describe("parsePostDate", () => {
  test("a date alone is midnight of that day in the site's zone", () => {
    expect(instant("2019-10-18", HCM)).toBe("2019-10-17T17:00:00.000Z");
    expect(instant("2019-10-18", "UTC")).toBe("2019-10-18T00:00:00.000Z");
  });

  test("a date and time without offset is site-local, with a space or a T", () => {
    expect(instant("2021-06-15 06:00", HCM)).toBe("2021-06-14T23:00:00.000Z");
    expect(instant("2021-06-15T06:00", HCM)).toBe("2021-06-14T23:00:00.000Z");
    expect(instant("2021-06-15T06:00:30", HCM)).toBe("2021-06-14T23:00:30.000Z");
  });

  test("an offset or Z makes it that instant, expressed in the site's zone", () => {
    expect(instant("2021-06-15T06:00:00Z", HCM)).toBe("2021-06-15T06:00:00.000Z");
    expect(instant("2021-06-15T06:00:00+09:00", HCM)).toBe("2021-06-14T21:00:00.000Z");
    const parsed = parsePostDate("2021-06-15T23:30:00Z", HCM);
    expect(parsed.ok && parsed.date.toISODate()).toBe("2021-06-16");
  });

  test("zones with daylight saving time use the offset of that date", () => {
    expect(instant("2021-01-15 12:00", NY)).toBe("2021-01-15T17:00:00.000Z"); // EST, -05:00
    expect(instant("2021-07-15 12:00", NY)).toBe("2021-07-15T16:00:00.000Z"); // EDT, -04:00
    expect(instant("2021-03-14", NY)).toBe("2021-03-14T05:00:00.000Z"); // the day DST starts
  });

  test("impossible dates are rejected with the reason", () => {
    const parsed = parsePostDate("2019-02-30", HCM);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.found).toBe('"2019-02-30"');
      expect(parsed.expected).toMatch(/exists/);
    }
    expect(parsePostDate("2019-13-01", HCM).ok).toBe(false);
    expect(parsePostDate("2021-06-15 25:00", HCM).ok).toBe(false);
  });

  test("29 February exists only in leap years", () => {
    expect(parsePostDate("2024-02-29", HCM).ok).toBe(true);
    expect(parsePostDate("2023-02-29", HCM).ok).toBe(false);
  });

  test("day/month/year is rejected with the ISO form suggested", () => {
    const parsed = parsePostDate("18/10/2019", HCM);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.expected).toContain("did you mean 2019-10-18?");
    const dotted = parsePostDate("5.3.2020", HCM);
    expect(!dotted.ok && dotted.expected).toContain("did you mean 2020-03-05?");
  });

  // #21 item 8: "2024-5-8" and single-digit hours got no suggestion; "26/03/2021" did.
  test.each([
    ["2024-5-8", "2024-05-08"],
    ["2024-05-8", "2024-05-08"],
    ["2024/05/08", "2024-05-08"],
    ["2024.5.8", "2024-05-08"],
    ["2024-05-08 7:30", "2024-05-08 07:30"],
    ["2024-05-08T7:30", "2024-05-08 07:30"],
    ["2024-05-08 7h30", "2024-05-08 07:30"],
    ["2024-5-8 7:05:9", "2024-05-08 07:05:09"],
    ["2024-5-8T7:30+07:00", "2024-05-08T07:30+07:00"],
    ["2024-5-8 7:30Z", "2024-05-08T07:30Z"],
    ["26/03/2021 7:30", "2021-03-26 07:30"],
    ["03/26/2021", "2021-03-26"],
  ])("a near miss %s gets the standard form suggested: %s", (written, meant) => {
    const parsed = parsePostDate(written, HCM);
    expect(!parsed.ok && parsed.expected.endsWith(` — did you mean ${meant}?`)).toBe(true);
    expect(parsePostDate(meant, HCM).ok).toBe(true);
  });

  test("no suggestion that would be wrong itself: a day that does not exist, a time past 23:59", () => {
    for (const bad of ["2023-2-29", "31/02/2021", "2024-5-8 25:00", "2024-5-8 7:61"]) {
      const parsed = parsePostDate(bad, HCM);
      expect(!parsed.ok && parsed.expected, bad).not.toContain("did you mean");
    }
  });

  // #21 item 8: a time in a daylight-saving gap is moved forward; the caller is told so that it can warn.
  test("a site-local time the clocks skip is moved forward and flagged; times that exist are not flagged", () => {
    const gap = parsePostDate("2024-03-10 02:30", NY);
    expect(gap.ok && [gap.date.toISO({ suppressMilliseconds: true }), gap.inGap]).toEqual(["2024-03-10T03:30:00-04:00", true]);
    for (const fine of ["2024-03-10 01:59", "2024-03-10 03:00", "2024-03-10", "2024-03-10T02:30:00-05:00", "2024-11-03 01:30"]) {
      const parsed = parsePostDate(fine, NY);
      expect(parsed.ok && parsed.inGap, fine).toBeUndefined();
    }
  });

  // mutation gap: kernel/dates.ts a gap that moves only the minutes (Lord Howe Island: 02:00 to 02:30)
  test("a site-local time in a half-hour gap is flagged too", () => {
    const gap = parsePostDate("2024-10-06 02:10", "Australia/Lord_Howe");
    expect(gap.ok && [gap.date.toISO({ suppressMilliseconds: true }), gap.inGap]).toEqual(["2024-10-06T02:40:00+11:00", true]);
  });

  // mutation gap: kernel/dates.ts a near miss written with spaces around it in quotes
  test("a near miss with spaces around it gets the standard form suggested", () => {
    const parsed = parsePostDate(" 2024-5-8 ", HCM);
    expect(!parsed.ok && parsed.expected).toBe(`${DATE_EXPECTATION} — did you mean 2024-05-08?`);
  });

  test("other forms and types are rejected, naming what was found", () => {
    for (const bad of ["October 18, 2019", "2019-10", "20191018", "", "2019-10-18 6am"]) {
      expect(parsePostDate(bad, HCM).ok, bad).toBe(false);
    }
    const number = parsePostDate(2019, HCM);
    expect(!number.ok && number.found).toBe("number 2019");
    expect(parsePostDate(undefined, HCM).ok).toBe(false);
  });

  test("a JavaScript Date is taken as the instant it is", () => {
    expect(instant(new Date("2019-10-18T01:02:03Z"), HCM)).toBe("2019-10-18T01:02:03.000Z");
    expect(parsePostDate(new Date(Number.NaN), HCM).ok).toBe(false);
  });
});

describe("dateParts and isoDate", () => {
  test("calendar parts are taken in the site's zone, not UTC", () => {
    const justAfterMidnight = new Date("2019-12-31T17:30:00Z"); // 00:30 on 1 January in Ho Chi Minh City
    expect(dateParts(justAfterMidnight, HCM)).toEqual({ yyyy: "2020", MM: "01", dd: "01" });
    expect(dateParts(justAfterMidnight, "UTC")).toEqual({ yyyy: "2019", MM: "12", dd: "31" });
  });

  test("isoDate carries the zone's offset", () => {
    expect(isoDate(new Date("2019-10-17T17:00:00Z"), HCM)).toBe("2019-10-18T00:00:00+07:00");
    expect(isoDate("2021-07-15 12:00", NY)).toBe("2021-07-15T12:00:00-04:00");
  });

  test("inZone rejects what is not a date", () => {
    expect(() => inZone("not a date", HCM)).toThrow(/expected/);
    expect(() => inZone({} as never, HCM)).toThrow(/expected a date/);
  });

  test("a time zone that does not exist is refused by name, not printed as an empty or invalid date", () => {
    const date = new Date("2019-10-17T17:00:00Z");
    expect(() => isoDate(date, "Asia/Ha_Noi")).toThrow('expected an IANA time zone such as "Asia/Ho_Chi_Minh", found "Asia/Ha_Noi"');
    expect(() => dateParts(date, "Asia/Ha_Noi")).toThrow(/IANA time zone/);
    expect(() => inZone(Date.UTC(2019, 9, 17), "Asia/Ha_Noi")).toThrow(/IANA time zone/);
  });
});

describe("times and offsets that would be silently altered", () => {
  test("24:00 is refused, pointing at 00:00 of the next day", () => {
    const result = parsePostDate("2021-06-15 24:00", "Asia/Ho_Chi_Minh");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.expected).toContain("write 2021-06-16 00:00");
    expect(parsePostDate("2021-06-15 23:59", "Asia/Ho_Chi_Minh").ok).toBe(true);
    // ISO 8601 allows a lowercase t, and luxon reads it: 24:00 stays refused.
    expect(parsePostDate("2021-06-15t24:00Z", "UTC").ok).toBe(false);
  });
  test("the day pointed at after 24:00 is the next day in the site's zone, even when the zone skipped one", () => {
    // Samoa crossed the date line at the end of 29 December 2011: 30 December never happened in Apia.
    const result = parsePostDate("2011-12-29 24:00", "Pacific/Apia");
    expect(!result.ok && result.expected).toContain("write 2011-12-31 00:00");
  });
  test("offsets beyond ±14:00 are refused", () => {
    expect(parsePostDate("2021-06-15T06:00:00+25:00", "UTC").ok).toBe(false);
    expect(parsePostDate("2021-06-15T06:00:00-15:00", "UTC").ok).toBe(false);
    expect(parsePostDate("2021-06-15T06:00:00+14:00", "UTC").ok).toBe(true);
    expect(parsePostDate("2021-06-15T06:00:00-05:30", "UTC").ok).toBe(true);
  });
});
