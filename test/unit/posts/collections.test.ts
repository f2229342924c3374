/**
 * #22 item 5: publishedPosts (src/posts/collections.ts); these tests were in
 * test/unit/text-and-filters.test.ts.
 */
import { describe, expect, test } from "vitest";
import { publishedPosts } from "../../../src/posts/collections.ts";
import type { Post } from "../../../src/posts/post.ts";

describe("publishedPosts", () => {
  const make = (url: string, iso: string, extra: Partial<Post> = {}) =>
    ({ url, title: url, date: new Date(iso), draft: false, ...extra }) as Post;
  const now = new Date("2020-01-01T00:00:00Z");
  const posts = [
    make("/b/", "2019-10-18T00:00:00Z"),
    make("/a/", "2019-10-18T00:00:00Z"),
    make("/new/", "2019-12-01T00:00:00Z"),
    make("/draft/", "2019-11-01T00:00:00Z", { draft: true }),
    make("/future/", "2020-06-01T00:00:00Z"),
  ];

  test("newest first, ties by URL, drafts and future posts left out", () => {
    expect(publishedPosts(posts, { now, includeUnpublished: false }).map((p) => p.url)).toEqual(["/new/", "/a/", "/b/"]);
  });

  test("the dev server shows drafts and future posts too", () => {
    expect(publishedPosts(posts, { now, includeUnpublished: true }).map((p) => p.url)).toEqual([
      "/future/",
      "/new/",
      "/draft/",
      "/a/",
      "/b/",
    ]);
  });

  test("neighbours link newer and older posts without changing the inputs", () => {
    const [first, middle, last] = publishedPosts(posts, { now, includeUnpublished: false });
    expect(first?.newer).toBeUndefined();
    expect(middle?.newer?.url).toBe("/new/");
    expect(middle?.older?.url).toBe("/b/");
    expect(last?.older).toBeUndefined();
    expect(posts[0]?.newer).toBeUndefined();
  });
});
