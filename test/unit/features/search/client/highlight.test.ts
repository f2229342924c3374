/**
 * #22 item 5: the search results' highlighting (src/features/search/client/highlight.js); these
 * tests were in test/unit/search.test.ts.
 */
import { describe, expect, test } from "vitest";
import { fold, highlightExcerpt, queryWords } from "../../../../../src/features/search/client/highlight.js";

describe("highlighting", () => {
  test("fold removes accents and folds đ", () => {
    expect(fold("Đảng bộ ĐƯỜNG Điện")).toBe("dang bo duong dien");
    expect(queryWords("  Dang, BO! ")).toEqual(["dang", "bo"]);
  });
  test("marks the đ words Pagefind found through their folded form", () => {
    const excerpt = "xây dựng Đảng <mark>bộ</mark> trong sạch";
    expect(highlightExcerpt(excerpt, "", "dang bo")).toBe("xây dựng <mark>Đảng</mark> <mark>bộ</mark> trong sạch");
  });
  test("never marks inside HTML entities, and keeps escaped text escaped", () => {
    expect(highlightExcerpt("a &lt;script&gt; lt", "", "lt")).toBe("a &lt;script&gt; <mark>lt</mark>");
  });
  test("builds an excerpt from the content when the match is outside Pagefind's", () => {
    const content = `${"chữ ".repeat(40)}Đường điện về bản <b>`;
    const html = highlightExcerpt("chữ chữ chữ", content, "duong dien");
    expect(html).toContain("<mark>Đường</mark> <mark>điện</mark> về bản &lt;b");
    expect(html).not.toContain("<b>");
    expect(html.startsWith("… ")).toBe(true);
  });
});
