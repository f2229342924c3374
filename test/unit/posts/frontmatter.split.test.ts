/**
 * #22 item 5: splitFrontMatter (src/posts/frontmatter.ts), the basic forms; these tests were in
 * test/unit/post.test.ts.
 */
import { describe, expect, test } from "vitest";
import { splitFrontMatter } from "../../../src/posts/frontmatter.ts";

describe("splitFrontMatter", () => {
  test("reads YAML without turning dates into UTC midnights", () => {
    const result = splitFrontMatter("---\ntitle: Tin\ndate: 2019-10-18\n---\nThân bài\n");
    expect(result.ok && result.source).toMatchObject({ data: { title: "Tin", date: "2019-10-18" }, body: "Thân bài\n" });
  });

  test("strips a byte-order mark and accepts CRLF line endings", () => {
    const result = splitFrontMatter("\uFEFF---\r\ntitle: Tin\r\ndate: 2019-10-18\r\n---\r\nDòng 1\r\nDòng 2\r\n");
    expect(result.ok && result.source).toMatchObject({ data: { title: "Tin", date: "2019-10-18" }, body: "Dòng 1\nDòng 2\n" });
  });

  test("normalizes text to NFC", () => {
    const nfd = "---\ntitle: Sông Mã\n---\nĐảng bộ\n".normalize("NFD");
    const result = splitFrontMatter(nfd);
    expect(result.ok && result.source.data.title).toBe("Sông Mã".normalize("NFC"));
    expect(result.ok && result.source.body).toBe("Đảng bộ\n".normalize("NFC"));
  });

  test("empty front matter and empty body are fine", () => {
    expect(splitFrontMatter("---\n---\n")).toEqual({ ok: true, source: { data: {}, body: "", frontMatter: "", language: "yaml" } });
  });

  test("invalid YAML is reported with the parser's reason", () => {
    const result = splitFrontMatter("---\ntitle: [unclosed\ndate: 2019-10-18\n---\n");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.expected).toBe("valid YAML");
      expect(result.found).toMatch(/YAML error/);
      expect(result.cause).toBeInstanceOf(Error);
    }
  });

  test("missing delimiters and non-mapping YAML are reported", () => {
    expect(splitFrontMatter("title: x\n").ok).toBe(false);
    expect(splitFrontMatter("---\ntitle: x\n").ok).toBe(false);
    const list = splitFrontMatter("---\n- a\n- b\n---\n");
    expect(!list.ok && list.found).toBe("a list");
  });
});
