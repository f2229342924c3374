import { describe, expect, test } from "vitest";
import { splitFrontMatter } from "../../src/content/frontmatter.ts";
import { isLocalPath, readPostHead, type PostContext } from "../../src/content/post.ts";

const ctx: PostContext = {
  timeZone: "Asia/Ho_Chi_Minh",
  permalink: "/{yyyy}/{MM}/{dd}/{slug}/",
  archives: { year: "/{yyyy}/", month: "/{yyyy}/{MM}/", day: "/{yyyy}/{MM}/{dd}/", index: "/archive/" },
  imageExists: (p) => p === "/images/ok.jpg",
};

describe("splitFrontMatter", () => {
  test("reads YAML without turning dates into UTC midnights", () => {
    const result = splitFrontMatter("---\ntitle: Tin\ndate: 2019-10-18\n---\nThân bài\n");
    expect(result.ok && result.source).toEqual({ data: { title: "Tin", date: "2019-10-18" }, body: "Thân bài\n" });
  });

  test("strips a byte-order mark and accepts CRLF line endings", () => {
    const result = splitFrontMatter("\uFEFF---\r\ntitle: Tin\r\ndate: 2019-10-18\r\n---\r\nDòng 1\r\nDòng 2\r\n");
    expect(result.ok && result.source).toEqual({ data: { title: "Tin", date: "2019-10-18" }, body: "Dòng 1\nDòng 2\n" });
  });

  test("normalizes text to NFC", () => {
    const nfd = "---\ntitle: Sông Mã\n---\nĐảng bộ\n".normalize("NFD");
    const result = splitFrontMatter(nfd);
    expect(result.ok && result.source.data.title).toBe("Sông Mã".normalize("NFC"));
    expect(result.ok && result.source.body).toBe("Đảng bộ\n".normalize("NFC"));
  });

  test("empty front matter and empty body are fine", () => {
    expect(splitFrontMatter("---\n---\n")).toEqual({ ok: true, source: { data: {}, body: "" } });
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

describe("readPostHead", () => {
  test("a valid post gets its URL from the date in the site's zone and the slugified title", () => {
    const { head, problems } = readPostHead(
      "posts/a.md",
      { title: "Chú trọng xây dựng Đảng bộ", date: "2019-10-18", tags: ["a", "b", "a"] },
      ctx,
    );
    expect(problems).toEqual([]);
    expect(head?.url).toBe("/2019/10/18/chu-trong-xay-dung-dang-bo/");
    expect(head?.dateIso).toBe("2019-10-18T00:00:00+07:00");
    expect(head?.tags).toEqual(["a", "b"]);
    expect(head?.draft).toBe(false);
  });

  test("a post just after midnight site time belongs to that site day", () => {
    const { head } = readPostHead("posts/a.md", { title: "Năm mới", date: "2019-12-31T17:30:00Z" }, ctx);
    expect(head?.url).toBe("/2020/01/01/nam-moi/");
  });

  test("a slug field replaces the title's slug; a slug that is not URL-safe is an error", () => {
    expect(readPostHead("p.md", { title: "X", date: "2019-10-18", slug: "tin-moi" }, ctx).head?.url).toBe("/2019/10/18/tin-moi/");
    const bad = readPostHead("p.md", { title: "X", date: "2019-10-18", slug: "Tin mới/2" }, ctx);
    expect(bad.problems).toEqual([
      expect.objectContaining({ file: "p.md", field: "slug", found: '"Tin mới/2"', expected: expect.stringContaining('"tin-moi-2"') }),
    ]);
  });

  test("every problem of a post is collected", () => {
    const { head, problems } = readPostHead(
      "posts/bad.md",
      { title: "  ", date: "18/10/2019", tags: 5, draft: "no", image: "/images/missing.jpg" },
      ctx,
    );
    expect(head).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual(["title", "date", "tags", "draft", "image"]);
    expect(problems[0]).toMatchObject({ file: "posts/bad.md", expected: "a non-empty title", found: "an empty string" });
    expect(problems[2]).toMatchObject({ found: "number 5" });
  });

  test("missing title and date are named", () => {
    const { problems } = readPostHead("p.md", {}, ctx);
    expect(problems.map((p) => [p.field, p.found])).toEqual([
      ["title", "nothing"],
      ["date", "nothing"],
    ]);
  });

  test("unknown keys are returned for a warning, not an error", () => {
    const result = readPostHead("p.md", { title: "X", date: "2019-10-18", tittle: "typo" }, ctx);
    expect(result.problems).toEqual([]);
    expect(result.unknownKeys).toEqual(["tittle"]);
  });

  test("images: existing local paths and URLs pass, missing local files do not", () => {
    expect(readPostHead("p.md", { title: "X", date: "2019-10-18", image: "/images/ok.jpg" }, ctx).problems).toEqual([]);
    expect(readPostHead("p.md", { title: "X", date: "2019-10-18", image: "https://cdn.example/a.jpg" }, ctx).problems).toEqual([]);
    expect(isLocalPath("//cdn.example/a.jpg")).toBe(false);
    expect(isLocalPath("images/a.jpg")).toBe(true);
  });

  test("a title of punctuation only needs a slug", () => {
    const { problems } = readPostHead("p.md", { title: "???", date: "2019-10-18" }, ctx);
    expect(problems[0]?.expected).toMatch(/slug/);
  });
});
