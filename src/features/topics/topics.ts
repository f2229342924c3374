/**
 * Sections (a post's `category`) and tags: one page per section and per tag, paginated, and an
 * index of each. Pure; one pass over the posts, which arrive newest first.
 *
 * Sections come in the order the site declares them (option `sections.categories`), or by name
 * when it declares none. Tags go by name. A section or tag is found by its slug, so "Sông Mã"
 * and "sông mã" are one tag, and one rule names it (`topicNames`): a declared section's declared
 * name, else the spelling most posts use, ties going to the spelling used first (by the oldest
 * post). `withTopicNames` gives every post that name, so that pages, feeds and the search
 * index's filters all say the same.
 */
import type { SectionDeclaration } from "../../options/index.ts";
import { slugify } from "../../kernel/slug.ts";
import { declaredSection, sectionSlug, topicUrl } from "../../kernel/topics.ts";
import type { Topic, TopicHead, TopicKind } from "../../posts/collections.ts";
import type { Post } from "../../posts/post.ts";
import { pageUrl } from "../../kernel/urls.ts";
import { stablePageCount, stablePages } from "../../kernel/stable-pages.ts";

export type { Topic, TopicHead, TopicKind } from "../../posts/collections.ts";

/** One page of a section or tag, numbered from the oldest posts like the home page's (kernel/stable-pages.ts). */
export interface TopicPage {
  kind: TopicKind;
  /** The whole topic on the first page; on numbered pages without `count` and `posts`, which every new post of it changes. */
  topic: Topic | TopicHead;
  posts: Post[];
  url: string;
  /** 0 for the topic's URL; n for `…/page/{n+1}/`. */
  pageNumber: number;
  /** The first page only: how many pages the older links go through. */
  pageCount?: number;
  previousPageUrl: string | undefined;
  nextPageUrl: string | undefined;
  /** The page whose posts the first page shows too (there for old links): the first page's URL, for `<link rel="canonical">`. */
  canonicalUrl?: string;
}

export interface Topics {
  /** Sections with posts: declared order, else by name. */
  sections: Topic[];
  /** Tags with posts, by name. */
  tags: Topic[];
  /** Every page of every section and tag (what Eleventy paginates over). */
  pages: TopicPage[];
}

export interface TopicSettings {
  /** URL patterns with `{slug}`, or "" when that kind of page is off. */
  sectionUrl: string;
  tagUrl: string;
  pageSize: number;
  /** The declared sections, in menu order (empty: any category, by name). */
  declared: readonly SectionDeclaration[];
  locale: string;
}

/** The name of each section and tag, by slug (see the rule above). */
export interface TopicNames {
  sections: ReadonlyMap<string, string>;
  tags: ReadonlyMap<string, string>;
}

/** Names every section and tag of `posts` (newest first): declared name, else most used spelling, else the oldest post's. */
export function topicNames(posts: readonly Post[], declared: readonly SectionDeclaration[]): TopicNames {
  // Spellings by slug, each with the number of posts writing it; a Map keeps the order of first
  // use, and the posts are read oldest first, so that a tie keeps the earliest spelling.
  const sections = new Map<string, Map<string, number>>();
  const tags = new Map<string, Map<string, number>>();
  const count = (bySlug: Map<string, Map<string, number>>, slug: string, spelling: string) => {
    let spellings = bySlug.get(slug);
    if (!spellings) bySlug.set(slug, (spellings = new Map()));
    spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
  };
  for (let i = posts.length - 1; i >= 0; i--) {
    const post = posts[i]!;
    if (post.category) count(sections, sectionSlug(post.category, declared), post.category);
    for (const tag of post.tags) count(tags, slugify(tag), tag); // a post's tags are distinct spellings
  }
  const mostUsed = (bySlug: Map<string, Map<string, number>>) =>
    new Map(
      [...bySlug].map(([slug, spellings]) => {
        let best: [string, number] = ["", 0];
        for (const entry of spellings) if (entry[1] > best[1]) best = entry;
        return [slug, best[0]];
      }),
    );
  const sectionNames = mostUsed(sections);
  for (const d of declared.map(declaredSection)) sectionNames.set(d.slug, d.name);
  return { sections: sectionNames, tags: mostUsed(tags) };
}

/**
 * The posts with their sections and tags under one name each (`topicNames`): `category`,
 * `tags` (one per tag, where a post wrote two spellings) and `tagLinks`. A post whose names are
 * already those is passed as it is; the others are new objects.
 */
export function withTopicNames(posts: readonly Post[], declared: readonly SectionDeclaration[]): Post[] {
  const names = topicNames(posts, declared);
  const named = (post: Post) =>
    (!post.category || names.sections.get(sectionSlug(post.category, declared)) === post.category) &&
    post.tags.every((tag) => names.tags.get(slugify(tag)) === tag);
  return posts.map((post) => {
    if (named(post)) return post;
    const category = post.category && (names.sections.get(sectionSlug(post.category, declared)) ?? post.category);
    const links = new Map<string, { name: string; url: string }>();
    post.tags.forEach((tag, i) => {
      const slug = slugify(tag);
      if (!links.has(slug)) links.set(slug, { name: names.tags.get(slug) ?? tag, url: post.tagLinks[i]?.url ?? "" });
    });
    const tagLinks = [...links.values()];
    return { ...post, category, tags: tagLinks.map((l) => l.name), tagLinks };
  });
}

export function groupTopics(posts: readonly Post[], settings: TopicSettings): Topics {
  const declared = settings.declared.map(declaredSection);
  const names = topicNames(posts, settings.declared);
  const sections = new Map<string, Topic>();
  const tags = new Map<string, Topic>();
  const topic = (kind: TopicKind, slug: string, name: string, label = name): Topic => ({
    kind,
    name,
    label,
    slug,
    url: topicUrl(kind === "section" ? settings.sectionUrl : settings.tagUrl, slug),
    count: 0,
    posts: [],
  });
  for (const d of declared) sections.set(d.slug, topic("section", d.slug, d.name, d.label));
  for (const post of posts) {
    if (post.category) {
      const slug = sectionSlug(post.category, settings.declared);
      let section = sections.get(slug);
      if (!section) sections.set(slug, (section = topic("section", slug, names.sections.get(slug)!)));
      section.posts.push(post);
      section.count++;
    }
    for (const name of post.tags) {
      const slug = slugify(name);
      if (!slug) continue; // refused when posts are read (post.ts); not a page at "/tag//"
      let tag = tags.get(slug);
      if (!tag) tags.set(slug, (tag = topic("tag", slug, names.tags.get(slug)!)));
      if (tag.posts.at(-1) !== post) {
        tag.posts.push(post);
        tag.count++;
      }
    }
  }
  const byName = (a: Topic, b: Topic) => a.name.localeCompare(b.name, settings.locale) || (a.slug < b.slug ? -1 : 1);
  const sectionList = [...sections.values()].filter((s) => s.count > 0);
  if (declared.length === 0) sectionList.sort(byName);
  const tagList = [...tags.values()].sort(byName);
  const pages = [
    ...(settings.sectionUrl ? sectionList.flatMap((topic) => topicPages(topic, settings.pageSize)) : []),
    ...(settings.tagUrl ? tagList.flatMap((topic) => topicPages(topic, settings.pageSize)) : []),
  ];
  return { sections: sectionList, tags: tagList, pages };
}

function topicPages(topic: Topic, pageSize: number): TopicPage[] {
  const { count: _count, posts: _posts, ...head } = topic;
  return stablePages(topic.posts.length, pageSize).map((page) => ({
    kind: topic.kind,
    topic: page.pageNumber === 0 ? topic : head,
    posts: topic.posts.slice(page.start, page.end),
    url: pageUrl(topic.url, page.pageNumber),
    pageNumber: page.pageNumber,
    ...(page.pageNumber === 0 && { pageCount: stablePageCount(topic.posts.length, pageSize) }),
    previousPageUrl: page.newer === undefined ? undefined : pageUrl(topic.url, page.newer),
    nextPageUrl: page.older === undefined ? undefined : pageUrl(topic.url, page.older),
    ...(page.duplicate && { canonicalUrl: topic.url }),
  }));
}
