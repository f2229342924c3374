/**
 * The post loader (src/posts/load-posts.ts) on a temp folder: what a post becomes, every bad
 * post reported together by file, and the dev server's re-reads of changed files only.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { NewsroomError, PostsError } from "../../../src/kernel/errors.ts";
import { loaderSettings } from "../../helpers/posts.ts";
import { findUrlCollisions, listPostFiles, PostLoader, type LoaderSettings } from "../../../src/posts/load-posts.ts";
import type { Post } from "../../../src/posts/post.ts";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "newsroom-load-"));
  mkdirSync(path.join(root, "posts"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const write = (file: string, text: string | Buffer) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
const post = (fields: string, body = "Nội dung bài viết.") => `---\n${fields}\n---\n\n${body}\n`;
const loader = (more: Partial<LoaderSettings> = {}) => new PostLoader(loaderSettings(root, { excerptLength: 40, ...more }));
const problemsOf = async (load: Promise<unknown>) => {
  const error = await load.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PostsError);
  return (error as PostsError).problems.map(({ file, field, expected, found }) => ({ file, field, expected, found }));
};

describe("a post", () => {
  test("gets its URLs, its body as HTML and as text, its word count and an excerpt cut at a word", async () => {
    write(
      "posts/song-ma.md",
      post("title: Thị trấn Sông Mã\ndate: 2019-10-18", "Những năm qua, **Đảng bộ** thị trấn Sông Mã đã lãnh đạo nhân dân."),
    );
    const [p] = await loader().load();
    expect(p).toMatchObject({
      inputPath: "posts/song-ma.md",
      url: "/2019/10/18/thi-tran-song-ma/",
      dayUrl: "/2019/10/18/",
      monthUrl: "/2019/10/",
      yearUrl: "/2019/",
      content: "<p>Những năm qua, <strong>Đảng bộ</strong> thị trấn Sông Mã đã lãnh đạo nhân dân.</p>\n",
      text: "Những năm qua, Đảng bộ thị trấn Sông Mã đã lãnh đạo nhân dân.",
      wordCount: 14,
      excerpt: "Những năm qua, Đảng bộ thị trấn Sông Mã…",
      newer: undefined,
      older: undefined,
      related: [],
      sameSection: [],
    });
  });

  test("a summary is the excerpt", async () => {
    write(
      "posts/a.md",
      post("title: Tin\ndate: 2019-10-18\nsummary: Tóm tắt ngắn.", "Một thân bài rất dài, dài hơn bốn mươi ký tự rất nhiều."),
    );
    const [p] = await loader().load();
    expect(p?.excerpt).toBe("Tóm tắt ngắn.");
  });

  test("the site's markdown setup applies to bodies; raw HTML only when allowed", async () => {
    write("posts/a.md", post("title: Tin\ndate: 2019-10-18", "**đậm** <i>nghiêng</i>"));
    const bold = (md: import("markdown-it").default) => {
      md.renderer.rules.strong_open = () => "<b>";
      md.renderer.rules.strong_close = () => "</b>";
    };
    expect((await loader({ markdown: { setup: bold } }).load())[0]?.content).toBe("<p><b>đậm</b> &lt;i&gt;nghiêng&lt;/i&gt;</p>\n");
    expect((await loader({ markdown: { html: true } }).load())[0]?.content).toBe("<p><strong>đậm</strong> <i>nghiêng</i></p>\n");
  });

  test("a local image is looked up in the site's input folder", async () => {
    write("site/images/song-ma.jpg", "jpg");
    write("posts/a.md", post("title: Tin\ndate: 2019-10-18\nimage: /images/song-ma.jpg"));
    expect((await loader({ inputDir: path.join(root, "site") }).load())[0]?.image).toBe("/images/song-ma.jpg");
    expect(await problemsOf(loader().load())).toEqual([
      expect.objectContaining({ file: "posts/a.md", field: "image", expected: expect.stringMatching(/no such file in the site$/) }),
    ]);
  });

  test("the plausible dates run from dateRange.from to yearsAhead years after now", async () => {
    const dateRange = { from: 2000, yearsAhead: 2, now: new Date("2024-06-01T00:00:00Z") };
    write("posts/a.md", post("title: Tin\ndate: 2026-05-31"));
    expect(await loader({ dateRange }).load()).toHaveLength(1);
    write("posts/a.md", post("title: Tin\ndate: 2026-06-02"));
    expect(await problemsOf(loader({ dateRange }).load())).toEqual([
      expect.objectContaining({ field: "date", expected: expect.stringMatching(/^a date from 2000-01-01 to 2026-06-01 /) }),
    ]);
    expect(dateRange.now.toISOString()).toBe("2024-06-01T00:00:00.000Z"); // not moved
    write("posts/a.md", post("title: Tin\ndate: 1999-12-31"));
    expect(await problemsOf(loader({ dateRange }).load())).toHaveLength(1);
    expect(await loader().load()).toHaveLength(1); // no range: any date
  });

  test("section and tag links come from the topics settings", async () => {
    write("posts/a.md", post("title: Tin\ndate: 2019-10-18\ncategory: Xây dựng Đảng\ntags: [Sông Mã]"));
    const [p] = await loader({ topics: { sectionUrl: "/chuyen-muc/{slug}/", tagUrl: "/tag/{slug}/", declared: [] } }).load();
    expect(p?.categoryUrl).toBe("/chuyen-muc/xay-dung-dang/");
    expect(p?.tagLinks).toEqual([{ name: "Sông Mã", url: "/tag/song-ma/" }]);
  });
});

describe("bad posts", () => {
  test("every bad post is reported in one error, by file, after the good ones are read", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    write("posts/good.md", post("title: Tốt\ndate: 2019-10-18"));
    write("posts/no-front-matter.md", "Chỉ có thân bài.\n");
    write("posts/latin1.md", Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0xe9, 0x0a]));
    write("posts/deep.md", post("title: Sâu\ndate: 2019-10-18", "> ".repeat(120) + "trích dẫn"));
    write("posts/bad-date.md", post("title: Ngày sai\ndate: 2019-02-30"));
    expect(await problemsOf(loader().load())).toEqual([
      expect.objectContaining({ file: "posts/bad-date.md", field: "date" }),
      {
        file: "posts/deep.md",
        field: "body",
        expected: "markdown nested less than 100 levels deep (lists and quotes inside one another); the text past that depth would be lost",
        found: "deeper nesting",
      },
      {
        file: "posts/latin1.md",
        field: "file",
        expected: 'UTF-8 text (save the file as "UTF-8" in your editor)',
        found: "bytes that are not UTF-8 (line 2, byte 0xE9)",
      },
      {
        file: "posts/no-front-matter.md",
        field: "front matter",
        expected: 'front matter between two "---" lines at the top of the file',
        found: "no opening ---",
      },
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  test("an unknown front matter key is a warning naming the file and the keys, not an error", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    write("posts/a.md", post("title: Tin\ndate: 2019-10-18\ntittle: x\nauthr: y"));
    write("posts/b.md", post("title: Tin B\ndate: 2019-10-18\nsumary: z"));
    write("posts/c.md", post("date: 2019-10-18\ntitel: z"));
    write("posts/d.md", post("title: Tin D\ndate: 2019-10-18"));
    write("posts/e.md", "không có front matter\n");
    await problemsOf(loader().load());
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '[newsroom] warning: posts/a.md: unknown front matter keys "tittle", "authr" (ignored)',
      '[newsroom] warning: posts/b.md: unknown front matter key "sumary" (ignored)',
      '[newsroom] warning: posts/c.md: unknown front matter key "titel" (ignored)',
    ]);
  });

  test("two posts with one URL are both named, each with the other", async () => {
    write("posts/a.md", post("title: Trùng địa chỉ\ndate: 2019-10-18"));
    write("posts/b.md", post("title: Trùng địa chỉ\ndate: 2019-10-18 09:00"));
    write("posts/c.md", post("title: Khác\ndate: 2019-10-18"));
    const expected = `a URL no other post has (give one of them a different "slug")`;
    expect(await problemsOf(loader().load())).toEqual([
      { file: "posts/a.md", field: "slug", expected, found: "/2019/10/18/trung-dia-chi/, also the URL of posts/b.md" },
      { file: "posts/b.md", field: "slug", expected, found: "/2019/10/18/trung-dia-chi/, also the URL of posts/a.md" },
    ]);
  });

  test("three posts with one URL: each names the two others", () => {
    const posts = ["a", "b", "c"].map((name) => ({ inputPath: `posts/${name}.md`, url: "/x/" }) as Post);
    expect(findUrlCollisions(posts).map((p) => p.found)).toEqual([
      "/x/, also the URL of posts/b.md, posts/c.md",
      "/x/, also the URL of posts/a.md, posts/c.md",
      "/x/, also the URL of posts/a.md, posts/b.md",
    ]);
    expect(findUrlCollisions(posts.slice(0, 1))).toEqual([]);
  });

  test("a missing posts folder is Newsroom's error naming the folder and the option", async () => {
    rmSync(path.join(root, "posts"), { recursive: true });
    const error = await loader()
      .load()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(NewsroomError);
    expect(((error as Error).cause as NodeJS.ErrnoException).code).toBe("ENOENT");
    expect(String((error as Error).message)).toContain(
      `cannot read the posts folder "${path.join(root, "posts")}" (option postsDir): ENOENT`,
    );
  });
});

describe("post files", () => {
  test("files are listed in name order, whatever order the folder gives them in", async () => {
    const names = Array.from({ length: 30 }, (_, i) => `${String((i * 7) % 30).padStart(2, "0")}-bai.md`);
    for (const name of names) write(`posts/${name}`, "x");
    write("posts/2019/a.md", "x");
    // A folder is read where it is met: "a/z.md" would come before "a-b.md", which sorts first.
    write("posts/a/z.md", "x");
    write("posts/a-b.md", "x");
    const files = (await listPostFiles(path.join(root, "posts"))).map((f) => path.relative(path.join(root, "posts"), f));
    expect(files).toEqual([...names, path.join("2019", "a.md"), "a-b.md", path.join("a", "z.md")].toSorted());
    expect(files.indexOf("a-b.md")).toBeLessThan(files.indexOf(path.join("a", "z.md")));
  });

  test(".md and .markdown files in any subfolder, any letter case; other files are not posts", async () => {
    for (const file of ["a.md", "b.MARKDOWN", "2019/c.Md", "notes.txt", "md", "image.jpg"]) write(`posts/${file}`, "x");
    const files = (await listPostFiles(path.join(root, "posts"))).map((f) => path.relative(path.join(root, "posts"), f));
    expect(files).toEqual([path.join("2019", "c.Md"), "a.md", "b.MARKDOWN"]);
  });

  test("links to posts and folders are followed, a folder reached twice is read once; a broken link is named", async () => {
    write("elsewhere/x.md", "x");
    write("elsewhere/y.md", "y");
    symlinkSync(path.join(root, "elsewhere"), path.join(root, "posts", "linked"));
    symlinkSync(path.join(root, "elsewhere"), path.join(root, "posts", "linked-again"));
    symlinkSync(path.join(root, "elsewhere", "x.md"), path.join(root, "posts", "x-link.md"));
    symlinkSync(path.join(root, "posts"), path.join(root, "posts", "loop"));
    const files = await listPostFiles(path.join(root, "posts"), root);
    expect(files.map((f) => path.relative(root, f))).toEqual([
      path.join("posts", "linked", "x.md"),
      path.join("posts", "linked", "y.md"),
      path.join("posts", "x-link.md"),
    ]);
    symlinkSync(path.join(root, "gone.md"), path.join(root, "posts", "dangling.md"));
    symlinkSync(path.join(root, "gone"), path.join(root, "posts", "dangling-folder"));
    symlinkSync(path.join(root, "gone.jpg"), path.join(root, "posts", "photo.jpg"));
    const error = await listPostFiles(path.join(root, "posts"), root).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PostsError);
    expect((error as PostsError).problems.map(({ file, field, expected, found }) => ({ file, field, expected, found }))).toEqual(
      ["posts/dangling-folder", "posts/dangling.md"].map((file) => ({
        file,
        field: "file",
        expected: "a symbolic link to a post or a folder of posts",
        found: "nothing (the file is gone, or the link leads nowhere)",
      })),
    );
  });
});

// #21 item 8: UTF-16 posts were "bytes that are not UTF-8" (or "no opening ---"), with no way out given.
describe("encodings other than UTF-8", () => {
  const text = post("title: Tin\ndate: 2019-10-18");
  const utf16be = (s: string) => Buffer.from(s, "utf16le").swap16();

  test("UTF-16 and UTF-32, with a byte-order mark or (UTF-16) without: named, with the command that converts the file", async () => {
    write("posts/le.md", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    write("posts/be.md", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]));
    write("posts/le-no-bom.md", Buffer.from(text, "utf16le"));
    write("posts/be-no-bom.md", utf16be(text));
    write("posts/utf32.md", Buffer.from([0xff, 0xfe, 0, 0, 0x2d, 0, 0, 0]));
    const convert = (file: string, from: string) =>
      `UTF-8 text — convert it, for example: iconv -f ${from} -t UTF-8 "${file}" > converted.md && mv converted.md "${file}" (or save it as "UTF-8" in your editor)`;
    expect(await problemsOf(loader().load())).toEqual([
      {
        file: "posts/be-no-bom.md",
        field: "file",
        expected: convert("posts/be-no-bom.md", "UTF-16BE"),
        found: "UTF-16 (big-endian, without a byte-order mark) text",
      },
      { file: "posts/be.md", field: "file", expected: convert("posts/be.md", "UTF-16"), found: "UTF-16 (big-endian) text" },
      {
        file: "posts/le-no-bom.md",
        field: "file",
        expected: convert("posts/le-no-bom.md", "UTF-16LE"),
        found: "UTF-16 (little-endian, without a byte-order mark) text",
      },
      { file: "posts/le.md", field: "file", expected: convert("posts/le.md", "UTF-16"), found: "UTF-16 (little-endian) text" },
      { file: "posts/utf32.md", field: "file", expected: convert("posts/utf32.md", "UTF-32"), found: "UTF-32 (little-endian) text" },
    ]);
  });

  // mutation gap: posts/load-posts.ts UTF-32 big-endian by its byte-order mark
  test("UTF-32 big-endian with its byte-order mark: named, with the command that converts it", async () => {
    write("posts/utf32be.md", Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x2d, 0, 0, 0, 0x2d]));
    expect(await problemsOf(loader().load())).toEqual([
      {
        file: "posts/utf32be.md",
        field: "file",
        expected:
          'UTF-8 text — convert it, for example: iconv -f UTF-32 -t UTF-8 "posts/utf32be.md" > converted.md && mv converted.md "posts/utf32be.md" (or save it as "UTF-8" in your editor)',
        found: "UTF-32 (big-endian) text",
      },
    ]);
  });

  test("other bytes that are not UTF-8: the line and the byte that starts the bad character", async () => {
    const bytes = (...parts: (string | number[])[]) =>
      Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));
    write("posts/cp1258.md", bytes("---\ntitle: Tin ", [0xd0, 0xe0], "\n---\n")); // Windows-1258 "Đà"
    write("posts/cut.md", bytes("---\ntitle: ", [0xe1, 0xbb], "\n---\n")); // "ả" cut short at the end of its line
    write("posts/stray.md", bytes("---\ntitle: Sông ", [0x80], "\n---\n"));
    expect((await problemsOf(loader().load())).map((p) => p.found)).toEqual([
      "bytes that are not UTF-8 (line 2, byte 0xD0)",
      "bytes that are not UTF-8 (line 2, byte 0xE1)",
      "bytes that are not UTF-8 (line 2, byte 0x80)",
    ]);
  });

  // mutation gap: posts/load-posts.ts the bad byte as the file's last byte, in mid-line, after a one-letter line
  test("the bad byte found at the very end of a file without a final newline, in the middle of a line, after a line of one letter", async () => {
    const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => Buffer.from(p as string)));
    write("posts/a-last.md", bytes("---\ntitle: Sông ", [0x80]));
    write("posts/b-middle.md", bytes("---\ntitle: S", [0x80], "ng\n---\n"));
    write("posts/c-short.md", bytes("x\n", [0xfe], "\n"));
    expect((await problemsOf(loader().load())).map((p) => p.found)).toEqual([
      "bytes that are not UTF-8 (line 2, byte 0x80)",
      "bytes that are not UTF-8 (line 2, byte 0x80)",
      "bytes that are not UTF-8 (line 2, byte 0xFE)",
    ]);
  });
});

// #21 item 8: a time the clocks skip is warned about through the plugin's logger, naming the post.
test("a post dated in a daylight-saving gap is published, with a warning naming its file, the time written and the time used", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  write("posts/berlin.md", post("title: Tin\ndate: 2024-03-31 02:30"));
  const [p] = await loader({ timeZone: "Europe/Berlin" }).load();
  expect(p?.dateIso).toBe("2024-03-31T03:30:00+02:00");
  expect(warn.mock.calls.map((call) => call[0])).toEqual([
    "[newsroom] warning: posts/berlin.md: date: 2024-03-31 02:30 does not exist in Europe/Berlin (the clocks skip it when daylight saving time starts); 2024-03-31 03:30 (+02:00) is used instead — write that time, or another, to keep this warning away",
  ]);
});

// #21 item 8: `postsDir: "."` read node_modules (and .git, the output) as posts.
describe("folders that never hold posts", () => {
  test("dependency folders, names starting with a dot, the output folder and any folder a build wrote are left out", async () => {
    const postsDir = path.join(root, "site");
    for (const file of [
      "site/a.md",
      "site/posts/b.md",
      "site/node_modules/pkg/README.md",
      "site/posts/node_modules/x.md",
      "site/.git/x.md",
      "site/.cache/y.md",
      "site/posts/.an-nhap.md",
      "site/_site/c.md",
      "site/dist/d.md",
      "site/old-output/e.md",
      "site/old-output/.newsroom-output",
    ]) {
      write(file, post("title: Tin\ndate: 2019-10-18"));
    }
    symlinkSync(path.join(root, "nowhere.md"), path.join(postsDir, ".#a.md")); // an editor's lock link
    const listed = await listPostFiles(postsDir, root, [path.join(postsDir, "_site")]);
    expect(listed.map((file) => path.relative(root, file))).toEqual(["site/a.md", "site/dist/d.md", "site/posts/b.md"]);
    // The posts folder itself may be anything, even a folder whose name starts with a dot.
    expect(await listPostFiles(path.join(postsDir, ".cache"), root)).toEqual([path.join(postsDir, ".cache/y.md")]);
  });

  // mutation gap: posts/load-posts.ts the posts folder itself is read, even when skipped or marked
  test("the posts folder itself is read even when it is the folder to skip or holds the output marker", async () => {
    write("posts/a.md", post("title: Tin\ndate: 2019-10-18"));
    const postsDir = path.join(root, "posts");
    expect(await listPostFiles(postsDir, root, [postsDir])).toEqual([path.join(postsDir, "a.md")]);
    write("posts/.newsroom-output", "");
    expect(await listPostFiles(postsDir, root)).toEqual([path.join(postsDir, "a.md")]);
  });

  test("the loader leaves out its output folder", async () => {
    write("posts/a.md", post("title: Tin\ndate: 2019-10-18"));
    write("posts/out/b.md", "no front matter\n");
    const posts = await loader({ outputDir: path.join(root, "posts/out") }).load();
    expect(posts.map((p) => p.inputPath)).toEqual(["posts/a.md"]);
  });
});

describe("the dev server's rebuilds", () => {
  test("an untouched file is not read again; an edited one is; a touched file with the same bytes keeps its post", async () => {
    write("posts/a.md", post("title: Tin\ndate: 2019-10-18"));
    const posts = loader();
    const [first] = await posts.load();
    expect((await posts.load())[0]).toBe(first);
    const file = path.join(root, "posts/a.md");
    utimesSync(file, new Date("2020-01-01"), new Date("2020-01-01"));
    expect((await posts.load())[0]).toBe(first);
    expect((await posts.load())[0]).toBe(first);
    // An edit that keeps the size (a typo fixed) is read again: the modification time says so.
    write("posts/a.md", post("title: Tim\ndate: 2019-10-18"));
    utimesSync(file, new Date("2020-01-02"), new Date("2020-01-02"));
    expect((await posts.load())[0]?.title).toBe("Tim");
    write("posts/a.md", post("title: Tin mới\ndate: 2019-10-18"));
    const [edited] = await posts.load();
    expect(edited?.title).toBe("Tin mới");
    expect(edited).not.toBe(first);
  });

  test("a loop of symbolic links is named as such", async () => {
    symlinkSync(path.join(root, "posts/b.md"), path.join(root, "posts/a.md"));
    symlinkSync(path.join(root, "posts/a.md"), path.join(root, "posts/b.md"));
    expect((await problemsOf(loader().load())).map((p) => [p.file, p.found])).toEqual([
      ["posts/a.md", "a loop of symbolic links"],
      ["posts/b.md", "a loop of symbolic links"],
    ]);
  });
});

describe("posts remembered from an earlier build (the post cache)", () => {
  const old = new Date("2020-01-01");
  const age = (file: string) => utimesSync(path.join(root, file), old, old);

  test("a file with the same bytes gives the remembered post, not parsed again (a checkout: another modification time); an edited one is read", async () => {
    write("posts/a.md", post("title: Tin A\ndate: 2019-10-18"));
    write("posts/b.md", post("title: Tin B\ndate: 2019-10-18"));
    const first = loader();
    await first.load();
    const read = first.readPosts();
    const next = loader();
    next.remember(read);
    utimesSync(path.join(root, "posts/a.md"), new Date("2021-05-05"), new Date("2021-05-05"));
    write("posts/b.md", post("title: Tin B mới\ndate: 2019-10-18"));
    const [a, b] = await next.load();
    expect(a).toBe(read.posts.find((p) => p.file === "posts/a.md")!.post);
    expect(b?.title).toBe("Tin B mới");
    expect(next.readPosts().changed).toBe(true);
  });

  test("a remembered post whose picture is gone is checked again, and named", async () => {
    write("images/p.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
    write("posts/a.md", post("title: Tin A\ndate: 2019-10-18\nimage: /images/p.svg"));
    const first = loader();
    await first.load();
    const next = loader();
    next.remember(first.readPosts());
    rmSync(path.join(root, "images/p.svg"));
    expect((await problemsOf(next.load())).map((p) => [p.file, p.field])).toEqual([["posts/a.md", "image"]]);
  });

  test("a bad post is read again at the next load: the picture it lacked may come without its file changing", async () => {
    write("posts/a.md", post("title: Tin A\ndate: 2019-10-18\nimage: /images/p.svg"));
    const posts = loader();
    await problemsOf(posts.load());
    write("images/p.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
    expect((await posts.load()).map((p) => p.image)).toEqual(["/images/p.svg"]);
  });

  test("posts checked against a later latest date (option now set back) are not taken, and remember() says so", async () => {
    write("posts/a.md", post("title: Tin A\ndate: 2019-10-18"));
    const range = (year: number) => ({ dateRange: { from: 1990, yearsAhead: 1, now: new Date(`${year}-01-01`) } });
    const first = loader(range(2030));
    await first.load();
    const read = first.readPosts();
    const earlier = loader(range(2025));
    expect(earlier.remember(read)).toBe(false); // the post cache writes that segment again
    expect((await earlier.load())[0]).not.toBe(read.posts[0]!.post);
    const later = loader(range(2031));
    expect(later.remember(read)).toBe(true);
    expect((await later.load())[0]).toBe(read.posts[0]!.post);
  });

  test("changed: when a file was read, or one went away; not when every post came from memory", async () => {
    write("posts/a.md", post("title: Tin A\ndate: 2019-10-18"));
    write("posts/b.md", post("title: Tin B\ndate: 2019-10-18"));
    const posts = loader();
    await posts.load();
    expect(posts.readPosts().changed).toBe(true);
    await posts.load();
    expect(posts.readPosts().changed).toBe(false);
    rmSync(path.join(root, "posts/b.md"));
    await posts.load();
    expect(posts.readPosts()).toMatchObject({ changed: true, posts: [{ file: "posts/a.md" }] });
  });

  test("a file modified in the last seconds is kept without its stamp: the next build checks its bytes", async () => {
    write("posts/a.md", post("title: Tin A\ndate: 2019-10-18"));
    write("posts/b.md", post("title: Tin B\ndate: 2019-10-18"));
    age("posts/b.md");
    const posts = loader();
    await posts.load();
    const stamps = Object.fromEntries(posts.readPosts().posts.map((p) => [p.file, p.stamp]));
    expect(stamps["posts/a.md"]).toBe("");
    expect(stamps["posts/b.md"]).toMatch(/^\d+ \d+$/);
    // The same size and time as remembered, other bytes: read again only because the stamp was left out.
    const next = loader();
    next.remember(posts.readPosts());
    write("posts/a.md", post("title: Tin C\ndate: 2019-10-18"));
    expect((await next.load()).map((p) => p.title)).toEqual(["Tin C", "Tin B"]);
  });
});

test("before any load: no posts, nothing changed, nothing parsed; then how many files each load parsed", async () => {
  write("posts/a.md", post("title: Tin A\ndate: 2019-10-18"));
  write("posts/b.md", post("title: Tin B\ndate: 2019-10-18"));
  const posts = loader();
  expect(posts.readPosts()).toMatchObject({ posts: [], changed: false });
  expect(posts.parsed).toBe(0);
  await posts.load();
  expect(posts.parsed).toBe(2);
  write("posts/b.md", post("title: Tin B mới\ndate: 2019-10-18"));
  await posts.load();
  expect(posts.parsed).toBe(1);
  await posts.load();
  expect(posts.parsed).toBe(0);
});
