/**
 * #22 item 5: admits and idfWeights, the search page's choice and weighing of parts
 * (src/features/search/client/search-parts.js); these tests were in test/unit/search-parts.test.ts.
 */
import { describe, expect, test } from "vitest";
import { admits, idfWeights } from "../../../../../src/features/search/client/search-parts.js";

describe("admits: the parts a filter can match", () => {
  const part = { key: "2020-05", first: "2020-05", last: "2020-08", posts: 1, hash: "", path: "parts/2020-05/" };
  test("year, month and day values must fall in the part's months", () => {
    expect(admits(part, { year: "2020" })).toBe(true);
    expect(admits(part, { year: "2021" })).toBe(false);
    expect(admits(part, { month: "2020-08" })).toBe(true);
    expect(admits(part, { month: "2020-09" })).toBe(false);
    expect(admits(part, { day: "2020-05-01" })).toBe(true);
    expect(admits(part, { day: "2020-04-30" })).toBe(false);
    expect(admits(part, { year: ["2020", "2021"] })).toBe(false); // every value must hold
  });
  test("`any` needs one alternative, `all` each; other filters say nothing about time", () => {
    expect(admits(part, { any: [{ day: "2019-01-01" }, { month: "2020-06" }] })).toBe(true);
    expect(admits(part, { any: [{ day: "2019-01-01" }, { month: "2020-09" }] })).toBe(false);
    expect(admits(part, { all: [{ year: "2020" }, { month: "2020-09" }] })).toBe(false);
    expect(admits(part, { category: "Xã hội", tag: ["a"] })).toBe(true);
  });
});

describe("idfWeights: parts' scores onto one scale", () => {
  const part = (key: string, posts: number) => ({ key, first: `${key}-01`, last: `${key}-12`, posts, hash: "", path: `parts/${key}/` });
  test("a word common in one part and rare in another: the first part's scores go up, the second's down", () => {
    const weights = idfWeights([part("2019", 100), part("2020", 100)], [{ "2019": 90, "2020": 10 }]);
    expect(weights.get("2019")).toBeGreaterThan(1);
    expect(weights.get("2020")).toBeLessThan(1);
  });
  test("parts alike weigh 1; no counts change nothing", () => {
    const weights = idfWeights([part("2019", 100), part("2020", 100)], [{ "2019": 20, "2020": 20 }]);
    expect(weights.get("2019")).toBeCloseTo(1, 1);
    expect(weights.get("2020")).toBeCloseTo(1, 1);
    expect([...idfWeights([part("2019", 10)], []).values()]).toEqual([1]);
  });
});
