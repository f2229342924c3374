/**
 * The related lists' terms of incremental `newsroom build`s (#23): reading a post's words for its
 * related lists is most of their cost, and a post's terms depend only on its file (and on what the
 * global key covers). They are kept per post file with the sha1 of the bytes they were read from,
 * in one file of the page store's folder; a post whose file has other bytes is read again. The
 * lists themselves are made again every build, from every post's terms: a new post changes how
 * rare each of its words is, and so, a little, every score.
 */
import path from "node:path";
import { type PostTerms, postTerms } from "../features/articles/related.ts";
import type { Post } from "../posts/post.ts";
import { readCacheFile, writeCacheFile } from "./cache-file.ts";

const TERMS_CACHE_FORMAT = 1;
/** Its file, in the page store's folder. */
export const TERMS_CACHE_FILE = "related-terms.v8";

/** Per post file (from the project root): the sha1 of the bytes its terms were read from, and its terms. */
type Kept = Map<string, [hash: string, terms: PostTerms]>;

export class RelatedTermsCache {
  readonly #file: string;
  readonly #key: string;
  readonly #kept: Kept;
  readonly #used: Kept = new Map();
  readonly #hashes: ReadonlyMap<string, string>;
  #read = 0;

  /**
   * The terms kept in `dir` under `key` (none when `fresh`). `hashes`: each post file's sha1 now (the
   * post loader's), by file from the project root; a post without one is always read.
   */
  constructor(settings: { dir: string; key: string; hashes: ReadonlyMap<string, string>; fresh: boolean }) {
    this.#file = path.join(settings.dir, TERMS_CACHE_FILE);
    this.#key = settings.key;
    this.#hashes = settings.hashes;
    this.#kept = (settings.fresh ? undefined : readCacheFile(this.#file, TERMS_CACHE_FORMAT, settings.key, isKept)) ?? new Map();
  }

  /** A post's terms: kept when its file's bytes are the ones they were read from, else read (postTerms). */
  readonly termsOf = (post: Post): PostTerms => {
    const hash = this.#hashes.get(post.inputPath);
    const kept = this.#kept.get(post.inputPath);
    if (hash !== undefined && kept?.[0] === hash) {
      this.#used.set(post.inputPath, kept);
      return kept[1];
    }
    this.#read++;
    const terms = postTerms(post);
    if (hash !== undefined) this.#used.set(post.inputPath, [hash, terms]);
    return terms;
  };

  /** How many posts' terms this build read (the others were kept). */
  get read(): number {
    return this.#read;
  }

  /** Keeps the terms of this build's posts, when they are not exactly the ones kept. */
  save(): void {
    if (this.#read === 0 && this.#used.size === this.#kept.size) return;
    writeCacheFile(this.#file, TERMS_CACHE_FORMAT, this.#key, this.#used);
  }
}

function isKept(value: unknown): value is Kept {
  if (!(value instanceof Map)) return false;
  for (const [file, entry] of value as Map<unknown, unknown>) {
    if (typeof file !== "string" || !Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== "string") return false;
    const terms = entry[1] as Partial<PostTerms> | null;
    if (typeof terms !== "object" || terms === null || !Array.isArray(terms.terms) || !Array.isArray(terms.weights)) return false;
    if (terms.terms.length !== terms.weights.length) return false;
  }
  return true;
}
