/**
 * Article slugs agree with Eleventy's own `slugify` filter (which keeps camel case in one word),
 * so `{{ title | slugify }}` in a template gives the post's slug.
 */
import { expect, test } from "vitest";
import { slugify } from "../../../src/kernel/slug.ts";

test("camel case is not split, as in Eleventy's filter: iPhone is one word", () => {
  expect(slugify("iPhone 15 ra mắt tại Việt Nam")).toBe("iphone-15-ra-mat-tai-viet-nam");
  expect(slugify("TikTok và YouTube")).toBe("tiktok-va-youtube");
});

test("a title asked for again gets the same slug", () => {
  expect(slugify("MacBook mới")).toBe("macbook-moi");
  expect(slugify("MacBook mới")).toBe("macbook-moi");
});
