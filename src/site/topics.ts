/**
 * Sections (a post's `category`) and tags: one page per section and per tag, paginated, and an
 * index of each. Pure; one pass over the posts, which arrive newest first.
 *
 * Sections come in the order the site declares them (option `sections.categories`), or by name
 * when it declares none. Tags go by name. A section or tag is found by its slug, so "Sông Mã"
 * and "sông mã" are one tag (shown as its most used spelling).
 */
import type { SectionDeclaration } from "../core/options.ts";
import { slugify } from "../core/slug.ts";
import { declaredSection, sectionSlug, topicUrl } from "../core/topics.ts";
import type { Post } from "../content/post.ts";
import { pageUrl } from "./archives.ts";

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

/** One page of a section or tag. */
export interface TopicPage {
  kind: TopicKind;
  topic: Topic;
  posts: Post[];
  url: string;
  /** 0-based. */
  pageNumber: number;
  pageCount: number;
  previousPageUrl: string | undefined;
  nextPageUrl: string | undefined;
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

export function groupTopics(posts: readonly Post[], settings: TopicSettings): Topics {
  const declared = settings.declared.map(declaredSection);
  const sections = new Map<string, Topic>();
  const tags = new Map<string, Topic & { spellings: Map<string, number> }>();
  for (const d of declared) {
    sections.set(d.slug, {
      kind: "section",
      name: d.name,
      label: d.label,
      slug: d.slug,
      url: topicUrl(settings.sectionUrl, d.slug),
      count: 0,
      posts: [],
    });
  }
  for (const post of posts) {
    if (post.category) {
      const slug = sectionSlug(post.category, settings.declared);
      let section = sections.get(slug);
      if (!section) {
        section = {
          kind: "section",
          name: post.category,
          label: post.category,
          slug,
          url: topicUrl(settings.sectionUrl, slug),
          count: 0,
          posts: [],
        };
        sections.set(slug, section);
      }
      section.posts.push(post);
      section.count++;
    }
    for (const name of post.tags) {
      const slug = slugify(name);
      if (!slug) continue;
      let tag = tags.get(slug);
      if (!tag) {
        tag = { kind: "tag", name, label: name, slug, url: topicUrl(settings.tagUrl, slug), count: 0, posts: [], spellings: new Map() };
        tags.set(slug, tag);
      }
      if (tag.posts.at(-1) !== post) {
        tag.posts.push(post);
        tag.count++;
      }
      tag.spellings.set(name, (tag.spellings.get(name) ?? 0) + 1);
    }
  }
  const byName = (a: Topic, b: Topic) => a.name.localeCompare(b.name, settings.locale) || (a.slug < b.slug ? -1 : 1);
  const sectionList = [...sections.values()].filter((s) => s.count > 0);
  if (declared.length === 0) sectionList.sort(byName);
  const tagList = [...tags.values()].map(({ spellings, ...tag }) => {
    // The most used spelling names the tag (ties: the first in the locale's order).
    const name = [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], settings.locale))[0]![0];
    return { ...tag, name, label: name };
  });
  tagList.sort(byName);
  const pages = [
    ...(settings.sectionUrl ? sectionList.flatMap((topic) => topicPages(topic, settings.pageSize)) : []),
    ...(settings.tagUrl ? tagList.flatMap((topic) => topicPages(topic, settings.pageSize)) : []),
  ];
  return { sections: sectionList, tags: tagList, pages };
}

function topicPages(topic: Topic, pageSize: number): TopicPage[] {
  const pageCount = Math.max(1, Math.ceil(topic.posts.length / pageSize));
  return Array.from({ length: pageCount }, (_, n) => ({
    kind: topic.kind,
    topic,
    posts: topic.posts.slice(n * pageSize, (n + 1) * pageSize),
    url: pageUrl(topic.url, n),
    pageNumber: n,
    pageCount,
    previousPageUrl: n > 0 ? pageUrl(topic.url, n - 1) : undefined,
    nextPageUrl: n < pageCount - 1 ? pageUrl(topic.url, n + 1) : undefined,
  }));
}
