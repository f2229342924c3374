/**
 * A post file the build cannot read is reported with the others, in words (src/posts/load-posts.ts).
 * The file system's refusals are simulated for files named in `refuse` (the tests may run as root,
 * who can read anything).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

const refuse = vi.hoisted(() => ({ stat: new Map<string, string>(), read: new Map<string, string>() }));
const failure = (code: string, file: string) =>
  Object.assign(
    new Error(code === "EIO" ? `EIO: i/o error, read '${file}'` : `${code}: refused, '${file}'`),
    code === "EIO" ? {} : { code },
  );
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const statSync = ((file: string, options?: object) => {
    const code = refuse.stat.get(path.basename(String(file)));
    if (code) throw failure(code, String(file));
    return fs.statSync(file, options as never);
  }) as typeof fs.statSync;
  return { ...fs, default: { ...fs, statSync }, statSync };
});
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  const readFile = (async (file: string, options?: object) => {
    const code = refuse.read.get(path.basename(String(file)));
    if (code) throw failure(code, String(file));
    return fs.readFile(file, options as never);
  }) as typeof fs.readFile;
  const stat = (async (file: string, options?: object) => {
    const code = refuse.stat.get(path.basename(String(file)));
    if (code) throw failure(code, String(file));
    return fs.stat(file, options as never);
  }) as typeof fs.stat;
  return { ...fs, default: { ...fs, readFile, stat }, readFile, stat };
});

const { PostLoader } = await import("../../../src/posts/load-posts.ts");
const { PostsError } = await import("../../../src/kernel/errors.ts");
const { loaderSettings } = await import("../../helpers/posts.ts");

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "newsroom-unreadable-"));
  mkdirSync(path.join(root, "posts"));
  refuse.stat.clear();
  refuse.read.clear();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const loader = () => new PostLoader(loaderSettings(root, { timeZone: "UTC" }));

test("each refusal is named in words, with every other bad post, and no warning", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  for (const name of ["a-locked.md", "b-not-permitted.md", "c-gone.md", "d-folder.md", "e-disk.md", "f-bad-date.md", "g-good.md"]) {
    writeFileSync(
      path.join(root, "posts", name),
      `---\ntitle: Tin\ndate: ${name === "f-bad-date.md" ? "2019-02-30" : "2019-10-18"}\n---\n`,
    );
  }
  refuse.stat.set("a-locked.md", "EACCES");
  refuse.read.set("b-not-permitted.md", "EPERM");
  refuse.stat.set("c-gone.md", "ENOENT");
  refuse.read.set("d-folder.md", "EISDIR");
  refuse.read.set("e-disk.md", "EIO");
  const error = await loader()
    .load()
    .then(
      () => expect.fail("loaded"),
      (e: unknown) => e as InstanceType<typeof PostsError>,
    );
  expect(error).toBeInstanceOf(PostsError);
  const expected = "a file the build can read";
  expect(error.problems.map(({ file, field, expected, found }) => ({ file, field, expected, found }))).toEqual([
    { file: "posts/a-locked.md", field: "file", expected, found: "a file the build has no permission to read" },
    { file: "posts/b-not-permitted.md", field: "file", expected, found: "a file the build has no permission to read" },
    { file: "posts/c-gone.md", field: "file", expected, found: "nothing (the file is gone, or the link leads nowhere)" },
    { file: "posts/d-folder.md", field: "file", expected, found: "a folder" },
    { file: "posts/e-disk.md", field: "file", expected, found: `EIO: i/o error, read '${path.join(root, "posts", "e-disk.md")}'` },
    expect.objectContaining({ file: "posts/f-bad-date.md", field: "date" }),
  ]);
  expect(error.problems[0]?.cause).toBeInstanceOf(Error);
  expect(warn).not.toHaveBeenCalled();
});

test("a file readable again is read again", async () => {
  writeFileSync(path.join(root, "posts", "a.md"), "---\ntitle: Tin\ndate: 2019-10-18\n---\n");
  const posts = loader();
  refuse.read.set("a.md", "EACCES");
  await expect(posts.load()).rejects.toBeInstanceOf(PostsError);
  refuse.read.clear();
  expect((await posts.load()).map((p) => p.title)).toEqual(["Tin"]);
});

test("a file untouched since the last read is not read again", async () => {
  writeFileSync(path.join(root, "posts", "a.md"), "---\ntitle: Tin\ndate: 2019-10-18\n---\n");
  const posts = loader();
  const [first] = await posts.load();
  refuse.read.set("a.md", "EACCES"); // reading it now would fail
  expect((await posts.load())[0]).toBe(first);
});

test("a post the build may list but not look at (a folder it may read but not enter) is unreadable, not a broken link", async () => {
  writeFileSync(path.join(root, "posts", "a.md"), "---\ntitle: Tin\ndate: 2019-10-18\n---\n");
  writeFileSync(path.join(root, "posts", "b.md"), "---\ntitle: Tin khác\ndate: 2019-10-18\n---\n");
  refuse.stat.set("a.md", "EACCES");
  const error = await loader()
    .load()
    .then(
      () => expect.fail("loaded"),
      (e: unknown) => e as InstanceType<typeof PostsError>,
    );
  expect(error.problems.map(({ file, field, expected, found }) => ({ file, field, expected, found }))).toEqual([
    { file: "posts/a.md", field: "file", expected: "a file the build can read", found: "a file the build has no permission to read" },
  ]);
});

test("a post that cannot be read any more, or has become bad, leaves the posts kept for the next build; one never read changes nothing", async () => {
  for (const name of ["a.md", "b.md", "c.md", "d.md"]) writeFileSync(path.join(root, "posts", name), `---\ntitle: Tin ${name}\ndate: 2019-10-18\n---\n`);
  const posts = loader();
  await posts.load();
  expect(posts.readPosts().posts.map((p) => p.file).toSorted()).toEqual(["posts/a.md", "posts/b.md", "posts/c.md", "posts/d.md"]);
  await posts.load();
  expect(posts.readPosts().changed).toBe(false);

  // a.md's stamp cannot be read, b.md's bytes cannot (its stamp changed), c.md is bad now.
  refuse.stat.set("a.md", "EACCES");
  writeFileSync(path.join(root, "posts", "b.md"), "---\ntitle: Tin b.md mới\ndate: 2019-10-18\n---\n");
  refuse.read.set("b.md", "EIO");
  writeFileSync(path.join(root, "posts", "c.md"), "---\ntitle: Tin\ndate: 2019-02-30\n---\n");
  await expect(posts.load()).rejects.toBeInstanceOf(PostsError);
  expect(posts.readPosts()).toMatchObject({ changed: true, posts: [{ file: "posts/d.md" }] });
  expect(posts.readPosts().posts).toHaveLength(1);

});

test("a new file that cannot be read changes none of the posts kept", async () => {
  writeFileSync(path.join(root, "posts", "a.md"), "---\ntitle: Tin\ndate: 2019-10-18\n---\n");
  const posts = loader();
  await posts.load();
  writeFileSync(path.join(root, "posts", "b.md"), "---\ntitle: Tin b\ndate: 2019-10-18\n---\n");
  refuse.read.set("b.md", "EIO");
  await expect(posts.load()).rejects.toBeInstanceOf(PostsError);
  expect(posts.readPosts()).toMatchObject({ changed: false, posts: [{ file: "posts/a.md" }] });
});
