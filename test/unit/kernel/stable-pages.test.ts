/** #23 §3a: list pages numbered from the oldest (src/kernel/stable-pages.ts). */
import { expect, test } from "vitest";
import { type StablePage, stablePageCount, stablePages } from "../../../src/kernel/stable-pages.ts";

/** Every (count, pageSize) worth checking: empty, under one page, on and around multiples. */
const CASES = Array.from({ length: 6 }, (_, s) => s + 1).flatMap((pageSize) =>
  Array.from({ length: 5 * pageSize + 2 }, (_, count) => [count, pageSize] as const),
);

/** Runs `check` on every case; a failure names the case. */
function forEachCase(check: (count: number, pageSize: number, pages: StablePage[], chunks: number) => void): void {
  for (const [count, pageSize] of CASES) {
    try {
      check(count, pageSize, stablePages(count, pageSize), Math.floor(count / pageSize));
    } catch (error) {
      throw new Error(`${count} posts, ${pageSize} a page: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** The posts of a page by oldest rank (0 = the oldest post), newest first as the page lists them. */
const ranks = (page: StablePage, count: number) => Array.from({ length: page.end - page.start }, (_, i) => count - 1 - (page.start + i));

test("23 posts by 10: the first page holds the 3 newest and the chunk of ranks 10–19; page 2 the 10 oldest", () => {
  expect(stablePages(23, 10)).toEqual([
    { pageNumber: 0, start: 0, end: 13, newer: undefined, older: 1, duplicate: false },
    { pageNumber: 1, start: 13, end: 23, newer: 0, older: undefined, duplicate: false },
    { pageNumber: 2, start: 3, end: 13, newer: 0, older: 1, duplicate: true },
  ]);
  expect(stablePageCount(23, 10)).toBe(2);
});

test("fewer posts than a page: one page, no chunk; none: one empty page", () => {
  expect(stablePages(4, 10)).toEqual([{ pageNumber: 0, start: 0, end: 4, newer: undefined, older: undefined, duplicate: false }]);
  expect(stablePages(0, 10)).toEqual([{ pageNumber: 0, start: 0, end: 0, newer: undefined, older: undefined, duplicate: false }]);
  expect(stablePageCount(0, 10)).toBe(1);
});

test("a page size that is not a whole number from 1 is refused", () => {
  expect(() => stablePages(5, 0)).toThrow(/page size/);
  expect(() => stablePages(5, 1.5)).toThrow(/page size/);
});

test("pages come in page-number order, the first page and one per chunk", () => {
  forEachCase((count, pageSize, pages, chunks) => {
    expect(pages.map((p) => p.pageNumber)).toEqual(Array.from({ length: chunks + 1 }, (_, i) => i));
  });
});

test("the pages a reader goes through hold every post once, newest first; chunk F's page repeats the first page's older part", () => {
  forEachCase((count, pageSize, pages, chunks) => {
    const read = pages.filter((p) => !p.duplicate);
    expect(read.flatMap((p) => ranks(p, count)).sort((a, b) => b - a)).toEqual(Array.from({ length: count }, (_, i) => count - 1 - i));
    expect(pages.filter((p) => p.duplicate).map((p) => p.pageNumber)).toEqual(chunks > 0 ? [chunks] : []);
    if (chunks > 0) expect(ranks(pages[0]!, count).slice(-pageSize)).toEqual(ranks(pages[chunks]!, count));
  });
});

test("chunk c holds the oldest ranks [(c−1)P, cP); the first page P to 2P−1 posts (all, under P)", () => {
  forEachCase((count, pageSize, pages) => {
    for (const page of pages.slice(1)) {
      expect(ranks(page, count)).toEqual(Array.from({ length: pageSize }, (_, i) => page.pageNumber * pageSize - 1 - i));
    }
    const first = pages[0]!.end - pages[0]!.start;
    if (count < pageSize) expect(first).toBe(count);
    else expect(first >= pageSize && first <= 2 * pageSize - 1).toBe(true);
  });
});

test("older links go from the first page down to chunk 1, newer links back; chunk F's page leads to both", () => {
  forEachCase((count, pageSize, pages, chunks) => {
    const chain: number[] = [];
    for (let page: StablePage | undefined = pages[0]; page; page = page.older === undefined ? undefined : pages[page.older]) {
      chain.push(page.pageNumber);
    }
    expect(chain).toEqual([0, ...Array.from({ length: Math.max(0, chunks - 1) }, (_, i) => chunks - 1 - i)]);
    for (const page of pages) {
      if (page.older !== undefined && !page.duplicate) expect(pages[page.older]!.newer).toBe(page.pageNumber);
    }
    if (chunks > 0) expect([pages[chunks]!.newer, pages[chunks]!.older]).toEqual([0, pages[0]!.older]);
    expect(stablePageCount(count, pageSize)).toBe(chain.length);
  });
});

test("every URL of the old newest-first numbering (pages 0 to ⌈n/P⌉−1) is still a page", () => {
  forEachCase((count, pageSize, pages) => {
    const old = Math.max(1, Math.ceil(count / pageSize));
    expect(pages.length).toBeGreaterThanOrEqual(old);
  });
});

test("one more post changes the first page only, and adds chunk F+1 on reaching a multiple of P", () => {
  forEachCase((count, pageSize, pages, chunks) => {
    const next = stablePages(count + 1, pageSize);
    for (const page of pages.slice(1)) {
      expect(ranks(next[page.pageNumber]!, count + 1)).toEqual(ranks(page, count));
      // Links change only around the chunk that stops being the duplicate.
      if (page.pageNumber < chunks - 1) expect(next[page.pageNumber]).toMatchObject({ newer: page.newer, older: page.older });
    }
    expect(next.length - pages.length).toBe((count + 1) % pageSize === 0 ? 1 : 0);
  });
});
