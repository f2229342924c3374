// #23 (the posts of the last build kept for the next one): the post cache gives back exactly what it
// was given, under the same key only, and nothing at all when its file is damaged in any way.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { POST_CACHE_FILE, readPostCache, writePostCache } from "../../../src/build/post-cache.ts";
import type { ReadPosts } from "../../../src/posts/load-posts.ts";
import type { Post } from "../../../src/posts/post.ts";

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), "newsroom-post-cache-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const post = {
  title: "Thị trấn Sông Mã",
  date: new Date("2019-10-18T01:30:00Z"),
  updated: undefined,
  tags: ["Đảng bộ"],
} as unknown as Post;
const read: ReadPosts = {
  posts: [
    { file: "posts/song-ma.md", stamp: "120 1571362200000000000", hash: "ab".repeat(20), post, unknownKeys: ["tac_gia"], warnings: [] },
  ],
  changed: true,
  latest: Date.UTC(2030, 0, 1),
};
const file = () => path.join(dir, POST_CACHE_FILE);

test("gives back the posts it kept (dates as dates), marked unchanged", () => {
  writePostCache(dir, "key-1", read);
  const kept = readPostCache(dir, "key-1");
  expect(kept).toEqual({ ...read, changed: false });
  expect(kept?.posts[0]?.post.date).toBeInstanceOf(Date);
});

test("nothing under another key, with no file, or from another format", () => {
  expect(readPostCache(dir, "key-1")).toBeUndefined();
  writePostCache(dir, "key-1", read);
  expect(readPostCache(dir, "key-2")).toBeUndefined();
  const bytes = readFileSync(file());
  writeFileSync(file(), Buffer.from(bytes.toString("latin1").replace('"format":1', '"format":0'), "latin1"));
  expect(readPostCache(dir, "key-1")).toBeUndefined();
});

test.each([
  ["a byte of the payload flipped", (b: Buffer) => void (b[b.length - 3] = b[b.length - 3]! ^ 1)],
  ["cut short", (b: Buffer) => b.subarray(0, b.length - 10)],
  ["no header line", (b: Buffer) => b.subarray(b.indexOf(0x0a) + 1)],
  ["a header that is not JSON", (b: Buffer) => Buffer.concat([Buffer.from("{\n"), b])],
  ["empty", () => Buffer.alloc(0)],
])("nothing from a file %s", (_name, damage) => {
  writePostCache(dir, "key-1", read);
  const bytes = readFileSync(file());
  writeFileSync(file(), damage(bytes) ?? bytes);
  expect(readPostCache(dir, "key-1")).toBeUndefined();
});

test("nothing from a whole file whose payload is not posts", () => {
  writePostCache(dir, "key-1", { ...read, posts: [{ ...read.posts[0]!, post: { ...post, date: "2019-10-18" } as unknown as Post }] });
  expect(readPostCache(dir, "key-1")).toBeUndefined();
  writePostCache(dir, "key-1", { ...read, latest: "soon" as unknown as number });
  expect(readPostCache(dir, "key-1")).toBeUndefined();
});

test("replaces the last file whole, leaving no temporary file", () => {
  writePostCache(dir, "key-1", read);
  writePostCache(dir, "key-2", { ...read, posts: [] });
  expect(readPostCache(dir, "key-1")).toBeUndefined();
  expect(readPostCache(dir, "key-2")?.posts).toEqual([]);
  expect(readFileSync(file()).length).toBeGreaterThan(0);
  expect(readdirSync(dir)).toEqual([POST_CACHE_FILE]);
});

test("writes into a folder not made yet (the first build keeps its posts before the page store exists)", () => {
  const nested = path.join(dir, ".cache", "newsroom-pages");
  writePostCache(nested, "key-1", read);
  expect(readPostCache(nested, "key-1")?.posts).toHaveLength(1);
});
