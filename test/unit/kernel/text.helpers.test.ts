/**
 * #22 item 5: htmlToText, countWords, readingMinutes and truncateText (src/kernel/text.ts) by
 * example; these tests were in test/unit/text-and-filters.test.ts.
 */
import { describe, expect, test } from "vitest";
import { countWords, htmlToText, readingMinutes, truncateText } from "../../../src/kernel/text.ts";

describe("text helpers", () => {
  test("htmlToText drops tags and decodes entities", () => {
    expect(htmlToText("<p>A &amp; B</p><p>&lt;script&gt; &#273;&#x0111;</p>")).toBe("A & B <script> đđ");
  });
  test("countWords counts Vietnamese syllables as words", () => {
    expect(countWords("Đảng bộ thị trấn Sông Mã, 2019.")).toBe(7);
  });
  test("readingMinutes is at least one minute", () => {
    expect(readingMinutes(0, 200)).toBe(1);
    expect(readingMinutes(1000, 200)).toBe(5);
  });
  test("truncateText reads only the start of a long text", () => {
    expect(truncateText(`${"chữ ".repeat(2_000_000)}`, 12)).toBe("chữ chữ chữ…");
  });
  test("truncateText keeps short text and trims trailing punctuation", () => {
    expect(truncateText("ngắn", 10)).toBe("ngắn");
    expect(truncateText("một, hai, ba, bốn, năm", 12)).toBe("một, hai…");
  });
});
