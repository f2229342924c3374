// #23: the related lists' words kept between incremental builds — kept for a post whose file has the
// same bytes, read again otherwise, written only when they changed, and never read back damaged.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { RelatedTermsCache, TERMS_CACHE_FILE } from "../../../src/build/related-terms-cache.ts";
import { postTerms } from "../../../src/features/articles/related.ts";
import type { Post } from "../../../src/posts/post.ts";

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), "newsroom-terms-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const post = (inputPath: string, title: string) =>
  ({ inputPath, title, summary: "Đảng bộ thị trấn", tags: ["Sông Mã"], text: "Những năm qua, nông thôn mới." }) as unknown as Post;
const a = post("posts/a.md", "Thị trấn Sông Mã");
const b = post("posts/b.md", "Điện lưới về bản");
const cache = (hashes: Record<string, string>, fresh = false) =>
  new RelatedTermsCache({ dir, key: "key-1", hashes: new Map(Object.entries(hashes)), fresh });

test("a post's words are its tags, words and title and summary phrases, in the order met, weighted", () => {
  const terms = postTerms(a);
  expect(terms.terms.slice(0, 6)).toEqual(["#song-ma", "thị", "trấn", "thị trấn", "sông", "trấn sông"]);
  expect(terms.weights.slice(0, 4)).toEqual([1, 3, 3, 3]); // title (2) and summary (1)
  expect(terms.terms).toContain("nông");
  expect(terms.terms).not.toContain("nông thôn"); // no phrases from the body
});

test("kept for a file with the same bytes, read again for another; written only when something changed", () => {
  const first = cache({ "posts/a.md": "h1", "posts/b.md": "h2" });
  expect(first.termsOf(a)).toEqual(postTerms(a));
  first.termsOf(b);
  expect(first.read).toBe(2);
  first.save();
  const file = path.join(dir, TERMS_CACHE_FILE);
  const written = statSync(file).mtimeMs;

  const same = cache({ "posts/a.md": "h1", "posts/b.md": "h2" });
  const kept = same.termsOf(a);
  same.termsOf(b);
  expect(same.read).toBe(0);
  expect(kept).toEqual(postTerms(a));
  writeFileSync(file, readFileSync(file)); // a new modification time, to see whether save() writes
  const touched = statSync(file).mtimeMs;
  same.save();
  expect(statSync(file).mtimeMs).toBe(touched);
  expect(touched).toBeGreaterThanOrEqual(written);

  const edited = cache({ "posts/a.md": "h1-edited", "posts/b.md": "h2" });
  const renamed = post("posts/a.md", "Tin khác hẳn");
  expect(edited.termsOf(renamed)).toEqual(postTerms(renamed));
  edited.termsOf(b);
  expect(edited.read).toBe(1);

  // A post gone: the file is written without it.
  const fewer = cache({ "posts/a.md": "h1" });
  fewer.termsOf(a);
  fewer.save();
  const next = cache({ "posts/a.md": "h1", "posts/b.md": "h2" });
  next.termsOf(b);
  expect(next.read).toBe(1);
});

test("nothing kept under --full (fresh), without a hash, or from a damaged file", () => {
  const first = cache({ "posts/a.md": "h1" });
  first.termsOf(a);
  first.save();
  const fresh = cache({ "posts/a.md": "h1" }, true);
  fresh.termsOf(a);
  expect(fresh.read).toBe(1);
  const unhashed = cache({});
  unhashed.termsOf(a);
  expect(unhashed.read).toBe(1);
  const file = path.join(dir, TERMS_CACHE_FILE);
  const bytes = readFileSync(file);
  bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 1;
  writeFileSync(file, bytes);
  const damaged = cache({ "posts/a.md": "h1" });
  damaged.termsOf(a);
  expect(damaged.read).toBe(1);
  expect(existsSync(file)).toBe(true);
});
