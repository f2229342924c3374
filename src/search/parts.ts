/**
 * The search index's parts: the published posts split by publication period, so that Pagefind's
 * memory and a rebuild's work grow with a part, not with the whole archive. Pure.
 *
 * A part is a year. A year with more posts than `partSize` is split into equal spans of months —
 * halves, thirds, quarters, two-month spans or single months, the longest spans that keep every
 * span within `partSize` — and never below a month. A post's part depends only on its date and on
 * how many posts its year has: it changes when its date does, or once, when its year first grows
 * past `partSize`. Same posts, same parts.
 */
import type { Post } from "../content/post.ts";

export interface SearchPart {
  /** The part's name and folder: "2019" (a whole year), or "2019-07" (months from 2019-07 to `last`); "all" for one index. */
  key: string;
  /** The first and last month the part covers, "yyyy-MM". */
  first: string;
  last: string;
  /** Its posts, in the order given. */
  posts: Post[];
}

/** The key of the part holding everything when the index is not split (`partSize: false`). */
export const WHOLE_INDEX = "all";

/** Months per span, longest first: a busy year is split into the fewest equal spans that fit. */
const SPANS = [6, 4, 3, 2, 1] as const;

export function planParts(posts: readonly Post[], partSize: number | false): SearchPart[] {
  if (partSize === false) return [{ key: WHOLE_INDEX, first: "0000-01", last: "9999-12", posts: [...posts] }];
  const years = new Map<string, Post[]>();
  for (const post of posts) {
    const list = years.get(post.year);
    if (list) list.push(post);
    else years.set(post.year, [post]);
  }
  const parts: SearchPart[] = [];
  for (const [year, yearPosts] of years) {
    if (yearPosts.length <= partSize) {
      parts.push({ key: year, first: `${year}-01`, last: `${year}-12`, posts: yearPosts });
      continue;
    }
    const span = SPANS.find((months) => Math.max(...spanCounts(yearPosts, months)) <= partSize) ?? 1;
    const spans = new Map<number, Post[]>();
    for (const post of yearPosts) {
      const index = Math.floor((Number(post.month) - 1) / span);
      const list = spans.get(index);
      if (list) list.push(post);
      else spans.set(index, [post]);
    }
    for (const [index, spanPosts] of spans) {
      const first = `${year}-${pad(index * span + 1)}`;
      parts.push({ key: first, first, last: `${year}-${pad(index * span + span)}`, posts: spanPosts });
    }
  }
  return parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function spanCounts(posts: readonly Post[], months: number): number[] {
  const counts = new Array<number>(Math.ceil(12 / months)).fill(0);
  for (const post of posts) counts[Math.floor((Number(post.month) - 1) / months)]! += 1;
  return counts;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
