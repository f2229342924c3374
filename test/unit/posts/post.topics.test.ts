/** #21 item 4: a tag or category with nothing to make a slug from is refused, naming the post, field and value. */
import { expect, test } from "vitest";
import { readPostHead, type PostContext } from "../../../src/posts/post.ts";
import { defaults, type SectionDeclaration } from "../../../src/options/index.ts";

const ctx = (declared: SectionDeclaration[] = []): PostContext => ({
  timeZone: "UTC",
  permalink: defaults.permalink,
  archives: defaults.archives,
  imageExists: () => true,
  topics: { sectionUrl: "/chuyen-muc/{slug}/", tagUrl: "/tag/{slug}/", declared },
});
const head = (data: Record<string, unknown>, context = ctx()) =>
  readPostHead("posts/a.md", { title: "Tin", date: "2020-01-01", ...data }, context);

test("tags of emoji or punctuation only are named by their place in the list as written", () => {
  const result = head({ tags: ["nóng", "🔥", "nóng", "!!!", "🔥 2020"] });
  expect(result.problems).toEqual([
    {
      file: "posts/a.md",
      field: "tags",
      expected:
        "tags with letters or digits to make their URLs from (emoji, punctuation and scripts such as Chinese are left out of slugs)",
      found: '"🔥" (item 2), "!!!" (item 4)',
    },
  ]);
  expect(head({ tags: "???" }).problems.map((p) => p.found)).toEqual(['"???"']);
  expect(head({ tags: ["🔥 2020", "C++"] }).problems).toEqual([]);
});

test("a category of emoji or punctuation only is refused, unless the site declares it with a slug", () => {
  expect(head({ category: "!!!" }).problems).toMatchObject([{ field: "category", found: '"!!!"' }]);
  expect(head({ category: "🔥" }, ctx([{ name: "🔥", slug: "tin-nong" }])).head?.categoryUrl).toBe("/chuyen-muc/tin-nong/");
  // Undeclared in a site that declares its sections: one problem, the undeclared one.
  expect(head({ category: "🔥" }, ctx(["Thời sự"])).problems).toMatchObject([
    { field: "category", expected: expect.stringContaining("one of the site's sections") },
  ]);
});

// mutation gap: posts/post.ts the message for a category without slug letters, no sections declared
test("the message for a category without slug letters says what to write", () => {
  expect(head({ category: "🔥" }).problems).toEqual([
    {
      file: "posts/a.md",
      field: "category",
      expected:
        "a category with letters or digits to make its URL from (emoji, punctuation and scripts such as Chinese are left out of slugs), or one declared with a slug in option sections.categories",
      found: '"🔥"',
    },
  ]);
});

// mutation gap: posts/post.ts a slugless tag written with spaces around it is found at its place
test("a tag without slug letters written with spaces around it is named by its place", () => {
  expect(head({ tags: ["nóng", " 🔥 "] }).problems.map((p) => p.found)).toEqual(['"🔥" (item 2)']);
});
