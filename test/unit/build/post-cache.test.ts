// #23 (the posts of the last build kept for the next one): the post cache gives back exactly what it
// was given, under the same key only, nothing of a segment damaged in any way, and rewrites only the
// segments whose posts changed.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { POST_CACHE_DIR, PostCache, SEGMENTS, segmentOf } from "../../../src/build/post-cache.ts";
import type { ReadPost, ReadPosts } from "../../../src/posts/load-posts.ts";
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
const entry = (file: string, stamp = "120 1571362200000000000"): ReadPost => ({
  file,
  stamp,
  hash: "ab".repeat(20),
  post,
  unknownKeys: ["tac_gia"],
  warnings: [],
});
const read: ReadPosts = { posts: [entry("posts/song-ma.md")], changed: true, latest: Date.UTC(2030, 0, 1) };
const segmentFile = (file: string) => path.join(dir, POST_CACHE_DIR, `${String(segmentOf(file)).padStart(2, "0")}.v8`);
const file = () => segmentFile("posts/song-ma.md");

/** What a new cache under `key` gives the loader: the posts of every segment it takes (`refuse`: those it refuses). */
function readBack(key: string, refuse = (_read: ReadPosts) => false): { posts: ReadPost[]; any: boolean; latest: number[] } {
  const posts: ReadPost[] = [];
  const latest: number[] = [];
  const any = new PostCache(dir, key).read((r) => {
    if (refuse(r)) return false;
    posts.push(...r.posts);
    if (r.posts.length > 0) latest.push(r.latest);
    expect(r.changed).toBe(false);
    return true;
  });
  return { posts, any, latest };
}

test("gives back the posts it kept (dates as dates), with the date range they were checked against", () => {
  new PostCache(dir, "key-1").write(read);
  const kept = readBack("key-1");
  expect(kept).toEqual({ posts: read.posts, any: true, latest: [read.latest] });
  expect(kept.posts[0]?.post.date).toBeInstanceOf(Date);
});

test("nothing under another key, with no file, or from another format", () => {
  expect(readBack("key-1")).toEqual({ posts: [], any: false, latest: [] });
  new PostCache(dir, "key-1").write(read);
  expect(readBack("key-2").posts).toEqual([]);
  const bytes = readFileSync(file());
  const other = bytes.toString("latin1").replace('"format":3', '"format":2');
  expect(other).not.toBe(bytes.toString("latin1"));
  writeFileSync(file(), Buffer.from(other, "latin1"));
  expect(readBack("key-1").posts).toEqual([]);
});

test.each([
  ["a byte of the payload flipped", (b: Buffer) => void (b[b.length - 3] = b[b.length - 3]! ^ 1)],
  ["cut short", (b: Buffer) => b.subarray(0, b.length - 10)],
  ["no header line", (b: Buffer) => b.subarray(b.indexOf(0x0a) + 1)],
  ["a header that is not JSON", (b: Buffer) => Buffer.concat([Buffer.from("{\n"), b])],
  ["empty", () => Buffer.alloc(0)],
])("nothing from a segment %s, and the segment is written again", (_name, damage) => {
  new PostCache(dir, "key-1").write(read);
  const bytes = readFileSync(file());
  writeFileSync(file(), damage(bytes) ?? bytes);
  const cache = new PostCache(dir, "key-1");
  expect(cache.read(() => true)).toBe(false);
  expect(cache.write(read)).toBe(1);
  expect(readBack("key-1").posts).toEqual(read.posts);
});

test("nothing from a segment whose payload is not posts", () => {
  new PostCache(dir, "key-1").write({ ...read, posts: [{ ...read.posts[0]!, post: { ...post, date: "2019-10-18" } as unknown as Post }] });
  expect(readBack("key-1").posts).toEqual([]);
  rmSync(path.join(dir, POST_CACHE_DIR), { recursive: true });
  new PostCache(dir, "key-1").write({ ...read, latest: "soon" as unknown as number });
  expect(readBack("key-1").posts).toEqual([]);
});

test("spreads the posts over its segments, and rewrites only those whose posts changed", () => {
  const many = Array.from({ length: 200 }, (_, i) => entry(`posts/bai-${i}.md`));
  expect(new Set(many.map((p) => segmentOf(p.file))).size).toBe(SEGMENTS);
  expect(new PostCache(dir, "key-1").write({ ...read, posts: many })).toBe(SEGMENTS);
  const files = readdirSync(path.join(dir, POST_CACHE_DIR)).sort();
  expect(files).toHaveLength(SEGMENTS);
  const times = () => new Map(files.map((f) => [f, statSync(path.join(dir, POST_CACHE_DIR, f)).mtimeMs]));
  const before = times();

  // A later build: one post added, one re-stamped; the rest as they were.
  const cache = new PostCache(dir, "key-1");
  expect(cache.read(() => true)).toBe(true);
  const added = entry("posts/bai-moi.md");
  const restamped = entry(many[7]!.file, "121 1571362200000000001");
  const next = [...many.filter((p) => p !== many[7]), restamped, added];
  const changed = new Set([segmentOf(added.file), segmentOf(restamped.file)]);
  expect(cache.write({ ...read, posts: next })).toBe(changed.size);
  const after = times();
  for (const f of files) {
    if (changed.has(Number(f.slice(0, 2)))) expect(after.get(f), f).not.toBe(before.get(f));
    else expect(after.get(f), f).toBe(before.get(f));
  }
  expect(
    readBack("key-1")
      .posts.map((p) => `${p.file} ${p.stamp}`)
      .sort(),
  ).toEqual(next.map((p) => `${p.file} ${p.stamp}`).sort());
  // Nothing changed since: nothing written.
  const again = new PostCache(dir, "key-1");
  again.read(() => true);
  expect(again.write({ ...read, posts: next })).toBe(0);
});

test("a segment the loader refuses (checked against a later date range) is written again; one left empty is removed", () => {
  new PostCache(dir, "key-1").write(read);
  const cache = new PostCache(dir, "key-1");
  expect(cache.read((r) => r.posts.length === 0)).toBe(false); // the missing segments hold nothing (a date range of 0): never refused
  expect(cache.write(read)).toBe(1);
  const emptied = new PostCache(dir, "key-1");
  emptied.read(() => true);
  expect(emptied.write({ ...read, posts: [] })).toBe(1);
  expect(existsSync(file())).toBe(false);
  expect(readBack("key-1")).toEqual({ posts: [], any: false, latest: [] });
});

test("writes into a folder not made yet (the first build keeps its posts before the page store exists), removing the former single file", () => {
  const nested = path.join(dir, ".cache", "newsroom-pages");
  new PostCache(nested, "key-1").write(read); // makes the folder
  writeFileSync(path.join(nested, "posts.v8"), "session 10's post cache");
  new PostCache(nested, "key-1").write(read);
  expect(readdirSync(nested)).toEqual([POST_CACHE_DIR]);
  const posts: ReadPost[] = [];
  new PostCache(nested, "key-1").read((r) => (posts.push(...r.posts), true));
  expect(posts).toHaveLength(1);
  expect(readdirSync(path.join(nested, POST_CACHE_DIR)).every((f) => /^\d\d\.v8$/.test(f))).toBe(true);
});
