/**
 * Which files in the posts folder are posts (src/posts/load-posts.ts `listPostFiles`). The module is
 * imported at the top, as everywhere: imported inside a test, every module it loads would count as
 * covered by that one test alone, and the mutation run (npm run mutation) would test the changes to
 * their load-time code (constants, patterns) against that test only instead of leaving them aside.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { listPostFiles } from "../../../src/posts/load-posts.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-kinds-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("files ending in .md or .markdown are posts; a named pipe is not, whatever its name", async () => {
  for (const name of ["a.md", "b.markdown", "c.MARKDOWN", "d.mdx", "e.txt"]) writeFileSync(path.join(dir, name), "x");
  execFileSync("mkfifo", [path.join(dir, "pipe.md")]);
  expect((await listPostFiles(dir)).map((file) => path.basename(file))).toEqual(["a.md", "b.markdown", "c.MARKDOWN"]);
});
