/** Plain text from post bodies (src/kernel/text.ts): what search, excerpts and reading time are made from. */
import { describe, expect, test, vi } from "vitest";
import { countWords, htmlToText, truncateText } from "../../../src/kernel/text.ts";

describe("htmlToText", () => {
  test("named, decimal and hexadecimal entities are decoded, in either case; unknown ones stay as written", () => {
    expect(htmlToText("&amp; &lt; &gt; &quot; &#39; &apos; a&nbsp;b &AMP; &Lt;")).toBe(`& < > " ' ' a b & <`);
    expect(htmlToText("&#273;&#x111;&#X110;&#x1F4F0;")).toBe("đđĐ📰");
    expect(htmlToText("&copy; &hellip2; &#;")).toBe("&copy; &hellip2; &#;");
  });

  test("a numeric reference beyond Unicode reads as U+FFFD, as in a browser, instead of failing", () => {
    expect(htmlToText("Tin &#99999999; mới &#x110000; &#x10FFFF;")).toBe("Tin \uFFFD mới \uFFFD \u{10FFFF}");
  });

  test("scripts and styles are not text, however long; they separate the words around them", () => {
    expect(htmlToText('Tin<script type="module">\nconst a = "<p>x</p>";\nalert(a)\n</script>mới<STYLE>p { color: red }</STYLE>nhất')).toBe(
      "Tin mới nhất",
    );
    expect(htmlToText("a<script>x</script>b<style></style>c")).toBe("a b c");
  });

  test("block and line boundaries become single spaces", () => {
    expect(htmlToText("<h2>Sông Mã</h2>\n\n<p>Thị trấn<br>khang trang,\tsạch, đẹp.</p>")).toBe("Sông Mã Thị trấn khang trang, sạch, đẹp.");
  });
});

describe("countWords", () => {
  test("words joined by a hyphen or an apostrophe count once; numbers count", () => {
    expect(countWords("tin-tức COVID-19 it's rock’n’roll")).toBe(4);
    expect(countWords("Năm 2019 - 2020, 3 tin")).toBe(5);
    expect(countWords("a-b a--b -a b-")).toBe(5);
  });

  test("no letters or digits, no words", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("— … !?")).toBe(0);
  });
});

describe("truncateText", () => {
  test("a text of exactly the length is kept whole", () => {
    expect(truncateText("Sông Mã xanh", 12)).toBe("Sông Mã xanh");
    expect(truncateText("Sông Mã xanh.", 12)).toBe("Sông Mã…");
  });

  test("line breaks and runs of spaces count as one space", () => {
    expect(truncateText("  Sông\n\nMã\t xanh  ", 12)).toBe("Sông Mã xanh");
  });

  test("cut at the last space when it leaves more than half; a long word is cut inside instead", () => {
    expect(truncateText("aaaaaa bbbbbbbbbbbb", 10)).toBe("aaaaaa…");
    expect(truncateText("aaaaa bbbbbbbbbbbb", 10)).toBe("aaaaa bbbb…");
    expect(truncateText("a bbbbbbbbbbbbbbbbbb", 10)).toBe("a bbbbbbbb…");
  });

  test("punctuation and spaces left at the cut are dropped before the ellipsis", () => {
    expect(truncateText("Sông Mã, ;.- … thị trấn", 14)).toBe("Sông Mã…");
  });

  test("a long body gives an excerpt of about the length asked for", () => {
    const excerpt = truncateText("Thị trấn Sông Mã ngày càng khang trang, sạch, đẹp. ".repeat(100), 200);
    expect(excerpt.length).toBeGreaterThan(150);
    expect(excerpt.length).toBeLessThanOrEqual(201);
    expect(excerpt.endsWith("…")).toBe(true);
  });

  test("a short excerpt of a long text is as long as asked for", () => {
    expect(truncateText("Sông Mã ".repeat(50), 20)).toBe("Sông Mã Sông Mã…");
    expect(truncateText("x".repeat(200), 20)).toBe(`${"x".repeat(20)}…`);
  });

  test("a long text whose start is mostly blank is kept whole or visibly cut, never silently shortened", () => {
    expect(["Tin mới", "Tin…"]).toContain(truncateText(`Tin${" ".repeat(1000)}mới`, 200));
  });

  test("only the start of a long post is normalized to cut an excerpt from it", () => {
    const post = "Thị trấn Sông Mã ngày càng khang trang, sạch, đẹp. ".repeat(20_000); // about 1 MB
    const replace = vi.spyOn(String.prototype, "replace");
    let excerpt: string;
    let longest: number;
    try {
      excerpt = truncateText(post, 200);
      longest = Math.max(0, ...replace.mock.contexts.map((text) => String(text).length));
    } finally {
      replace.mockRestore();
    }
    expect(excerpt.startsWith("Thị trấn Sông Mã")).toBe(true);
    expect(longest).toBeLessThanOrEqual(200 * 4 + 64);
  });
});
