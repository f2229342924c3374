/**
 * What each page Newsroom paginates shows, as one key per URL (#23): a page whose key is the
 * previous build's, in a build whose global key (build/global-key.ts) is the previous build's too,
 * would be written with the same bytes, so an incremental `newsroom build` reuses it.
 *
 *   chrome:  what every page shows around its content (site metadata, URLs, icons, section menu…),
 *            hashed once per build;
 *   ownKey:  one post as the templates see it (its fields, its picture's renditions named, its
 *            body), hashed once per build;
 *   page:    sha1(kind, url, chrome, what the page lists), through a replacer that turns each post
 *            into its ownKey and the back-references to a whole period's or topic's posts into
 *            their count (no default template lists them: hashing them would tie every page of a
 *            section to every edit in it).
 * Keys are made for every page of every incremental build (160,688 at 100,000 posts): each is one
 * hash of short strings, every post and the chrome hashed once.
 *
 * Pure. Site templates that read more than this (collections, `newsroom.posts`…) are refused by the
 * template scan (build/global-key.ts), which makes the build full.
 */
import { createHash } from "node:crypto";
import type { Post, PostLink } from "../posts/post.ts";
import type { NewsroomData } from "./site-data.ts";

/** The kinds of pages Newsroom paginates (each from its `newsroom.render.*` list), and the canaries. */
export type PageKind = "article" | "home" | "archive" | "topic" | "canary";

export interface PageKeySettings {
  /** What a picture's markup depends on beyond its src (ResponsiveImages.pictureKey); "" without photos. */
  pictureKey: (src: string) => string;
}

/** The key of every page of the full plan, by URL. */
export function pageKeys(data: NewsroomData, settings: PageKeySettings): Map<string, string> {
  const chrome = digest(chromeKey(data));
  const own = ownKeys(settings);
  const replacer = listReplacer(own);
  const keys = new Map<string, string>();
  const { articles, homePages, archivePages, topicPages } = data.render;
  for (const post of articles) {
    const links = JSON.stringify([
      linkFields(post.newer),
      linkFields(post.older),
      post.related.map(linkFields),
      post.sameSection.map(linkFields),
    ]);
    keys.set(post.url, pageKey("article", post.url, chrome, `${own(post)}\n${links}`));
  }
  for (const page of homePages) keys.set(page.url, pageKey("home", page.url, chrome, JSON.stringify(page, replacer)));
  for (const page of archivePages) keys.set(page.url, pageKey("archive", page.url, chrome, JSON.stringify(page, replacer)));
  for (const page of topicPages) keys.set(page.url, pageKey("topic", page.url, chrome, JSON.stringify(page, replacer)));
  return keys;
}

/** The key of a page that shows the chrome alone (404, offline): the canaries of a fingerprint that missed an input. */
export function canaryKey(data: NewsroomData, url: string): string {
  return pageKey("canary", url, digest(chromeKey(data)), "");
}

/** What every page shows around its content. */
function chromeKey(data: NewsroomData): string {
  const { site, urls, icons, themeColor, fonts, lunarDate, sectionFeeds, topics, archives } = data;
  const menu = topics.sections.map((s) => [s.name, s.label, s.url]);
  return JSON.stringify({ site, urls, icons, themeColor, fonts, lunarDate, sectionFeeds, menu, dateSearch: archives.days.length > 0 });
}

/**
 * A link's fields as JSON.stringify takes them fastest (strings and numbers, no Date's toJSON; 100,000 articles link
 * about a million times): the type check fails to compile when PostLink gains a field this leaves out, and a link
 * carrying more at run time is taken whole.
 */
function linkFields(link: PostLink | undefined): [string, string, number] | string | 0 {
  if (!link) return 0;
  const { title, url, date, ...others } = link;
  const none: Record<string, never> = others;
  return Object.keys(none).length === 0 ? [url, title, date.getTime()] : JSON.stringify(link);
}

/** A post's fields as its pages show them, without the lists of other posts (the page keys add the links). */
const OWN_FIELDS_LEFT_OUT = new Set(["newer", "older", "related", "sameSection", "text", "content"]);

/** ownKey(post), memoised per post object (list pages hold the same objects as the articles). */
function ownKeys(settings: PageKeySettings): (post: Post) => string {
  const memo = new WeakMap<Post, string>();
  return (post) => {
    let key = memo.get(post);
    if (key === undefined) {
      const fields = Object.entries(post).filter(([name]) => !OWN_FIELDS_LEFT_OUT.has(name));
      // The fields and the picture's key as JSON (no raw NUL in it), then the body: one hash, no ambiguity.
      key = createHash("sha1")
        .update(JSON.stringify([fields, post.image ? settings.pictureKey(post.image) : ""]))
        .update("\0")
        .update(post.content)
        .digest("hex");
      memo.set(post, key);
    }
    return key;
  };
}

/** JSON.stringify's replacer for list pages: posts as their ownKey, a period's or topic's own `posts` as their count. */
function listReplacer(own: (post: Post) => string): (this: unknown, key: string, value: unknown) => unknown {
  return function (this: unknown, key, value) {
    if (key === "posts" && Array.isArray(value) && isWhole(this)) return value.length;
    if (isPost(value)) return own(value);
    return value;
  };
}

/** A Period (it has `trail` and `count`) or a Topic (`slug`, `count`): their `posts` are the whole period's or topic's. */
function isWhole(holder: unknown): boolean {
  if (typeof holder !== "object" || holder === null || !("count" in holder)) return false;
  return "trail" in holder || "slug" in holder;
}

function isPost(value: unknown): value is Post {
  return typeof value === "object" && value !== null && "inputPath" in value && "content" in value;
}

function pageKey(kind: PageKind, url: string, chrome: string, payload: string): string {
  return createHash("sha1").update(`${kind}\0${url}\0${chrome}\0`).update(payload).digest("hex");
}

function digest(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}
