/**
 * List pages numbered from the oldest post (#23), so that a new post changes the first page only
 * and old pages keep their posts. Pure.
 *
 * With n posts, page size P and F = ⌊n/P⌋, chunk c (1..F) holds the oldest ranks
 * [(c−1)P, cP), newest first, and is page c (at `…/page/{c+1}/`). The first page (page 0, the
 * base URL) shows the n − FP newest posts and chunk F: P to 2P − 1 posts (all of them when
 * n < P). Readers go from the first page to chunk F − 1, then F − 2… down to chunk 1.
 *
 * Chunk F's own page repeats the first page's older part: only links made before the posts
 * last reached a multiple of P lead there, so it exists (every URL a reader had keeps opening a
 * page) and names the first page as its canonical URL. Its URL, `…/page/{F+1}/`, is the last of
 * the old scheme's ⌈n/P⌉ pages at most, so no URL of the old scheme is lost.
 */

/** One page of a list, as indexes into the newest-first list. */
export interface StablePage {
  /** 0: the first page (the base URL); c ≥ 1: chunk c, at `…/page/{c+1}/`. */
  pageNumber: number;
  /** The page's posts: `posts.slice(start, end)` of the newest-first list. */
  start: number;
  end: number;
  /** The page number of the newer page (`rel="prev"`) and of the older one (`rel="next"`); undefined at either end. */
  newer: number | undefined;
  older: number | undefined;
  /** Chunk F: the first page shows its posts too; its page is there for old links, canonical to the first page. */
  duplicate: boolean;
}

/**
 * Every page of a list of `count` posts (at least one page, empty when there are none), in page
 * number order: `pages[k].pageNumber === k`.
 */
export function stablePages(count: number, pageSize: number): StablePage[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size: expected a whole number from 1, found ${pageSize}`);
  const chunks = Math.floor(count / pageSize);
  // Chunk c ends (in the newest-first list) where the oldest ranks below (c−1)P begin.
  const end = (c: number) => count - (c - 1) * pageSize;
  const first: StablePage = {
    pageNumber: 0,
    start: 0,
    end: chunks === 0 ? count : end(chunks),
    newer: undefined,
    older: chunks >= 2 ? chunks - 1 : undefined,
    duplicate: false,
  };
  const pages = [first];
  for (let c = 1; c <= chunks; c++) {
    pages.push({
      pageNumber: c,
      start: count - c * pageSize,
      end: end(c),
      // The newest chunk but one leads back to the first page, which shows chunk F.
      newer: c + 1 < chunks ? c + 1 : 0,
      older: c >= 2 ? c - 1 : undefined,
      duplicate: c === chunks,
    });
  }
  return pages;
}

/** The number of pages a reader goes through from the first page to the oldest (chunk F's page left out). */
export function stablePageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.floor(count / pageSize));
}
