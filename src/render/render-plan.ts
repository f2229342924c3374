/**
 * Which list pages a build writes. A production build writes them all. The dev server, after an
 * edit that leaves every published post where it was (same URL, same date, same order), writes
 * only the pages that show an edited post: its article and the articles that link it (neighbours,
 * related and same-section lists carry its title), the articles whose related lists the edit
 * changed, the home, year, month, day, section and tag pages that list it. Everything else on disk is already
 * right. Any other change (a post added, removed, re-dated or published; a template, data or
 * config file) writes everything, and the pages the last build wrote that this one does not (a
 * removed post's article, a period, section or tag left empty) are named, to be deleted. Pure.
 */
import type { ArchivePage } from "../features/archives/archives.ts";
import type { TopicPage } from "../features/topics/topics.ts";
import { frontPosts } from "../features/home/front-page.ts";
import type { HomePage } from "../posts/collections.ts";
import type { Post } from "../posts/post.ts";

export interface RenderPlan {
  /** Whether everything is written. */
  full: boolean;
  articles: Post[];
  homePages: HomePage[];
  archivePages: ArchivePage[];
  topicPages: TopicPage[];
  /** How many of these pages an incremental `newsroom build` took from its page store instead (build/page-store.ts). */
  reused: number;
}

/** What a build saw, kept to compare the next build with. */
export interface BuildSnapshot {
  /** The posts as read (unchanged files give back the same objects), by input path. */
  read: ReadonlyMap<string, Post>;
  /** The published posts' order, as "url date" keys. */
  order: readonly string[];
  /** Each published post's related and same-section lists, as URLs, by post URL. */
  lists: ReadonlyMap<string, string>;
  /** Each published post's section and tag names, by input path (another post's edit can rename them: topics.ts). */
  names: ReadonlyMap<string, string>;
}

export function snapshot(read: readonly Post[], published: readonly Post[]): BuildSnapshot {
  return {
    read: new Map(read.map((p) => [p.inputPath, p])),
    order: published.map(orderKey),
    lists: new Map(published.map((p) => [p.url, listsKey(p)])),
    names: new Map(published.map((p) => [p.inputPath, JSON.stringify([p.category, p.tags])])),
  };
}

function listsKey(post: Post): string {
  return [...post.related, ...post.sameSection].map((link) => link.url).join(" ");
}

/**
 * The posts edited in place since `previous` (by input path), or undefined when the published
 * list itself changed and everything must be written.
 */
export function editedInPlace(previous: BuildSnapshot, now: BuildSnapshot): Set<string> | undefined {
  if (previous.order.length !== now.order.length || previous.order.some((key, i) => key !== now.order[i])) return undefined;
  if (previous.read.size !== now.read.size) return undefined;
  const edited = new Set<string>();
  for (const [file, post] of now.read) {
    const before = previous.read.get(file);
    if (!before) return undefined;
    if (before !== post) edited.add(file);
  }
  // A post that reads the same but whose section or tag is now named otherwise is shown anew.
  for (const [file, names] of now.names) if (previous.names.get(file) !== names) edited.add(file);
  return edited;
}

/** The URLs of the pages a full plan writes: articles, home, archive, section and tag pages. */
export function pageUrls(plan: RenderPlan): Set<string> {
  return new Set([plan.articles, plan.homePages, plan.archivePages, plan.topicPages].flatMap((pages) => pages.map((page) => page.url)));
}

export function fullPlan(posts: Post[], homes: HomePage[], archivePages: ArchivePage[], topicPages: TopicPage[] = []): RenderPlan {
  return { full: true, articles: posts, homePages: homes, archivePages, topicPages, reused: 0 };
}

/** The pages that show one of the `edited` posts (by input path), and the articles listed in `alsoArticles` (URLs). */
export function partialPlan(
  edited: ReadonlySet<string>,
  posts: readonly Post[],
  homes: readonly HomePage[],
  archivePages: readonly ArchivePage[],
  topicPages: readonly TopicPage[] = [],
  alsoArticles: ReadonlySet<string> = new Set(),
): RenderPlan {
  const shows = (list: readonly Post[]) => list.some((p) => edited.has(p.inputPath));
  const editedUrls = new Set(posts.filter((p) => edited.has(p.inputPath)).map((p) => p.url));
  const links = (post: Post) => [post.newer, post.older, ...post.related, ...post.sameSection];
  const urls = new Set<string>([...editedUrls, ...alsoArticles]);
  for (const post of posts) {
    if (links(post).some((link) => link && editedUrls.has(link.url))) urls.add(post.url);
  }
  return {
    full: false,
    articles: posts.filter((p) => urls.has(p.url)),
    homePages: homes.filter((h) => shows(h.posts) || shows(frontPosts(h.front))),
    archivePages: archivePages.filter((a) => shows(a.posts)),
    topicPages: topicPages.filter((t) => shows(t.posts)),
    reused: 0,
  };
}

function orderKey(post: Post): string {
  return `${post.url} ${post.date.toISOString()} ${post.draft}`;
}

/**
 * Remembers what the last finished build wrote, and plans the next one: a dev-server rebuild
 * after edits in place gets a partial plan, every other build the full one.
 */
export class RenderPlanner {
  #changed: string[] | undefined;
  #last: BuildSnapshot | undefined;
  #current: BuildSnapshot | undefined;
  /** The URLs of the pages of the last finished build, and of this one. */
  #lastPages: Set<string> | undefined;
  #currentPages: Set<string> | undefined;

  /** Files the watcher saw change since the last build (from Eleventy's `eleventy.beforeWatch`). */
  filesChanged(files: readonly string[]): void {
    this.#changed = [...(this.#changed ?? []), ...files];
  }

  /** The plan for this build, from the posts as read and as published; `everything` is the full plan. */
  plan(read: readonly Post[], published: readonly Post[], everything: RenderPlan, devServer: boolean): RenderPlan {
    const now = snapshot(read, published);
    const changed = this.#changed;
    this.#current = now;
    this.#currentPages = pageUrls(everything);
    this.#changed = undefined;
    if (!devServer || !this.#last || !changed || !changed.every((file) => isPostFile(file, now.read))) return everything;
    const edited = editedInPlace(this.#last, now);
    if (!edited || edited.size === 0) return everything;
    const last = this.#last;
    const listsChanged = new Set([...now.lists].filter(([url, key]) => last.lists.get(url) !== key).map(([url]) => url));
    return partialPlan(edited, everything.articles, everything.homePages, everything.archivePages, everything.topicPages, listsChanged);
  }

  /**
   * The build finished: its pages are on disk, and the next plan compares with it. Returns the
   * URLs of the pages the previous finished build had and this one has not: their files are stale.
   */
  finished(): string[] {
    const [last, current] = [this.#lastPages, this.#currentPages];
    const gone = last && current ? [...last].filter((url) => !current.has(url)) : [];
    this.#last = this.#current;
    this.#lastPages = this.#currentPages;
    return gone;
  }
}

/**
 * Whether a path from Eleventy's watcher is one of the posts (by their paths from the project
 * root). The watcher's paths are relative to a folder of its choosing: compare by suffix.
 */
export function isPostFile(file: string, posts: ReadonlyMap<string, unknown>): boolean {
  const parts = file.split(/[\\/]+/).filter((part) => part !== "" && part !== ".");
  return parts.some((_, i) => posts.has(parts.slice(i).join("/")));
}
