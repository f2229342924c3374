/** The corpus of bad and unusual posts in test/fixtures/. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PostsError } from "../../src/kernel/errors.ts";
import { defaults } from "../../src/options/index.ts";
import { PostLoader } from "../../src/posts/load-posts.ts";
import { repoRoot } from "../helpers/cli.ts";
import { createSite, type FixtureSite, postFile, postsErrorOf } from "../helpers/site.ts";
import { consoleLog } from "../../src/kernel/log.ts";

const fixtures = (dir: string) =>
  Object.fromEntries(
    readdirSync(path.join(repoRoot, "test/fixtures", dir)).map((f) => [
      `posts/${f}`,
      readFileSync(path.join(repoRoot, "test/fixtures", dir, f)),
    ]),
  );

describe("bad posts", () => {
  let error: PostsError;
  beforeAll(async () => {
    const site = createSite({ ...fixtures("bad-posts"), "posts/good.md": postFile({ title: "Bài tốt", date: "2020-01-01" }) });
    try {
      error = await postsErrorOf(site.build({ timeZone: "Asia/Ho_Chi_Minh" }));
      expect(site.outputFiles()).toEqual([]); // nothing written
    } finally {
      site.remove();
    }
  });

  const cases: [file: string, field: string, found: RegExp, expected: RegExp][] = [
    ["invalid-yaml.md", "front matter", /YAML error/, /valid YAML/],
    ["missing-title.md", "title", /^nothing$/, /non-empty title/],
    ["empty-title.md", "title", /^an empty string$/, /non-empty title/],
    ["missing-date.md", "date", /^nothing$/, /publication date such as 2019-10-18/],
    ["impossible-date.md", "date", /^"2019-02-30"$/, /a date that exists/],
    ["unparseable-date.md", "date", /^"18\/10\/2019"$/, /did you mean 2019-10-18\?/],
    ["wrong-type-tags.md", "tags", /^number 42$/, /a list of words/],
    ["wrong-type-draft.md", "draft", /^"không"$/, /true or false/],
    ["unsafe-slug.md", "slug", /^"Đường dẫn\/có dấu\?"$/, /lowercase ASCII .* "duong-dan-co-dau"/],
    ["missing-image.md", "image", /^"\/images\/khong-co-anh\.jpg"$/, /no such file in the site/],
    ["long-slug.md", "slug", /^"tin-tin-/, /at most 80 characters/],
    ["image-javascript.md", "image", /^"javascript:alert\(1\)"$/, /an http\(s\) URL, or a path from the site's root/],
    ["image-data.md", "image", /^"data:image/, /an http\(s\) URL/],
    ["image-outside.md", "image", /etc\/passwd/, /without "\." or "\.\." segments/],
    ["image-relative.md", "image", /^"images\/song-ma\.jpg"$/, /a relative path breaks/],
    ["image-not-an-image.md", "image", /eleventy\.config\.ts/, /\.jpg, \.jpeg, \.png/],
    ["image-folder.md", "image", /^"\/posts\/"$/, /\.jpg, \.jpeg, \.png/],
    ["year-zero.md", "date", /^"0000-01-01"$/, /a date from 1900-01-01 to/],
    ["hour-24.md", "date", /^"2021-06-15 24:00"$/, /00:00 to 23:59 \(for midnight at the end of the day, write 2021-06-16 00:00\)/],
    ["offset-25.md", "date", /\+25:00/, /a UTC offset from -12:00 to \+14:00/],
    ["updated-before-date.md", "updated", /^"2021-06-14"$/, /on or after the publication date/],
    ["title-number.md", "title", /^number 7$/, /quote it: title: "007"/],
    ["slug-number.md", "slug", /^number 1\.1$/, /quote it: slug: "1\.10"/],
    ["title-nan.md", "title", /^number NaN$/, /quote it: title: "\.nan"/],
    ["blank-tag.md", "tags", /a blank tag \(item 2\)/, /no blank item/],
    ["yaml-aliases.md", "front matter", /the anchor &a/, /without anchors and aliases/],
    ["nested-too-deep.md", "body", /deeper nesting/, /nested less than 100 levels deep.*would be lost/],
    ["same-url-a.md", "slug", /\/2020\/01\/08\/trung-dia-chi\/, also the URL of .*same-url-b\.md/, /a URL no other post has/],
    ["same-url-b.md", "slug", /also the URL of .*same-url-a\.md/, /a URL no other post has/],
  ];

  test.each(cases)("%s: one problem naming %s, the value and the expectation", (file, field, found, expected) => {
    const problems = error.problems.filter((p) => path.basename(p.file) === file);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe(field);
    expect(problems[0]!.found).toMatch(found);
    expect(problems[0]!.expected).toMatch(expected);
    expect(error.message).toContain(`posts/${file}: ${field}:`);
  });

  test("every bad post is reported in the same run, and no good one", () => {
    expect(new Set(error.problems.map((p) => path.basename(p.file)))).toEqual(new Set(cases.map(([file]) => file)));
  });

  // Each alone too: a post's verdict does not depend on the others (the same-URL pair aside).
  test.each(cases.filter(([file]) => !file.startsWith("same-url")))("%s alone fails on %s", async (file, field) => {
    const dir = mkdtempSync(path.join(tmpdir(), "newsroom-bad-alone-"));
    try {
      writeFileSync(path.join(dir, file), readFileSync(path.join(repoRoot, "test/fixtures/bad-posts", file)));
      const loader = new PostLoader({
        postsDir: dir,
        projectRoot: dir,
        inputDir: dir,
        timeZone: "Asia/Ho_Chi_Minh",
        permalink: defaults.permalink,
        archives: defaults.archives,
        excerptLength: 200,
        dateRange: { ...defaults.dateRange, now: new Date("2026-01-01T00:00:00Z") },
        log: consoleLog,
      });
      const failure = await loader.load().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(PostsError);
      expect((failure as PostsError).problems.map((p) => [p.file, p.field])).toEqual([[file, field]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("unusual but valid posts", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    const big = `${"Đảng bộ thị trấn Sông Mã luôn chú trọng công tác xây dựng Đảng. ".repeat(60)}\n\n`.repeat(1400);
    site = createSite({ ...fixtures("edge-posts"), "posts/big.md": postFile({ title: "Bài rất dài", date: "2020-02-06" }, big) });
    expect(Buffer.byteLength(readFileSync(path.join(site.dir, "posts/big.md")))).toBeGreaterThan(5 * 1024 * 1024);
    await site.build({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh" });
  });
  afterAll(() => site.remove());

  test("a byte-order mark is not part of the front matter", () => {
    expect(site.page("/2020/02/01/co-bom/").querySelector("h1")?.text).toBe("Có BOM");
  });

  test("CRLF line endings read like LF", () => {
    const page = site.page("/2020/02/02/dong-crlf/");
    expect(page.querySelectorAll(".article-body p").map((p) => p.text)).toEqual(["Dòng một.", "Dòng hai."]);
  });

  test("NFD text is published in NFC, with the same slug as NFC", () => {
    const html = site.readOutput("2020/02/03/dang-bo-song-ma-viet-nfd/index.html");
    expect(html).toContain("Đảng bộ Sông Mã viết NFD".normalize("NFC"));
    expect(html).not.toContain("Đảng".normalize("NFD"));
  });

  test("an empty body gives a page with an empty body", () => {
    const page = site.page("/2020/02/04/than-bai-trong/");
    expect(page.querySelector("h1")?.text).toBe("Thân bài trống");
    expect(page.querySelector(".article-body")?.text.trim()).toBe("");
  });

  test("template syntax in titles and bodies is shown as written", () => {
    const page = site.page("/2020/02/05/co-title-va-raw/");
    expect(page.querySelector("h1")?.text).toBe("Có {{ title }} và {% raw %}");
    expect(page.querySelector(".article-body p")?.text).toBe("Cú pháp {{ khong_phai_bien }} và {% if x %} giữ nguyên.");
  });

  test("a 300-character headline is published under a slug cut at a word, with a hash to keep it unique", () => {
    const articles = site.outputFiles().filter((f) => /^2020\/03\/01\/[^/]+\/index\.html$/.test(f));
    expect(articles).toHaveLength(1);
    const slug = articles[0]!.split("/")[3]!;
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^hoi-nghi-tong-ket-cong-tac-xay-dung-dang-[a-z0-9-]*-[0-9a-f]{6}$/);
  });

  test("a 5 MB post builds whole", () => {
    const page = site.page("/2020/02/06/bai-rat-dai/");
    expect(page.querySelectorAll(".article-body p")).toHaveLength(1400);
  });
});
