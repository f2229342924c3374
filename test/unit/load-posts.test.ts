/**
 * The post loader (src/content/load-posts.ts) on a temp folder: what a post becomes, every bad
 * post reported together by file, and the dev server's re-reads of changed files only.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { NewsroomError, PostsError } from "../../src/core/errors.ts";
import { loaderSettings } from "../helpers/posts.ts";
import { findUrlCollisions, listPostFiles, PostLoader, type LoaderSettings } from "../../src/content/load-posts.ts";
import type { Post } from "../../src/content/post.ts";

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
      { file: "posts/latin1.md", field: "file", expected: "UTF-8 text", found: "bytes that are not UTF-8" },
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
