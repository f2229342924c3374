/**
 * Front matter dates (src/kernel/dates.ts) at their edges: the forms written by hand (spaces, offsets
 * without a colon), the mistakes named in words, and instants always shown in the site's zone.
 */
import { describe, expect, test } from "vitest";
import { DATE_EXPECTATION, inZone, parsePostDate } from "../../../src/kernel/dates.ts";

const HCM = "Asia/Ho_Chi_Minh";
const refusal = (value: unknown) => {
  const parsed = parsePostDate(value, HCM);
  if (parsed.ok) throw new Error(`accepted: ${parsed.date.toISO()}`);
  return { expected: parsed.expected, found: parsed.found };
};
const iso = (value: unknown) => {
  const parsed = parsePostDate(value, HCM);
  if (!parsed.ok) throw new Error(`refused: ${parsed.expected}`);
  return parsed.date.toISO();
};

describe("forms written by hand", () => {
  test("spaces around the date and several spaces before the time are fine", () => {
    expect(iso(" 2019-10-18 ")).toBe("2019-10-18T00:00:00.000+07:00");
    expect(iso("2021-06-15   06:00")).toBe("2021-06-15T06:00:00.000+07:00");
  });

  test("a JavaScript Date is shown in the site's zone", () => {
    expect(iso(new Date("2019-10-17T17:00:00Z"))).toBe("2019-10-18T00:00:00.000+07:00");
  });

  test("offsets with or without a colon, up to 59 minutes", () => {
    expect(iso("2021-06-15T06:00:00+0530")).toBe("2021-06-15T07:30:00.000+07:00");
    expect(iso("2021-06-15T06:00:00+05:59")).toBe("2021-06-15T07:01:00.000+07:00");
    expect(iso("2021-06-15T06:00-03")).toBe("2021-06-15T16:00:00.000+07:00");
  });
});

describe("mistakes named in words", () => {
  const offset = "a UTC offset from -12:00 to +14:00, such as +07:00";
  test.each(["2021-06-15T06:00:00+2500", "2021-06-15T06:00+25", "2021-06-15T06:00:00+07:60", "2021-06-15T06:00:00-1500"])(
    "the offset of %s",
    (value) => {
      expect(refusal(value)).toEqual({ expected: offset, found: JSON.stringify(value) });
    },
  );

  test("24:00 of a day that does not exist: no next day to suggest", () => {
    expect(refusal("2021-02-30 24:00")).toEqual({ expected: "a time from 00:00 to 23:59", found: '"2021-02-30 24:00"' });
  });

  test("a day or month that does not exist: luxon's explanation", () => {
    expect(refusal("2019-02-30")).toEqual({
      expected: "a date that exists (you specified 30 (of type number) as a day, which is invalid)",
      found: '"2019-02-30"',
    });
    expect(refusal("2019-13-01").expected).toBe("a date that exists (you specified 13 (of type number) as a month, which is invalid)");
  });

  test("an invalid Date, and values that are not text", () => {
    expect(refusal(new Date(Number.NaN))).toEqual({ expected: DATE_EXPECTATION, found: "an invalid Date" });
    expect(refusal(20191018)).toEqual({ expected: DATE_EXPECTATION, found: "number 20191018" });
    expect(refusal(null)).toEqual({ expected: DATE_EXPECTATION, found: "null" });
  });
});

describe("inZone: the date filters' input", () => {
  test("what is not a date, or not a valid one, is named", () => {
    expect(() => inZone({} as never, HCM)).toThrow(new TypeError("expected a date, found the object {}"));
    expect(() => inZone(Number.NaN, HCM)).toThrow(new TypeError("expected a valid date, found number NaN"));
    expect(() => inZone(new Date(Number.NaN), HCM)).toThrow(new TypeError("expected a valid date, found an invalid Date"));
    expect(() => inZone("18/10/2019", HCM)).toThrow(
      new TypeError(`expected ${DATE_EXPECTATION} — did you mean 2019-10-18?, found "18/10/2019"`),
    );
  });

  test("epoch milliseconds and ISO text are instants seen in the zone", () => {
    expect(inZone(Date.UTC(2019, 9, 17, 17), HCM).toISO()).toBe("2019-10-18T00:00:00.000+07:00");
    expect(inZone("2019-10-18", HCM).toISO()).toBe("2019-10-18T00:00:00.000+07:00");
  });
});
