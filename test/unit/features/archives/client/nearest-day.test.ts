/**
 * #22 item 5: nearestDay and dayUrl, the date widget's (src/features/archives/client/nearest-day.js);
 * these tests were in test/unit/archives.test.ts.
 */
import { describe, expect, test } from "vitest";
import { dayUrl, nearestDay } from "../../../../../src/features/archives/client/nearest-day.js";

describe("nearestDay (the date widget)", () => {
  const days = ["2018-05-05", "2019-10-02", "2019-10-18", "2020-01-01"];
  test("a day with posts is itself", () => {
    expect(nearestDay(days, "2019-10-18")).toEqual({ day: "2019-10-18", match: "exact" });
    expect(nearestDay(days, "2018-05-05")).toEqual({ day: "2018-05-05", match: "exact" });
  });
  test("an empty day gives the nearest earlier day with posts", () => {
    expect(nearestDay(days, "2019-10-17")).toEqual({ day: "2019-10-02", match: "earlier" });
    expect(nearestDay(days, "2019-12-31")).toEqual({ day: "2019-10-18", match: "earlier" });
    expect(nearestDay(days, "2030-01-01")).toEqual({ day: "2020-01-01", match: "earlier" });
  });
  test("a day before the first post gives the first day", () => {
    expect(nearestDay(days, "2000-01-01")).toEqual({ day: "2018-05-05", match: "later" });
  });
  test("no days, or a request that is not a day, give nothing", () => {
    expect(nearestDay([], "2019-10-18")).toBeUndefined();
    expect(nearestDay(days, "18/10/2019")).toBeUndefined();
    expect(nearestDay(days, "")).toBeUndefined();
  });
  test("dayUrl fills the day pattern", () => {
    expect(dayUrl("/{yyyy}/{MM}/{dd}/", "2019-10-18")).toBe("/2019/10/18/");
    expect(dayUrl("/lich/{dd}-{MM}-{yyyy}/", "2019-10-18")).toBe("/lich/18-10-2019/");
  });
});
