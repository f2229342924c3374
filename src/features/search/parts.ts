/**
 * The search index's parts: which posts go into which Pagefind bundle. Pure.
 *
 * An archive of at most `partSize` posts is one index: one standard Pagefind bundle, which
 * Pagefind's own API and UI search unchanged. A bigger archive is split by publication date, so
 * that Pagefind's memory while writing and a rebuild's work grow with a part, not with the archive:
 *   - the newest year is a part of its own (a new post re-indexes that part only), which the search
 *     page searches first — joined by the year before while it has fewer than a tenth of
 *     `partSize` posts, so that early in a year the first results still come from a year of news;
 *   - the older years are grouped, oldest first, into parts of as many whole years as fit within
 *     `partSize` posts;
 *   - a year with more than `partSize` posts alone is split into equal spans of months — halves,
 *     thirds, quarters, two-month spans or single months, the longest spans that keep every span
 *     within `partSize` — never below a month.
 * A post's part depends only on its date and on how many posts the years up to its own have:
 * it changes when its date does, or in one of these documented compactions: the archive first
 * outgrows one index; the newest year reaches a tenth of `partSize` posts (the year before leaves
 * the newest part and joins the older groups); an older year gains posts past its group's room
 * (that group and the later ones are regrouped). Same posts, same parts.
 */
import type { Post } from "../../posts/post.ts";
import { groupBy } from "../../kernel/group-by.ts";

export interface SearchPart {
  /** The part's name and folder: "all" (one index), "2019" (a year), "2016-2018" (whole years), "2019-07" (months from 2019-07 to `last`). */
  key: string;
  /** The first and last month the part covers, "yyyy-MM". */
  first: string;
  last: string;
  /** Its posts, in the order given. */
  posts: Post[];
}

/** The key of the part holding everything when the archive is one index. */
const WHOLE_INDEX = "all";

/** Months per span, longest first: a busy year is split into the fewest equal spans that fit. */
const SPANS = [6, 4, 3, 2, 1] as const;

/** The parts, oldest first; the last one is the newest (the root bundle's, searched first). */
export function planParts(posts: readonly Post[], partSize: number | false): SearchPart[] {
  if (partSize === false || posts.length <= partSize) {
    return [{ key: WHOLE_INDEX, first: "0000-01", last: "9999-12", posts: [...posts] }];
  }
  const years = [...groupBy(posts, (post) => post.year)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const newest = [years.pop()!];
  const young = Math.ceil(partSize / 10);
  if (newest[0]![1].length < young && years.length > 0 && years.at(-1)![1].length + newest[0]![1].length <= partSize) {
    newest.unshift(years.pop()!);
  }
  const parts: SearchPart[] = [];
  let group: [string, Post[]][] = [];
  let grouped = 0;
  const closeGroup = () => {
    if (group.length === 0) return;
    const firstYear = group[0]![0];
    const lastYear = group.at(-1)![0];
    parts.push({
      key: firstYear === lastYear ? firstYear : `${firstYear}-${lastYear}`,
      first: `${firstYear}-01`,
      last: `${lastYear}-12`,
      posts: group.flatMap(([, yearPosts]) => yearPosts),
    });
    group = [];
    grouped = 0;
  };
  for (const [year, yearPosts] of years) {
    if (yearPosts.length > partSize) {
      closeGroup();
      parts.push(...splitYear(year, yearPosts, partSize));
      continue;
    }
    if (grouped + yearPosts.length > partSize) closeGroup();
    group.push([year, yearPosts]);
    grouped += yearPosts.length;
  }
  closeGroup();
  if (newest.length === 1 && newest[0]![1].length > partSize) {
    parts.push(...splitYear(newest[0]![0], newest[0]![1], partSize));
  } else {
    group = newest;
    closeGroup();
  }
  return parts;
}

/** A year of more than `partSize` posts as equal spans of months, each within `partSize` where a month allows. */
function splitYear(year: string, yearPosts: Post[], partSize: number): SearchPart[] {
  const span = SPANS.find((months) => Math.max(...spanCounts(yearPosts, months)) <= partSize) ?? 1;
  const spans = [...groupBy(yearPosts, (post) => spanOf(post, span))].sort(([a], [b]) => a - b);
  return spans.map(([index, spanPosts]) => {
    const first = `${year}-${pad(index * span + 1)}`;
    return { key: first, first, last: `${year}-${pad(index * span + span)}`, posts: spanPosts };
  });
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
