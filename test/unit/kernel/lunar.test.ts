/** The Vietnamese lunar calendar, where it differs from the Chinese one. */
import { DateTime } from "luxon";
import { expect, test } from "vitest";
import { lunarDay } from "../../../src/kernel/lunar.ts";
import { createFilters } from "../../../src/render/filters.ts";

const day = (iso: string) => lunarDay(DateTime.fromISO(iso, { zone: "Asia/Ho_Chi_Minh" }));

test("Tết falls where Vietnam keeps it, not where the Chinese calendar (UTC+8) puts it", () => {
  expect(day("1985-01-21")).toEqual({ day: 1, month: 1, leap: false, yearName: "Ất Sửu" });
  expect(day("2007-02-17")).toEqual({ day: 1, month: 1, leap: false, yearName: "Đinh Hợi" });
  expect(day("2025-01-29")).toMatchObject({ day: 1, month: 1, yearName: "Ất Tỵ" });
});

test("the seed article's day, and a leap month", () => {
  expect(day("2019-10-18")).toEqual({ day: 20, month: 9, leap: false, yearName: "Kỷ Hợi" });
  // 2023 had a leap second month (tháng 2 nhuận): 22 March 2023 was its first day.
  expect(day("2023-03-22")).toEqual({ day: 1, month: 2, leap: true, yearName: "Quý Mão" });
});

test("the lunarDate filter dates an instant in the site's zone, in the site's language", () => {
  // 17:30 UTC on 17 October is already the 18th in Hà Nội.
  expect(createFilters({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh" }).lunarDate(new Date("2019-10-17T17:30:00Z"))).toBe(
    "(20/9 năm Kỷ Hợi)",
  );
  expect(createFilters({ locale: "vi", timeZone: "UTC" }).lunarDate(new Date("2019-10-17T17:30:00Z"))).toBe("(19/9 năm Kỷ Hợi)");
  expect(createFilters({ locale: "vi", timeZone: "UTC" }).lunarDate(new Date("2023-03-22T12:00:00Z"))).toBe("(1/2 nhuận năm Quý Mão)");
  expect(createFilters({ locale: "en" }).lunarDate(new Date("2019-10-18T12:00:00Z"))).toBe("(lunar calendar: 20/9, year Kỷ Hợi)");
});
