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
import { groupBy } from "../core/group-by.ts";

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
  const years = groupBy(posts, (post) => post.year);
  const parts: SearchPart[] = [];
  for (const [year, yearPosts] of years) {
    if (yearPosts.length <= partSize) {
      parts.push({ key: year, first: `${year}-01`, last: `${year}-12`, posts: yearPosts });
      continue;
    }
    const span = SPANS.find((months) => Math.max(...spanCounts(yearPosts, months)) <= partSize) ?? 1;
    const spans = groupBy(yearPosts, (post) => spanOf(post, span));
    for (const [index, spanPosts] of spans) {
      const first = `${year}-${pad(index * span + 1)}`;
      parts.push({ key: first, first, last: `${year}-${pad(index * span + span)}`, posts: spanPosts });
    }
  }
  return parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function spanCounts(posts: readonly Post[], months: number): number[] {
  const counts = new Array<number>(Math.ceil(12 / months)).fill(0);
  for (const post of posts) counts[spanOf(post, months)]! += 1;
  return counts;
}

/** Which span of `months` months a post's month falls in (0 = the first of the year). */
function spanOf(post: Post, months: number): number {
  return Math.floor((Number(post.month) - 1) / months);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
