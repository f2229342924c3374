/**
 * The post cache of incremental `newsroom build`s (#23): the posts of the last build as the loader
 * read them (front matter checked, body rendered), in one file of the page store's folder, so that
 * the next build parses only the files whose bytes changed (posts/load-posts.ts `remember`). Kept
 * under the build's global key (the plugin, Eleventy, Node, the options and the site's code: whatever
 * could change how a file becomes a post); see cache-file.ts for what is never read back.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { ReadPosts } from "../posts/load-posts.ts";
import { readCacheFile, writeCacheFile } from "./cache-file.ts";

/** The post cache's format: a new one reads every post once. */
const POST_CACHE_FORMAT = 1;
/** Its file, in the page store's folder. */
export const POST_CACHE_FILE = "posts.v8";

/** The posts kept under `key` in `dir`, or undefined (none, another key or format, damaged). */
export function readPostCache(dir: string, key: string): ReadPosts | undefined {
  const read = readCacheFile(path.join(dir, POST_CACHE_FILE), POST_CACHE_FORMAT, key, isReadPosts);
  return read && { ...read, changed: false };
}

/** Keeps `read` under `key` in `dir`. */
export function writePostCache(dir: string, key: string, read: ReadPosts): void {
  mkdirSync(dir, { recursive: true }); // the first build writes it before the page store
  writeCacheFile(path.join(dir, POST_CACHE_FILE), POST_CACHE_FORMAT, key, { posts: read.posts, latest: read.latest, changed: false });
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
