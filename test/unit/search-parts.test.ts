import { describe, expect, test } from "vitest";
import { admits, idfWeights } from "../../src/client/search-parts.js";
import type { Post } from "../../src/content/post.ts";
import { planParts } from "../../src/search/parts.ts";

const post = (date: string) => ({ year: date.slice(0, 4), month: date.slice(5, 7), url: `/${date}/` }) as Post;
const keys = (posts: Post[], size: number | false) => planParts(posts, size).map((p) => `${p.key}:${p.first}..${p.last}:${p.posts.length}`);

describe("planParts", () => {
  test("a part per year while years fit", () => {
    expect(keys([post("2021-05-01"), post("2019-01-01"), post("2019-12-31")], 5)).toEqual([
      "2019:2019-01..2019-12:2",
      "2021:2021-01..2021-12:1",
    ]);
  });
  test("a busy year splits into the longest equal spans of months that fit, never below a month", () => {
    const year = (months: number[]) => months.map((m) => post(`2020-${String(m).padStart(2, "0")}-10`));
    expect(keys(year([1, 2, 7, 8]), 2)).toEqual(["2020-01:2020-01..2020-06:2", "2020-07:2020-07..2020-12:2"]);
    expect(keys(year([1, 2, 3, 4]), 2)).toEqual(["2020-01:2020-01..2020-02:2", "2020-03:2020-03..2020-04:2"]);
    expect(keys(year([5, 5, 5]), 2)).toEqual(["2020-05:2020-05..2020-05:3"]);
  });
  test("the same posts in any order give the same parts; a post's part depends on its date", () => {
    const posts = ["2018-02-01", "2018-09-01", "2018-03-03", "2019-07-07"].map(post);
    expect(keys(posts.toReversed(), 2)).toEqual(keys(posts, 2));
    expect(keys(posts, 1000)).toEqual(["2018:2018-01..2018-12:3", "2019:2019-01..2019-12:1"]);
  });
  test("partSize false: one part of everything", () => {
    expect(keys([post("2019-01-01"), post("2024-01-01")], false)).toEqual(["all:0000-01..9999-12:2"]);
  });
});

describe("admits: the parts a filter can match", () => {
  const part = { key: "2020-05", first: "2020-05", last: "2020-08", posts: 1 };
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
  const part = (key: string, posts: number) => ({ key, first: `${key}-01`, last: `${key}-12`, posts });
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
