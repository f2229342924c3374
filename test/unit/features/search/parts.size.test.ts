/** An archive of exactly `partSize` posts is one index (src/features/search/parts.ts): parts start past the size. */
import { expect, test } from "vitest";
import type { Post } from "../../../../src/posts/post.ts";
import { planParts } from "../../../../src/features/search/parts.ts";

const post = (date: string) => ({ year: date.slice(0, 4), month: date.slice(5, 7), url: `/${date}/` }) as Post;

test("an archive of exactly partSize posts is one index; one more post splits its year", () => {
  const year = ["2020-01-10", "2020-07-10", "2020-12-10"].map(post);
  expect(planParts(year, 3).map((p) => [p.key, p.first, p.last, p.posts.length])).toEqual([["all", "0000-01", "9999-12", 3]]);
  expect(planParts([...year, post("2020-02-10")], 3).map((p) => [p.key, p.first, p.last, p.posts.length])).toEqual([
    ["2020-01", "2020-01", "2020-06", 2],
    ["2020-07", "2020-07", "2020-12", 2],
  ]);
});
