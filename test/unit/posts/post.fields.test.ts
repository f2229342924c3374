/**
 * What each front matter field becomes, and what each mistake is called (src/posts/post.ts,
 * src/posts/post-schema.ts), every post read inside its test: trimmed text, flags, tags, dates
 * against the site's range, slugs, images, declared sections, and the links a post carries.
 */
import { describe, expect, test } from "vitest";
import { DATE_EXPECTATION } from "../../../src/kernel/dates.ts";
import { readPostHead, type PostContext } from "../../../src/posts/post.ts";
import { splitFrontMatter } from "../../../src/posts/frontmatter.ts";
import { checkFrontMatter, IMAGE_EXPECTED, imageFile, imageFormProblem, postJsonSchema, shortenSlug } from "../../../src/posts/post-schema.ts";

const ctx: PostContext = {
  timeZone: "Asia/Ho_Chi_Minh",
  permalink: "/{yyyy}/{MM}/{dd}/{slug}/",
  archives: { year: "/{yyyy}/", month: "/{yyyy}/{MM}/", day: "/{yyyy}/{MM}/{dd}/", index: "/archive/" },
  imageExists: (p) => p === "/images/ok.jpg",
};
const base = { title: "Tin", date: "2019-10-18" };
const head = (data: Record<string, unknown>, more: Partial<PostContext> = {}, frontMatter = "") => {
  const result = readPostHead("posts/a.md", { ...base, ...data }, { ...ctx, ...more }, frontMatter);
  if (!result.head) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.head;
};
const problems = (data: Record<string, unknown>, more: Partial<PostContext> = {}, frontMatter = "") =>
  readPostHead("posts/a.md", { ...base, ...data }, { ...ctx, ...more }, frontMatter).problems.map(({ field, expected, found }) => ({
    field,
    expected,
    found,
  }));

describe("text fields", () => {
  test("text is trimmed, a title's inner runs of spaces made one; blank optional text is none", () => {
    const post = head({ title: "  Tin   mới\n nhất ", summary: "  Tóm tắt.  ", author: " Phóng viên ", caption: "   ", image_alt: "" });
    expect(post.title).toBe("Tin mới nhất");
    expect(post.summary).toBe("Tóm tắt.");
    expect(post.author).toBe("Phóng viên");
    expect(post.caption).toBeUndefined();
    expect(post.image_alt).toBeUndefined();
  });

  test("a YAML number for text is refused, quoting what was written, quotes and all", () => {
    expect(problems({ author: 7 }, {}, 'title: Tin\nauthor: 007 # "bond"')).toEqual([
      {
        field: "author",
        expected: 'text: YAML reads 007 # "bond" as a number, not as text — quote it: author: "007 # \\"bond\\""',
        found: "number 7",
      },
    ]);
  });

  test("a list where text is expected", () => {
    expect(problems({ summary: ["a", "b"] })).toEqual([{ field: "summary", expected: "a text", found: 'the list ["a","b"]' }]);
  });
});

describe("flags", () => {
  test("draft and featured are false unless written true", () => {
    expect(head({})).toMatchObject({ draft: false, featured: false });
    expect(head({ draft: true, featured: true })).toMatchObject({ draft: true, featured: true });
    expect(head({ draft: null, featured: false })).toMatchObject({ draft: false, featured: false });
  });
});

describe("tags", () => {
  test("one tag as text, none when blank or empty, a list without repeats", () => {
    expect(head({ tags: " Sông Mã " }).tags).toEqual(["Sông Mã"]);
    expect(head({ tags: "  " }).tags).toEqual([]);
    expect(head({ tags: null }).tags).toEqual([]);
    expect(head({}).tags).toEqual([]);
    expect(head({ tags: [" a ", "b", "a", 2020] }, {}, "tags: [ a , b, a, 2020]").tags).toEqual(["a", "b", "2020"]);
  });

  test("each mistake in a list named", () => {
    const list = "a list of words with no blank item, such as [kinh tế, nông nghiệp]";
    expect(problems({ tags: ["a", " ", "b"] })).toEqual([{ field: "tags", expected: list, found: "a blank tag (item 2)" }]);
    expect(problems({ tags: [null] })).toEqual([{ field: "tags", expected: list, found: "a blank tag (item 1)" }]);
    expect(problems({ tags: ["a", -1] })).toEqual([
      { field: "tags", expected: 'words: YAML reads -1 as a number — quote it, such as ["-1"]', found: 'the list ["a",-1]' },
    ]);
    expect(problems({ tags: [1.5] })).toEqual([
      { field: "tags", expected: 'words: YAML reads 1.5 as a number — quote it, such as ["1.5"]', found: "the list [1.5]" },
    ]);
    expect(problems({ tags: [{ a: 1 }] })).toEqual([
      { field: "tags", expected: "a list of words, such as [kinh tế, nông nghiệp]", found: 'the list [{"a":1}]' },
    ]);
    expect(problems({ tags: 5 })).toEqual([
      { field: "tags", expected: "a list of words, such as [kinh tế, nông nghiệp]", found: "number 5" },
    ]);
  });

  test("without the front matter as written to compare with, a number tag is refused (it may have been 007)", () => {
    expect(problems({ tags: [7] })).toEqual([
      { field: "tags", expected: 'words: YAML reads 7 as a number — quote it, such as ["7"]', found: "the list [7]" },
    ]);
  });
});

describe("dates", () => {
  test("missing, empty and not text are told apart", () => {
    expect(problems({ date: undefined })).toEqual([{ field: "date", expected: "a publication date such as 2019-10-18", found: "nothing" }]);
    expect(problems({ date: null })).toEqual([{ field: "date", expected: "a publication date such as 2019-10-18", found: "null" }]);
    expect(problems({ date: 20191018 })).toEqual([{ field: "date", expected: DATE_EXPECTATION, found: "number 20191018" }]);
    expect(problems({ updated: 5 })).toEqual([{ field: "updated", expected: DATE_EXPECTATION, found: "number 5" }]);
  });

  test("a date the pattern refuses is explained as the date parser explains it", () => {
    expect(problems({ date: "18/10/2019" })).toEqual([
      { field: "date", expected: `${DATE_EXPECTATION} — did you mean 2019-10-18?`, found: '"18/10/2019"' },
    ]);
    expect(problems({ date: "2021-06-15 24:00" })).toEqual([
      {
        field: "date",
        expected: "a time from 00:00 to 23:59 (for midnight at the end of the day, write 2021-06-16 00:00)",
        found: '"2021-06-15 24:00"',
      },
    ]);
  });

  test("the site's range: the latest instant itself is allowed; the message gives the last day in the site's zone", () => {
    const dates = { earliestYear: 1900, latest: new Date("2025-12-31T20:00:00Z") }; // 03:00 on 1 January 2026 in Hanoi
    expect(head({ date: "2026-01-01 03:00" }, { dates }).date).toEqual(dates.latest);
    expect(problems({ date: "2026-01-01 03:01" }, { dates })).toEqual([
      {
        field: "date",
        expected: "a date from 1900-01-01 to 2026-01-01 (option dateRange) — a typo in the year?",
        found: '"2026-01-01 03:01"',
      },
    ]);
  });

  test("updated before the date is named with the date it must follow", () => {
    expect(problems({ updated: "2019-10-17 23:59" })).toEqual([
      {
        field: "updated",
        expected: "a date on or after the publication date (2019-10-18T00:00:00+07:00)",
        found: '"2019-10-17 23:59"',
      },
    ]);
    expect(head({ updated: "2019-10-20 08:00" }).updated).toEqual(new Date("2019-10-20T01:00:00Z"));
  });

  test("a date the site's zone cannot place is named on the date, not dropped in silence", () => {
    // The options refuse such a zone; the date parser has the last word after the schema's pattern.
    expect(problems({}, { timeZone: "Sao Hỏa/Thủ đô" })).toEqual([
      { field: "date", expected: 'a date that exists (the zone "Sao Hỏa/Thủ đô" is not supported)', found: '"2019-10-18"' },
    ]);
  });
});

describe("slugs", () => {
  test("an empty slug field means the title's slug", () => {
    expect(head({ slug: null }).url).toBe("/2019/10/18/tin/");
  });

  test("a slug field that is not URL-safe gets a suggestion, made from it when it can be", () => {
    expect(problems({ slug: "Tin mới" })[0]?.expected).toBe('lowercase ASCII letters, digits and single hyphens, such as "tin-moi"');
    expect(problems({ slug: "???" })[0]?.expected).toBe('lowercase ASCII letters, digits and single hyphens, such as "my-article"');
    // The suggestion is itself a slug the build accepts: cut to 80 characters when the slug is long.
    const long = `${"duong-dien-ve-ban-na-hin-".repeat(3)}-${"x".repeat(16)}`;
    const suggested = /such as "([^"]+)"/.exec(problems({ slug: long })[0]?.expected ?? "")?.[1] ?? "";
    expect(suggested.length).toBeLessThanOrEqual(80);
    expect(problems({ slug: suggested })).toEqual([]);
  });

  test("a title with nothing to make a slug of", () => {
    expect(problems({ title: "—?!" })).toEqual([
      { field: "title", expected: 'a title with at least one letter or digit, or a "slug" field', found: '"—?!"' },
    ]);
  });

  test("long slugs: exactly 80 characters kept; longer ones cut to fit with a hash, at a word when one ends past the middle", () => {
    const hash = /^-[0-9a-f]{6}$/;
    expect(shortenSlug("a".repeat(80))).toBe("a".repeat(80));
    const plain = shortenSlug("a".repeat(100));
    expect(plain.slice(0, 73)).toBe("a".repeat(73));
    expect(plain.slice(73)).toMatch(hash);
    const wordAtTheEdge = shortenSlug(`${"a".repeat(73)}-${"b".repeat(20)}`);
    expect(wordAtTheEdge.slice(0, 73)).toBe("a".repeat(73));
    expect(wordAtTheEdge.slice(73)).toMatch(hash);
    const wordInTheMiddle = shortenSlug(`${"a".repeat(60)}-${"b".repeat(50)}`);
    expect(wordInTheMiddle.slice(0, 60)).toBe("a".repeat(60));
    expect(wordInTheMiddle.slice(60)).toMatch(hash);
    const earlyWord = shortenSlug(`ab-${"c".repeat(100)}`);
    expect(earlyWord.slice(0, 73)).toBe(`ab-${"c".repeat(70)}`);
    expect(earlyWord.slice(73)).toMatch(hash);
  });
});

describe("images", () => {
  test("each form refused is named", () => {
    expect(imageFormProblem("ftp://cdn.example/a.jpg")).toBe(IMAGE_EXPECTED);
    expect(imageFormProblem("data:image/png;base64,AAAA")).toBe(IMAGE_EXPECTED);
    expect(imageFormProblem("images/a.jpg")).toBe(`${IMAGE_EXPECTED} (a relative path breaks on the article's own URL)`);
    expect(imageFormProblem("/images/./a.jpg")).toBe(`${IMAGE_EXPECTED}, without "." or ".." segments`);
    expect(imageFormProblem("/../a.jpg")).toBe(`${IMAGE_EXPECTED}, without "." or ".." segments`);
    expect(imageFormProblem("/images/a.txt")).toBe(`${IMAGE_EXPECTED} (.jpg, .jpeg, .png, .gif, .webp, .avif or .svg)`);
    expect(imageFormProblem("/images/a.JPG?v=2")).toBeUndefined();
  });

  test("a query or a fragment is not part of the path: only the path is judged", () => {
    const extensions = `${IMAGE_EXPECTED} (.jpg, .jpeg, .png, .gif, .webp, .avif or .svg)`;
    expect(imageFormProblem("/bai-viet/ghi-chu.txt?tu=/../anh")).toBe(extensions);
    expect(imageFormProblem("/bai-viet/ghi-chu.txt#/./muc-1")).toBe(extensions);
    expect(imageFormProblem("anh/song-ma.jpg?v=/2")).toBe(`${IMAGE_EXPECTED} (a relative path breaks on the article's own URL)`);
  });

  test("front matter checked on its own refuses a bad image form", () => {
    expect(checkFrontMatter({ ...base, image: "javascript:alert(1)" }).problems).toEqual([
      { field: "image", expected: IMAGE_EXPECTED, found: '"javascript:alert(1)"' },
    ]);
    expect(checkFrontMatter({ ...base, image: "  " }).problems).toEqual([]);
  });
});

describe("sections and tags", () => {
  const topics = {
    sectionUrl: "/chuyen-muc/{slug}/",
    tagUrl: "/tag/{slug}/",
    declared: ["Thời sự", { name: "Xây dựng Đảng", slug: "xd-dang" }],
  };

  test("a declared section is accepted and linked by its declared slug", () => {
    expect(head({ category: "Xây dựng Đảng" }, { topics }).categoryUrl).toBe("/chuyen-muc/xd-dang/");
  });

  test("an undeclared section is refused, naming the sections and the nearest one", () => {
    expect(problems({ category: "Thoi su" }, { topics })).toEqual([
      {
        field: "category",
        expected: `one of the site's sections (option sections.categories): did you mean "Thời sự"? "Thời sự", "Xây dựng Đảng"`,
        found: '"Thoi su"',
      },
    ]);
    expect(problems({ category: "Kinh tế" }, { topics })[0]?.expected).toBe(
      `one of the site's sections (option sections.categories): "Thời sự", "Xây dựng Đảng"`,
    );
  });

  test("no section or tag links without their pages, nor a section link without a section", () => {
    expect(head({ category: "Thời sự", tags: ["Sông Mã"] })).toMatchObject({ categoryUrl: "", tagLinks: [{ name: "Sông Mã", url: "" }] });
    expect(head({}, { topics }).categoryUrl).toBe("");
    expect(head({ tags: ["Sông Mã"] }, { topics }).tagLinks).toEqual([{ name: "Sông Mã", url: "/tag/song-ma/" }]);
  });
});

describe("the JSON Schema for editors", () => {
  test("without sections any category; with them, one of them, described as the field is", () => {
    const open = postJsonSchema() as {
      required: string[];
      properties: Record<string, { enum?: unknown; anyOf?: { enum?: string[] }[]; description?: string }>;
    };
    expect(open.required).toEqual(["title", "date"]);
    expect((open as { $schema?: string }).$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(JSON.stringify(open.properties.category)).not.toContain("enum");
    const closed = postJsonSchema({ categories: ["Thời sự", "Kinh tế"] }) as typeof open;
    expect(JSON.stringify(closed.properties.category)).toContain('"enum":["Thời sự","Kinh tế"]');
    expect(closed.properties.category?.description).toBe(open.properties.category?.description);
    expect(closed.properties.category?.description).toMatch(/section/);
  });
});

// #21 item 8: JSON front matter (---json) is checked by the same fields, with messages in JSON's terms.
describe("JSON front matter", () => {
  const fromFile = (text: string) => {
    const split = splitFrontMatter(text);
    if (!split.ok) throw new Error(split.found);
    return readPostHead("posts/a.md", split.source.data, ctx, split.source.frontMatter, split.source.language);
  };

  test("a post in JSON gives the post the same front matter gives in YAML", () => {
    const json = fromFile('---json\n{ "title": "Tin mới", "date": "2019-10-18 06:00", "tags": ["Sông Mã", 2024], "draft": true }\n---\n');
    const yaml = fromFile("---\ntitle: Tin mới\ndate: 2019-10-18 06:00\ntags: [Sông Mã, 2024]\ndraft: true\n---\n");
    expect(json.problems).toEqual([]);
    expect(json.head).toEqual(yaml.head);
  });

  test("a number where text is expected: the fix in JSON", () => {
    expect(fromFile('---json\n{ "title": 7, "date": "2019-10-18" }\n---\n').problems).toEqual([
      {
        file: "posts/a.md",
        field: "title",
        expected: 'text: JSON reads 7 as a number, not as text — quote it: "title": "7"',
        found: "number 7",
      },
    ]);
  });

  test("a tag number JSON changed from what was written (1e3, 1.10) is refused in JSON's terms", () => {
    expect(fromFile('---json\n{ "title": "Tin", "date": "2019-10-18", "tags": ["a", 1e3] }\n---\n').problems).toEqual([
      {
        file: "posts/a.md",
        field: "tags",
        expected: 'words: JSON reads 1000 as a number — quote it, such as ["1000"]',
        found: 'the list ["a",1000]',
      },
    ]);
    expect(fromFile('---json\n{ "title": "Tin", "date": "2019-10-18", "tags": [1.10] }\n---\n').problems[0]?.expected).toBe(
      'words: JSON reads 1.1 as a number — quote it, such as ["1.1"]',
    );
  });
});

// #21 item 8: a "#" (or "?") in a photo's file name cuts the URL's path; the message says so and how to write it.
describe("images with # or ? in their file name", () => {
  const files = new Set(["/images/song-ma#1.jpg", "/images/a.jpg#2.jpg", "/images/hỏi?.png", "/images/Sông Mã.jpg"]);
  const site = { ...ctx, imageExists: (p: string) => files.has(p) };

  test("written as is: refused, saying that # starts a fragment (? a query) and giving the escaped form", () => {
    expect(problems({ image: "/images/song-ma#1.jpg" }, site)).toEqual([
      {
        field: "image",
        expected: `${IMAGE_EXPECTED}; in a URL "#" starts a fragment, so this path names the file /images/song-ma — rename the file without "#", or write "#" as %23: /images/song-ma%231.jpg`,
        found: '"/images/song-ma#1.jpg"',
      },
    ]);
    expect(problems({ image: "/images/hỏi?.png" }, site)[0]?.expected).toBe(
      `${IMAGE_EXPECTED}; in a URL "?" starts a query, so this path names the file /images/hỏi — rename the file without "?", or write "?" as %3F: /images/hỏi%3F.png`,
    );
    // The name cut at "#" is an image name too, but no such file: the whole name is.
    expect(problems({ image: "/images/a.jpg#2.jpg" }, site)[0]?.expected).toBe(
      `${IMAGE_EXPECTED}; in a URL "#" starts a fragment, so this path names the file /images/a.jpg — rename the file without "#", or write "#" as %23: /images/a.jpg%232.jpg`,
    );
  });

  // mutation gap: posts/post-schema.ts an image cut at "#" to a name without extension, no such file either way
  test("a name cut at # to one without an image extension is refused as cut, whether or not the file exists", () => {
    const cut = `${IMAGE_EXPECTED}; in a URL "#" starts a fragment, so this path names the file /images/x — rename the file without "#", or write "#" as %23: /images/x%231.jpg`;
    expect(imageFormProblem("/images/x#1.jpg")).toBe(cut);
    expect(problems({ image: "/images/x#1.jpg" }, site)).toEqual([{ field: "image", expected: cut, found: '"/images/x#1.jpg"' }]);
  });

  // mutation gap: posts/post.ts the whole name with "?" is looked up with "?" escaped as %3F
  test("a name cut at ? to another image name, whose whole name the site has: refused, saying ? starts a query", () => {
    const withQuery = { ...ctx, imageExists: (p: string) => p === "/images/a.jpg?2.jpg" };
    expect(problems({ image: "/images/a.jpg?2.jpg" }, withQuery)[0]?.expected).toBe(
      `${IMAGE_EXPECTED}; in a URL "?" starts a query, so this path names the file /images/a.jpg — rename the file without "?", or write "?" as %3F: /images/a.jpg%3F2.jpg`,
    );
  });

  // mutation gap: posts/post.ts the cut message only when the whole name exists
  test("a name with # that the site has under neither name: no such file", () => {
    expect(problems({ image: "/images/b.jpg#2.jpg" }, site)[0]?.expected).toBe(`${IMAGE_EXPECTED}; no such file in the site`);
  });

  test("written with %23, %3F or other escapes: the file of that name is found", () => {
    expect(head({ image: "/images/song-ma%231.jpg" }, site).image).toBe("/images/song-ma%231.jpg");
    expect(head({ image: "/images/h%E1%BB%8Fi%3F.png" }, site).image).toBe("/images/h%E1%BB%8Fi%3F.png");
    expect(head({ image: "/images/S%C3%B4ng%20M%C3%A3.jpg?v=2" }, site).image).toBe("/images/S%C3%B4ng%20M%C3%A3.jpg?v=2");
  });

  test("escapes never make a path leave the site or name another folder", () => {
    expect(imageFile("/images/%2e%2e/%2E%2E/etc/a.jpg")).toBe("/images/../../etc/a.jpg");
    expect(problems({ image: "/images/%2e%2e/%2E%2E/etc/a.jpg" }, site)[0]?.expected).toBe(
      `${IMAGE_EXPECTED}, without "." or ".." segments`,
    );
    // mutation gap: posts/post.ts an escape decoding to a "." segment
    expect(problems({ image: "/images/%2E/ok.jpg" }, site)[0]?.expected).toBe(`${IMAGE_EXPECTED}, without "." or ".." segments`);
    expect(imageFile("/images/a%2Fb.jpg")).toBe("/images/a%2Fb.jpg");
    expect(imageFile("/images/a%5Cb.jpg")).toBe("/images/a%5Cb.jpg");
    expect(imageFile("/images/100%.jpg")).toBe("/images/100%.jpg");
    expect(imageFile("/images/%E1%BB.jpg")).toBe("/images/%E1%BB.jpg");
  });
});

// #21 item 8: a site-local time the clocks skip (daylight saving time starts) moved the post in silence.
describe("times in a daylight-saving gap", () => {
  const berlin = { ...ctx, timeZone: "Europe/Berlin" };
  const read = (data: Record<string, unknown>) => readPostHead("posts/a.md", { ...base, ...data }, berlin);

  test("a time that does not exist is warned about, naming the field, the time written and the time used", () => {
    const result = read({ date: "2024-03-31 02:30", updated: "2024-03-31T02:45" });
    expect(result.head?.dateIso).toBe("2024-03-31T03:30:00+02:00");
    expect(result.warnings).toEqual([
      "date: 2024-03-31 02:30 does not exist in Europe/Berlin (the clocks skip it when daylight saving time starts); 2024-03-31 03:30 (+02:00) is used instead — write that time, or another, to keep this warning away",
      "updated: 2024-03-31T02:45 does not exist in Europe/Berlin (the clocks skip it when daylight saving time starts); 2024-03-31 03:45 (+02:00) is used instead — write that time, or another, to keep this warning away",
    ]);
  });

  test("times that exist, a day alone, an instant with its offset and a zone without DST: no warning", () => {
    for (const date of ["2024-03-31 01:59", "2024-03-31 03:00", "2024-03-31", "2024-03-31T02:30:00+01:00", "2024-10-27 02:30"]) {
      expect(read({ date }).warnings, date).toEqual([]);
    }
    expect(readPostHead("posts/a.md", { ...base, date: "2024-03-31 02:30" }, ctx).warnings).toEqual([]);
  });
});
