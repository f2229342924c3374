/** Plain text from post bodies (src/core/text.ts): what search, excerpts and reading time are made from. */
import { describe, expect, test } from "vitest";

// The module is imported inside the tests: its entity table is built when it loads, and the
// mutation run (npm run mutation) tests a change to such code only with the tests that load it.
const text = () => import("../../src/core/text.ts");

describe("htmlToText", () => {
  test("named, decimal and hexadecimal entities are decoded, in either case; unknown ones stay as written", async () => {
    const { htmlToText } = await text();
    expect(htmlToText("&amp; &lt; &gt; &quot; &#39; &apos; a&nbsp;b &AMP; &Lt;")).toBe(`& < > " ' ' a b & <`);
    expect(htmlToText("&#273;&#x111;&#X110;&#x1F4F0;")).toBe("đđĐ📰");
    expect(htmlToText("&copy; &hellip2; &#;")).toBe("&copy; &hellip2; &#;");
  });

  test("scripts and styles are not text, however long; they separate the words around them", async () => {
    const { htmlToText } = await text();
    expect(htmlToText('Tin<script type="module">\nconst a = "<p>x</p>";\nalert(a)\n</script>mới<STYLE>p { color: red }</STYLE>nhất')).toBe(
      "Tin mới nhất",
    );
    expect(htmlToText("a<script>x</script>b<style></style>c")).toBe("a b c");
  });

  test("block and line boundaries become single spaces", async () => {
    const { htmlToText } = await text();
    expect(htmlToText("<h2>Sông Mã</h2>\n\n<p>Thị trấn<br>khang trang,\tsạch, đẹp.</p>")).toBe("Sông Mã Thị trấn khang trang, sạch, đẹp.");
  });
});

describe("countWords", () => {
  test("words joined by a hyphen or an apostrophe count once; numbers count", async () => {
    const { countWords } = await text();
    expect(countWords("tin-tức COVID-19 it's rock’n’roll")).toBe(4);
    expect(countWords("Năm 2019 - 2020, 3 tin")).toBe(5);
    expect(countWords("a-b a--b -a b-")).toBe(5);
  });

  test("no letters or digits, no words", async () => {
    const { countWords } = await text();
    expect(countWords("")).toBe(0);
    expect(countWords("— … !?")).toBe(0);
  });
});

describe("truncateText", () => {
  test("a text of exactly the length is kept whole", async () => {
    const { truncateText } = await text();
    expect(truncateText("Sông Mã xanh", 12)).toBe("Sông Mã xanh");
    expect(truncateText("Sông Mã xanh.", 12)).toBe("Sông Mã…");
  });

  test("line breaks and runs of spaces count as one space", async () => {
    const { truncateText } = await text();
    expect(truncateText("  Sông\n\nMã\t xanh  ", 12)).toBe("Sông Mã xanh");
  });

  test("cut at the last space when it leaves more than half; a long word is cut inside instead", async () => {
    const { truncateText } = await text();
    expect(truncateText("aaaaaa bbbbbbbbbbbb", 10)).toBe("aaaaaa…");
    expect(truncateText("aaaaa bbbbbbbbbbbb", 10)).toBe("aaaaa bbbb…");
    expect(truncateText("a bbbbbbbbbbbbbbbbbb", 10)).toBe("a bbbbbbbb…");
  });

  test("punctuation and spaces left at the cut are dropped before the ellipsis", async () => {
    const { truncateText } = await text();
    expect(truncateText("Sông Mã, ;.- … thị trấn", 14)).toBe("Sông Mã…");
  });

  test("a long body gives an excerpt of about the length asked for", async () => {
    const { truncateText } = await text();
    const excerpt = truncateText("Thị trấn Sông Mã ngày càng khang trang, sạch, đẹp. ".repeat(100), 200);
    expect(excerpt.length).toBeGreaterThan(150);
    expect(excerpt.length).toBeLessThanOrEqual(201);
    expect(excerpt.endsWith("…")).toBe(true);
  });
});
