/** #21 item 4: a declared section whose name has nothing to make a slug from needs a slug of its own. */
import { expect, test } from "vitest";
import { resolveOptions } from "../../../src/options/index.ts";
import { sectionDeclarationProblem } from "../../../src/kernel/topics.ts";

test("a section named by emoji or punctuation alone is refused unless it has a slug", () => {
  for (const name of ["🔥", "!!!", "???", "新闻"]) {
    expect(sectionDeclarationProblem(name)).toBe(
      `the section ${JSON.stringify(name)} has no letters or digits to make its URL from (emoji, punctuation and scripts such as Chinese are left out of slugs): give it a slug, such as { name: ${JSON.stringify(name)}, slug: "tin-nong" }`,
    );
    expect(sectionDeclarationProblem({ name, slug: "tin-nong" })).toBeUndefined();
  }
  expect(sectionDeclarationProblem("🔥 Nóng")).toBeUndefined();
  expect(sectionDeclarationProblem({ name: "Thời sự", label: "🔥" })).toBeUndefined();
});

test("the option names the path and the value", () => {
  expect(() => resolveOptions({ sections: { categories: ["Thời sự", "🔥"] } })).toThrow(
    /sections\.categories: expected .*\(the section "🔥" has no letters or digits to make its URL from .*give it a slug.*\), found the list \["Thời sự","🔥"\]/,
  );
  expect(() => resolveOptions({ sections: { categories: ["Thời sự", { name: "🔥", slug: "tin-nong" }] } })).not.toThrow();
});
