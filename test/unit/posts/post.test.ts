import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { listPostFiles } from "../../../src/posts/load-posts.ts";
import { checkImage, isLocalPath, readPostHead, shortenSlug, type PostContext } from "../../../src/posts/post.ts";

const ctx: PostContext = {
  timeZone: "Asia/Ho_Chi_Minh",
  permalink: "/{yyyy}/{MM}/{dd}/{slug}/",
  archives: { year: "/{yyyy}/", month: "/{yyyy}/{MM}/", day: "/{yyyy}/{MM}/{dd}/", index: "/archive/" },
  imageExists: (p) => p === "/images/ok.jpg",
};

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

// Guards the planted bug "the sort of post files removed": the listing's own order must never
// reach the build.
test("post files are listed sorted, whatever order the file system lists them in", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-order-"));
  try {
    const names = Array.from({ length: 40 }, (_, i) => `${String((i * 37) % 40).padStart(2, "0")}-bai.md`);
    mkdirSync(path.join(dir, "2019"));
    for (const name of names) writeFileSync(path.join(dir, name), "x");
    writeFileSync(path.join(dir, "2019", "a.md"), "x");
    writeFileSync(path.join(dir, "notes.txt"), "x");
    const listed = (await listPostFiles(dir)).map((file) => path.relative(dir, file));
    expect(listed).toEqual([...names.toSorted(), path.join("2019", "a.md")].toSorted());
    // The test means something only if the listing's own order is another one (Node lists a
    // folder's entries before its subfolders' ones: "2019/a.md" comes last).
    const raw = (readdirSync(dir, { recursive: true }) as string[]).filter((n) => n.endsWith(".md"));
    expect(raw).not.toEqual(raw.toSorted());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("hardening: values that would be silently altered or published unsafely", () => {
  const base = { title: "X", date: "2019-10-18" };
  const problemsOf = (data: Record<string, unknown>, frontMatter = "") =>
    readPostHead(
      "p.md",
      { ...base, ...data },
      { ...ctx, dates: { earliestYear: 1900, latest: new Date("2126-01-01T00:00:00Z") } },
      frontMatter,
    ).problems;

  test("numbers and booleans where text is expected are refused, quoting what was written", () => {
    expect(problemsOf({ title: 7 }, "title: 007\ndate: 2019-10-18")[0]?.expected).toContain('quote it: title: "007"');
    expect(problemsOf({ author: true }, "author: yes")[0]?.expected).toContain('quote it: author: "yes"');
    expect(problemsOf({ slug: 31 }, "slug: 0x1F")[0]?.expected).toContain('quote it: slug: "0x1F"');
    expect(problemsOf({ tags: [2020] }, "tags: [2020]")).toEqual([]);
    expect(problemsOf({ tags: [1.1] }, "tags: [1.10]")[0]?.field).toBe("tags");
  });

  test("dates outside the plausible range, and updated before date, are refused", () => {
    expect(problemsOf({ date: "1899-12-31" })[0]?.expected).toMatch(/from 1900-01-01 to 2126-01-01/);
    expect(problemsOf({ date: "2126-01-02" })[0]?.field).toBe("date");
    expect(problemsOf({ date: "1900-01-01" })).toEqual([]);
    expect(problemsOf({ updated: "2019-10-17" })[0]?.field).toBe("updated");
    expect(problemsOf({ updated: "2019-10-18" })).toEqual([]);
  });

  test("a date is refused when the schema's date pattern refuses it, even where luxon would read it", () => {
    // parsePostDate's own 24:00 check looks for an uppercase "T"; the pattern catches the lowercase one.
    expect(problemsOf({ date: "2021-06-15t24:00Z" })[0]).toMatchObject({ field: "date", found: '"2021-06-15t24:00Z"' });
    expect(problemsOf({ date: "2021-06-15t06:00Z" })).toEqual([]);
    expect(problemsOf({ date: " 2021-06-15  06:00 " })).toEqual([]);
  });

  test("tags: YAML numbers written as such are words, others are refused; a list is not a slug", () => {
    expect(problemsOf({ tags: [7] }, "tags: [007]")[0]).toMatchObject({ field: "tags", expected: expect.stringContaining('["7"]') });
    expect(problemsOf({ tags: ["Sông Mã", 2020] }, "tags: [Sông Mã, 2020]")).toEqual([]);
    expect(problemsOf({ slug: ["tin-moi"] })[0]).toMatchObject({ field: "slug", expected: "a text" });
  });

  test("slugs: an explicit one over 80 characters is refused; one from a long title is cut at a word and kept unique", () => {
    expect(problemsOf({ slug: "a".repeat(81) })[0]?.expected).toMatch(/at most 80 characters/);
    expect(problemsOf({ slug: "a".repeat(80) })).toEqual([]);
    const long = "hoi-nghi-tong-ket-cong-tac-xay-dung-dang-va-he-thong-chinh-tri-nam-2019-tai-thi-tran-song-ma";
    const short = shortenSlug(long);
    expect(short.length).toBeLessThanOrEqual(80);
    expect(short).toMatch(/^hoi-nghi-tong-ket-.*-[0-9a-f]{6}$/);
    expect(short.replace(/-[0-9a-f]{6}$/, "")).toMatch(/[a-z0-9]$/);
    expect(long.startsWith(short.replace(/-[0-9a-f]{6}$/, ""))).toBe(true);
    expect(shortenSlug(`${long}-a`)).not.toBe(shortenSlug(`${long}-b`));
    expect(shortenSlug("ngan")).toBe("ngan");
  });

  test.each([
    ["javascript:alert(1)", /http\(s\) URL/],
    ["data:image/png;base64,AAAA", /http\(s\) URL/],
    ["ftp://x.example/a.jpg", /http\(s\) URL/],
    ["images/ok.jpg", /relative path/],
    ["/images/../../etc/passwd", /"\." or "\.\." segments/],
    ["/eleventy.config.ts", /\.jpg, \.jpeg/],
    ["/images/", /\.jpg, \.jpeg/],
    ["/images/missing.jpg", /no such file/],
  ])("image %s is refused", (image, expected) => {
    expect(checkImage(image, ctx)).toMatch(expected);
  });

  test.each(["https://cdn.example/a.jpg", "http://x.example/b", "/images/ok.jpg", "/images/ok.jpg?v=2"])(
    "image %s is accepted",
    (image) => {
      expect(checkImage(image, ctx)).toBeUndefined();
    },
  );
});
