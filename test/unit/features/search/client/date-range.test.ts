/**
 * #22 item 5: coverRange and rangeFilter, the search page's date range
 * (src/features/search/client/date-range.js); these tests were in test/unit/search.test.ts.
 */
import { describe, expect, test } from "vitest";
import { coverRange, rangeFilter } from "../../../../../src/features/search/client/date-range.js";

describe("coverRange", () => {
  test("one day", () => {
    expect(coverRange("2019-10-18", "2019-10-18")).toEqual({ year: [], month: [], day: ["2019-10-18"] });
  });
  test("whole months and years become month and year values", () => {
    expect(coverRange("2019-10-01", "2019-10-31")).toEqual({ year: [], month: ["2019-10"], day: [] });
    expect(coverRange("2019-01-01", "2019-12-31")).toEqual({ year: ["2019"], month: [], day: [] });
    expect(coverRange("2019-01-01", "2021-12-31")).toEqual({ year: ["2019", "2020", "2021"], month: [], day: [] });
  });
  test("ragged edges: days, then months, then years, then months, then days", () => {
    expect(coverRange("2019-10-30", "2021-02-02")).toEqual({
      year: ["2020"],
      month: ["2019-11", "2019-12", "2021-01"],
      day: ["2019-10-30", "2019-10-31", "2021-02-01", "2021-02-02"],
    });
  });
  test("across a month end and a year end", () => {
    expect(coverRange("2019-12-30", "2020-01-02")).toEqual({
      year: [],
      month: [],
      day: ["2019-12-30", "2019-12-31", "2020-01-01", "2020-01-02"],
    });
  });
  test("February of a leap year ends on the 29th", () => {
    expect(coverRange("2024-02-01", "2024-02-29")).toEqual({ year: [], month: ["2024-02"], day: [] });
    expect(coverRange("2024-02-01", "2024-02-28")?.day).toHaveLength(28);
    expect(coverRange("2023-02-01", "2023-02-28")).toEqual({ year: [], month: ["2023-02"], day: [] });
  });
  test("reversed or impossible ranges give nothing", () => {
    expect(coverRange("2019-10-19", "2019-10-18")).toBeUndefined();
    expect(coverRange("2019-02-30", "2019-03-01")).toBeUndefined();
    expect(coverRange("", "2019-03-01")).toBeUndefined();
  });
  test("a range over decades stays small", () => {
    const cover = coverRange("2010-01-15", "2030-11-20")!;
    expect(cover.year.length + cover.month.length + cover.day.length).toBeLessThan(20 + 12 + 12 + 31 + 31);
  });
  test("rangeFilter is Pagefind's `any` of those values", () => {
    expect(rangeFilter("2019-10-31", "2019-11-30")).toEqual({ any: [{ month: "2019-11" }, { day: "2019-10-31" }] });
  });
});
