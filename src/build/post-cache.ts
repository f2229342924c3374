/**
 * The post cache of incremental `newsroom build`s (#23): the posts of the last build as the loader
 * read them (front matter checked, body rendered), in the page store's folder, so that the next
 * build parses only the files whose bytes changed (posts/load-posts.ts `remember`). Kept under the
 * build's global key (the plugin, Eleventy, Node, the options and the site's code: whatever could
 * change how a file becomes a post); see cache-file.ts for what is never read back.
 *
 * The posts are kept in segments, a post's segment picked by its file's name, and a build rewrites
 * only the segments whose posts changed: a new post rewrites one thirty-second of the cache (at
 * 100,000 posts ~25 MB, not ~750 MB). A segment that is missing holds no post; one that is damaged,
 * under another key, or refused by the loader is read from the posts again and rewritten.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { ReadPost, ReadPosts } from "../posts/load-posts.ts";
import { readCacheFile, writeCacheFile } from "./cache-file.ts";

/** The post cache's format: a new one reads every post once. */
const POST_CACHE_FORMAT = 3;
/** Its folder, in the page store's folder: one file per segment. */
export const POST_CACHE_DIR = "posts";
/** The single file of the first format (session 10), removed when the segments are written. */
const FORMER_FILE = "posts.v8";
/** How many segments the posts are spread over. */
export const SEGMENTS = 32;

/** The post cache in the page store's folder `dir`, under the build's global key. */
export class PostCache {
  readonly #dir: string;
  readonly #key: string;
  /** Per segment taken by the loader: the digest of its posts' files, stamps and hashes. */
  readonly #taken = new Map<number, string>();

  constructor(dir: string, key: string) {
    this.#dir = dir;
    this.#key = key;
  }

  /**
   * Offers every intact segment to `take` (the loader's remember(), false when it refuses them) and says
   * whether any held posts that were taken. A missing segment is taken as empty.
   */
  read(take: (read: ReadPosts) => boolean): boolean {
    let any = false;
    for (let segment = 0; segment < SEGMENTS; segment++) {
      const file = this.#file(segment);
      const read = existsSync(file)
        ? readCacheFile(file, POST_CACHE_FORMAT, this.#key, isReadPosts)
        : { posts: [], changed: false, latest: 0 };
      if (!read || !take({ ...read, changed: false })) continue;
      this.#taken.set(segment, digest(read.posts));
      any ||= read.posts.length > 0;
    }
    return any;
  }

  /** Keeps the posts of `read`: writes the segments whose posts are not those taken (an empty one is removed). Returns how many changed. */
  write(read: ReadPosts): number {
    mkdirSync(path.join(this.#dir, POST_CACHE_DIR), { recursive: true }); // the first build writes it before the page store
    rmSync(path.join(this.#dir, FORMER_FILE), { force: true });
    const segments = Array.from({ length: SEGMENTS }, (): ReadPost[] => []);
    for (const post of read.posts) segments[segmentOf(post.file)]!.push(post);
    let written = 0;
    segments.forEach((posts, segment) => {
      const held = digest(posts);
      if (this.#taken.get(segment) === held) return;
      if (posts.length === 0) rmSync(this.#file(segment), { force: true });
      else writeCacheFile(this.#file(segment), POST_CACHE_FORMAT, this.#key, { posts, latest: read.latest, changed: false });
      this.#taken.set(segment, held);
      written++;
    });
    return written;
  }

  #file(segment: number): string {
    return path.join(this.#dir, POST_CACHE_DIR, `${String(segment).padStart(2, "0")}.v8`);
  }
}

/** A post file's segment, from its path (FNV-1a). */
export function segmentOf(file: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SEGMENTS;
}

/** What tells a segment's posts apart: their files, stamps and hashes (the file's bytes and the global key make the rest). */
function digest(posts: readonly ReadPost[]): string {
  const hash = createHash("sha1");
  for (const { file, stamp, hash: bytes } of [...posts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    hash.update(`${file}\0${stamp}\0${bytes}\n`);
  }
  return hash.digest("hex");
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
