/** The published list of posts: which posts are in it, in which order, and their neighbours. Pure functions. */
import type { Post, PostLink } from "./post.ts";

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
    newer: linkTo(selected[i - 1]),
    older: linkTo(selected[i + 1]),
  }));
}

function linkTo(post: Post | undefined): PostLink | undefined {
  return post && { title: post.title, url: post.url, date: post.date };
}

/** One page of the home page's list: `/`, then `/page/2/`, `/page/3/`… */
export interface HomePage {
  /** 0-based. */
  pageNumber: number;
  pageCount: number;
  posts: Post[];
  url: string;
  /** Newer posts (`rel="prev"`) and older ones (`rel="next"`). */
  previousUrl: string | undefined;
  nextUrl: string | undefined;
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

/** The home page's pages (one, empty, when there are no posts). */
export function homePages(posts: readonly Post[], pageSize: number): HomePage[] {
  const pageCount = Math.max(1, Math.ceil(posts.length / pageSize));
  const url = (n: number) => (n === 0 ? "/" : `/page/${n + 1}/`);
  return Array.from({ length: pageCount }, (_, n) => ({
    pageNumber: n,
    pageCount,
    posts: posts.slice(n * pageSize, (n + 1) * pageSize),
    url: url(n),
    previousUrl: n > 0 ? url(n - 1) : undefined,
    nextUrl: n < pageCount - 1 ? url(n + 1) : undefined,
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
