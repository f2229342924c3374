/**
 * Which files in the posts folder are posts (src/content/load-posts.ts `listPostFiles`). The module
 * is imported inside the tests: the set of post extensions is made when it loads, and the mutation
 * run (npm run mutation) tests a change to such code only with the tests that load it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-kinds-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("files ending in .md or .markdown are posts; a named pipe is not, whatever its name", async () => {
  const { listPostFiles } = await import("../../src/content/load-posts.ts");
  for (const name of ["a.md", "b.markdown", "c.MARKDOWN", "d.mdx", "e.txt"]) writeFileSync(path.join(dir, name), "x");
  execFileSync("mkfifo", [path.join(dir, "pipe.md")]);
  expect((await listPostFiles(dir)).map((file) => path.basename(file))).toEqual(["a.md", "b.markdown", "c.MARKDOWN"]);
});
