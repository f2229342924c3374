import { describe, expect, test } from "vitest";
import type { Post } from "../../../../src/posts/post.ts";
import { planParts } from "../../../../src/features/search/parts.ts";

const post = (date: string) => ({ year: date.slice(0, 4), month: date.slice(5, 7), url: `/${date}/` }) as Post;
const keys = (posts: Post[], size: number | false) => planParts(posts, size).map((p) => `${p.key}:${p.first}..${p.last}:${p.posts.length}`);

describe("planParts (#20: parts only when needed, whole years up to the cap, the newest year alone)", () => {
  const year = (y: number, count: number, month = 6) =>
    Array.from({ length: count }, (_, i) => post(`${y}-${String(month).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`));
  test("an archive that fits is one index, whatever its years (the demo's 48 posts: one)", () => {
    expect(keys([post("2021-05-01"), post("2019-01-01"), post("2019-12-31")], 5)).toEqual(["all:0000-01..9999-12:3"]);
    expect(keys([...year(2015, 10), ...year(2019, 10), ...year(2024, 28)], 5000)).toEqual(["all:0000-01..9999-12:48"]);
  });
  test("past the cap: older years grouped oldest first into whole years that fit, the newest year a part of its own", () => {
    const posts = [...year(2016, 2), ...year(2017, 2), ...year(2018, 1), ...year(2019, 3), ...year(2020, 1), ...year(2021, 1)];
    expect(keys(posts, 4)).toEqual([
      "2016-2017:2016-01..2017-12:4",
      "2018-2019:2018-01..2019-12:4",
      "2020:2020-01..2020-12:1", // would not fit beside them: a group of its own
      "2021:2021-01..2021-12:1",
    ]);
  });
  test("a year over the cap alone splits into the longest equal spans of months that fit, never below a month", () => {
    const months = (y: number, list: number[]) => list.map((m) => post(`${y}-${String(m).padStart(2, "0")}-10`));
    expect(keys([...months(2020, [1, 2, 7, 8]), post("2021-01-01")], 2)).toEqual([
      "2020-01:2020-01..2020-06:2",
      "2020-07:2020-07..2020-12:2",
      "2021:2021-01..2021-12:1",
    ]);
    expect(keys([...months(2020, [1, 2, 3, 4]), post("2021-01-01")], 2)).toEqual([
      "2020-01:2020-01..2020-02:2",
      "2020-03:2020-03..2020-04:2",
      "2021:2021-01..2021-12:1",
    ]);
    expect(keys([...months(2020, [5, 5, 5]), post("2021-01-01")], 2)).toEqual(["2020-05:2020-05..2020-05:3", "2021:2021-01..2021-12:1"]);
    // The newest year too.
    expect(keys([post("2019-01-01"), ...months(2020, [1, 2, 7, 8])], 2)).toEqual([
      "2019:2019-01..2019-12:1",
      "2020-01:2020-01..2020-06:2",
      "2020-07:2020-07..2020-12:2",
    ]);
  });
  test("a new post in the newest year changes that part only; the same posts in any order give the same parts", () => {
    const posts = [...year(2016, 3), ...year(2017, 2), ...year(2018, 3), ...year(2019, 2)];
    const before = keys(posts, 5);
    const after = keys([...posts, post("2019-12-30")], 5);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)).toBe("2019:2019-01..2019-12:3");
    expect(keys(posts.toReversed(), 5)).toEqual(before);
  });
  test("partSize false: one index of everything", () => {
    expect(keys([post("2019-01-01"), post("2024-01-01")], false)).toEqual(["all:0000-01..9999-12:2"]);
  });
});

describe("planParts: the newest part, searched first (#20)", () => {
  const year = (y: number, count: number) =>
    Array.from({ length: count }, (_, i) => post(`${y}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`));
  test("a young year (under a tenth of partSize) shares the newest part with the year before", () => {
    expect(keys([...year(2023, 40), ...year(2024, 40), ...year(2025, 3)], 50)).toEqual([
      "2023:2023-01..2023-12:40",
      "2024-2025:2024-01..2025-12:43",
    ]);
  });
  test("from a tenth of partSize on, the newest year is the newest part alone", () => {
    expect(keys([...year(2023, 40), ...year(2024, 40), ...year(2025, 5)], 50)).toEqual([
      "2023:2023-01..2023-12:40",
      "2024:2024-01..2024-12:40",
      "2025:2025-01..2025-12:5",
    ]);
  });
  test("never past partSize: a young year beside a full one stays alone", () => {
    expect(keys([...year(2024, 49), ...year(2025, 3)], 50)).toEqual(["2024:2024-01..2024-12:49", "2025:2025-01..2025-12:3"]);
  });

  // mutation gap: features/search/parts.ts a young newest year joins the year before up to exactly partSize
  test("a young year joins the year before when together they hold exactly partSize posts", () => {
    expect(keys([...year(2023, 40), ...year(2024, 47), ...year(2025, 3)], 50)).toEqual([
      "2023:2023-01..2023-12:40",
      "2024-2025:2024-01..2025-12:50",
    ]);
  });

  // mutation gap: features/search/parts.ts a newest year of exactly partSize posts is not split
  test("a newest year of exactly partSize posts, in a bigger archive, stays one part", () => {
    expect(keys([...year(2023, 10), ...year(2024, 50)], 50)).toEqual(["2023:2023-01..2023-12:10", "2024:2024-01..2024-12:50"]);
  });
});

describe("planParts: older years at and over partSize (mutation gaps)", () => {
  const year = (y: number, count: number) =>
    Array.from({ length: count }, (_, i) => post(`${y}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`));

  // mutation gap: features/search/parts.ts an older year of exactly partSize posts is grouped whole
  test("an older year of exactly partSize posts is one part of its own, not split into months", () => {
    expect(keys([...year(2023, 50), ...year(2024, 10)], 50)).toEqual(["2023:2023-01..2023-12:50", "2024:2024-01..2024-12:10"]);
  });

  // mutation gap: features/search/parts.ts the group open before a year over partSize is closed first
  test("years grouped before a year over partSize come out before its spans, in time order", () => {
    expect(keys([...year(2019, 1), ...year(2020, 2), ...year(2021, 7), ...year(2022, 1)], 5)).toEqual([
      "2019-2020:2019-01..2020-12:3",
      "2021-01:2021-01..2021-04:4",
      "2021-05:2021-05..2021-08:3",
      "2022:2022-01..2022-12:1",
    ]);
  });

  // mutation gap: features/search/parts.ts a split year's spans are sorted by month, whatever the posts' order
  test("a split year's spans come out in month order when its posts come newest first", () => {
    const posts = [...year(2020, 12), post("2021-01-01")];
    const inOrder = [
      "2020-01:2020-01..2020-03:3",
      "2020-04:2020-04..2020-06:3",
      "2020-07:2020-07..2020-09:3",
      "2020-10:2020-10..2020-12:3",
    ];
    expect(keys(posts, 3)).toEqual([...inOrder, "2021:2021-01..2021-12:1"]);
    expect(keys(posts.toReversed(), 3)).toEqual([...inOrder, "2021:2021-01..2021-12:1"]);
  });
});
