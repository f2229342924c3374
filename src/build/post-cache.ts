/**
 * The post cache of incremental `newsroom build`s (#23): the posts of the last build as the loader
 * read them (front matter checked, body rendered), in one file of the page store's folder, so that
 * the next build parses only the files whose bytes changed (posts/load-posts.ts `remember`).
 *
 * The file is a header line (JSON: the format, the build's global key, the payload's length and
 * sha1) and the posts in V8's serialization. It is used only under the same global key (the plugin,
 * Eleventy, Node, the options and the site's code: whatever could change how a file becomes a post)
 * and when its payload is whole and unaltered; anything else (no file, another format or key,
 * damaged bytes) reads every post again. It is replaced whole, never written in place.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ReadPosts } from "../posts/load-posts.ts";

/** The post cache's format: a new one reads every post once. */
const POST_CACHE_FORMAT = 1;
/** Its file, in the page store's folder. */
export const POST_CACHE_FILE = "posts.v8";

interface Header {
  format: number;
  key: string;
  bytes: number;
  sha1: string;
}

/** The posts kept under `key` in `dir`, or undefined (none, another key or format, damaged). */
export function readPostCache(dir: string, key: string): ReadPosts | undefined {
  const file = path.join(dir, POST_CACHE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const bytes = readFileSync(file);
    const newline = bytes.indexOf(0x0a);
    if (newline === -1) return undefined;
    const header = JSON.parse(bytes.subarray(0, newline).toString("utf8")) as Partial<Header>;
    const payload = bytes.subarray(newline + 1);
    if (header.format !== POST_CACHE_FORMAT || header.key !== key || header.bytes !== payload.length) return undefined;
    if (sha1(payload) !== header.sha1) return undefined;
    const read = deserialize(payload) as ReadPosts;
    return isReadPosts(read) ? { ...read, changed: false } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `read` under `key` in `dir` (written beside, then renamed over the last one). */
export function writePostCache(dir: string, key: string, read: ReadPosts): void {
  const payload = serialize({ posts: read.posts, latest: read.latest, changed: false } satisfies ReadPosts);
  const header: Header = { format: POST_CACHE_FORMAT, key, bytes: payload.length, sha1: sha1(payload) };
  const file = path.join(dir, POST_CACHE_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w");
  try {
    writeSync(fd, `${JSON.stringify(header)}\n`);
    writeSync(fd, payload);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

function isReadPosts(value: unknown): value is ReadPosts {
  if (typeof value !== "object" || value === null) return false;
  const { posts, latest } = value as Partial<ReadPosts>;
  return (
    typeof latest === "number" &&
    Array.isArray(posts) &&
    posts.every(
      (p) =>
        typeof p === "object" &&
        p !== null &&
        typeof p.file === "string" &&
        typeof p.stamp === "string" &&
        typeof p.hash === "string" &&
        typeof p.post === "object" &&
        p.post !== null &&
        p.post.date instanceof Date &&
        Array.isArray(p.unknownKeys) &&
        Array.isArray(p.warnings),
    )
  );
}

function sha1(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("hex");
}
