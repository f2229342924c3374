/**
 * A post file that cannot be read is a problem of that file, reported with all the others (not
 * a stack trace that hides the rest). Tests run as root here, where permissions never stop a
 * read: the refusal is simulated for one file.
 */
import path from "node:path";
import { afterAll, expect, test, vi } from "vitest";
import { PostsError } from "../../src/kernel/errors.ts";
import { createSite, postFile, postsErrorOf } from "../helpers/site.ts";

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  const readFile = ((file: unknown, ...rest: unknown[]) =>
    String(file).endsWith("locked.md")
      ? Promise.reject(Object.assign(new Error("EACCES: permission denied, open 'locked.md'"), { code: "EACCES" }))
      : (actual.readFile as (...args: unknown[]) => Promise<unknown>)(file, ...rest)) as typeof actual.readFile;
  return { ...actual, readFile, default: { ...actual, readFile } };
});

const site = createSite({
  "posts/locked.md": postFile({ title: "Khóa", date: "2020-01-01" }),
  "posts/bad-date.md": postFile({ title: "Ngày sai", date: "2020-13-01" }),
  "posts/good.md": postFile({ title: "Tốt", date: "2020-01-02" }),
});
afterAll(() => site.remove());

test("an unreadable post is named with every other bad post, in one report", async () => {
  const current = await postsErrorOf(site.build());
  expect(current).toBeInstanceOf(PostsError);
  const byFile = Object.fromEntries((current as PostsError).problems.map((p) => [path.basename(p.file), p]));
  expect(Object.keys(byFile).toSorted()).toEqual(["bad-date.md", "locked.md"]);
  expect(byFile["locked.md"]).toMatchObject({ field: "file", found: "a file the build has no permission to read" });
});
