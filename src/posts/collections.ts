/** The published list of posts: which posts are in it, in which order, and their neighbours. Pure functions. */
import { stablePageCount, stablePages } from "../kernel/stable-pages.ts";
import { linkTo, type Post, type PostLink } from "./post.ts";

/** Newest first; posts of the same instant ordered by URL, so the order never depends on file order. */
function comparePosts(a: Post, b: Post): number {
  return b.date.getTime() - a.date.getTime() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

/** Whether a post belongs in the build: drafts and posts dated after `now` only when `includeUnpublished`. */
function isPublished(post: Post, now: Date): boolean {
  return !post.draft && post.date.getTime() <= now.getTime();
}

/**
 * The posts readers see, newest first, each with links to its newer and older neighbour.
 * Returns new objects; the input posts are left as they are.
 */
export function publishedPosts(posts: readonly Post[], options: { now: Date; includeUnpublished: boolean }): Post[] {
  const selected = options.includeUnpublished ? [...posts] : posts.filter((p) => isPublished(p, options.now));
  selected.sort(comparePosts);
  return selected.map((post, i) => ({
    ...post,
    newer: linkOrNone(selected[i - 1]),
    older: linkOrNone(selected[i + 1]),
  }));
}

function linkOrNone(post: Post | undefined): PostLink | undefined {
  return post && linkTo(post);
}

/**
 * One page of the home page's list: `/`, then `/page/2/`, `/page/3/`…, numbered from the oldest
 * posts (kernel/stable-pages.ts): `/page/2/` holds the oldest, and a new post changes `/` only.
 */
export interface HomePage {
  /** 0 for `/`; n for `/page/{n+1}/`. */
  pageNumber: number;
  /** The first page only: how many pages the older links go through (numbered pages carry no total that every post changes). */
  pageCount?: number;
  posts: Post[];
  url: string;
  /** Newer posts (`rel="prev"`) and older ones (`rel="next"`). */
  previousUrl: string | undefined;
  nextUrl: string | undefined;
  /** The page whose posts the first page shows too (there for old links): the first page's URL, for `<link rel="canonical">`. */
  canonicalUrl?: string;
  /** The first page only: the lead story and the section blocks above the list (see features/home/front-page.ts). */
  front?: FrontPage;
}

/** What the front page shows above the latest posts. */
export interface FrontPage {
  /** The newest post marked `featured: true`, else the newest post (undefined when off or without posts). */
  lead: Post | undefined;
  /** A block per section with posts, in menu order: its newest posts, the lead left out. */
  sections: { name: string; label: string; url: string; posts: Post[] }[];
  /** The first page's posts without the lead. */
  latest: Post[];
}

/** The home page's pages (one, empty, when there are no posts), in page-number order. */
export function homePages(posts: readonly Post[], pageSize: number): HomePage[] {
  const url = (n: number) => (n === 0 ? "/" : `/page/${n + 1}/`);
  return stablePages(posts.length, pageSize).map((page) => ({
    pageNumber: page.pageNumber,
    ...(page.pageNumber === 0 && { pageCount: stablePageCount(posts.length, pageSize) }),
    posts: posts.slice(page.start, page.end),
    url: url(page.pageNumber),
    previousUrl: page.newer === undefined ? undefined : url(page.newer),
    nextUrl: page.older === undefined ? undefined : url(page.older),
    ...(page.duplicate && { canonicalUrl: url(0) }),
  }));
}

export type TopicKind = "section" | "tag";

/** A section or a tag that has published posts. */
export interface Topic {
  kind: TopicKind;
  /** As posts write it (`category: Xây dựng Đảng`), or as declared. */
  name: string;
  /** As menus show it (a declared section's `label`, else its name). */
  label: string;
  slug: string;
  url: string;
  count: number;
  /** Newest first. */
  posts: Post[];
}

/** A section or tag as its numbered pages see it: without the totals that change with every post of it. */
export type TopicHead = Omit<Topic, "count" | "posts">;
