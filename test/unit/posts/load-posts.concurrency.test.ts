/**
 * How many post files the loader reads at once (src/posts/load-posts.ts): a bounded number, so
 * that a folder of thousands of posts never opens thousands of files together (EMFILE). Reads are
 * counted by a stand-in for `readFile`; the count does not depend on timing, since every read the
 * loader starts is started before the first one ends.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { PostLoader } from "../../../src/posts/load-posts.ts";
import { loaderSettings } from "../../helpers/posts.ts";

const reads = vi.hoisted(() => ({ open: 0, most: 0 }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  const readFile = (async (file: string, options?: object) => {
    reads.open++;
    reads.most = Math.max(reads.most, reads.open);
    try {
      return await fs.readFile(file, options as never);
    } finally {
      reads.open--;
    }
  }) as typeof fs.readFile;
  return { ...fs, default: { ...fs, readFile }, readFile };
});

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "newsroom-concurrency-"));
  mkdirSync(path.join(root, "posts"));
  reads.open = 0;
  reads.most = 0;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test("at most 32 post files are read at once, and every post is read", async () => {
  const names = Array.from({ length: 50 }, (_, i) => `bai-${String(i).padStart(2, "0")}.md`);
  for (const [i, name] of names.entries()) {
    writeFileSync(path.join(root, "posts", name), `---\ntitle: Tin số ${i}\ndate: 2019-10-18\nslug: tin-${i}\n---\n`);
  }
  const posts = await new PostLoader(loaderSettings(root)).load();
  expect(posts.map((p) => p.title)).toEqual(names.map((_, i) => `Tin số ${i}`));
  expect(reads.most).toBeGreaterThan(1);
  expect(reads.most).toBeLessThanOrEqual(32);
});
