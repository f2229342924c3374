/**
 * Two pages on one URL. Eleventy stops such a build with "Output conflict", naming two virtual
 * templates (archives.njk, topics.njk) and neither the post nor the option that put them there.
 * Before anything is rendered, every URL the plugin plans to write — articles, home, archive,
 * section and tag pages with their `/page/n/` pages, indexes, search, feeds, 404, site files —
 * is checked once, and every conflict is reported with what made each page: a post (its file and
 * field) or an option (its name and value). Pure, apart from the error it throws.
 *
 * Three kinds of conflict: two pages on one output file (`/2019/` as the year archive and the
 * section "2019" under `sections.url: "/{slug}/"`); a page written as a file where others need a
 * folder (`feeds.atom: "/2019"` beside `/2019/`); a page inside the search index's folder, which
 * every build replaces whole.
 */
import { NewsroomError } from "../kernel/errors.ts";
import type { NewsroomOptions } from "../options/index.ts";
import { BUNDLE_DIR, FONT_FILES, FONT_STYLESHEET_URL, FONT_URL, pageFileName } from "../kernel/paths.ts";
import { slugify } from "../kernel/slug.ts";
import { type Post, shortenSlug } from "../posts/post.ts";
import type { ArchivePage } from "../features/archives/archives.ts";
import { SECTION_FEEDS } from "../features/feeds/feeds.ts";
import type { NewsroomData } from "./site-data.ts";
import { DEFAULT_ICON_URL, MANIFEST_URL } from "../features/site-files/site-files.ts";
import { STATIC_ASSETS } from "./templates.ts";
import { ARCHIVE_ASSETS } from "../features/archives/register.ts";
import { OFFLINE_ASSETS } from "../features/offline/register.ts";
import { SEARCH_ASSETS } from "../features/search/register.ts";
import type { Topic, TopicPage } from "../features/topics/topics.ts";

/** What makes a page, for messages: a post's field, or an option. */
export interface PageSource {
  /** "the year archive 2019", "page 2 of the section \"Thời sự\"", "the article". */
  what: string;
  /** The posts whose front matter puts the page at its URL (a section's or tag's: every post of it). */
  posts: { file: string; field: string; value: string }[];
  /** The options whose values put it there. */
  options: { name: string; value: string }[];
}

/** A page (or a file) the build writes, by URL without the path prefix; its source is only worked out for a conflict. */
export interface PlannedPage {
  url: string;
  source: () => PageSource;
  /** A folder the build replaces whole (the search index): no page may lie inside it. */
  folder?: boolean;
}

export interface UrlCollision {
  /** "same": one output file for every page; "folder": the first page is a file where the others need a folder; "inside": the others lie in the first one's folder. */
  kind: "same" | "folder" | "inside";
  /** The URL of the first page (the shared URL, the file, or the folder). */
  url: string;
  pages: PageSource[];
}

/** Every page and file the plugin writes in this build, from the site's data (what templates will render). */
export function plannedPages(options: NewsroomOptions, data: NewsroomData): PlannedPage[] {
  const pages: PlannedPage[] = [];
  const fixed = (url: string, what: string, option?: string, value = url) =>
    pages.push({ url, source: () => ({ what, posts: [], options: option ? [{ name: option, value }] : [] }) });

  for (const post of data.posts) pages.push({ url: post.url, source: () => articleSource(post, options.permalink) });
  for (const home of data.homePages) {
    const what = home.pageNumber === 0 ? "the home page" : `page ${home.pageNumber + 1} of the home page`;
    pages.push({ url: home.url, source: () => ({ what, posts: [], options: [] }) });
  }
  for (const page of data.archives.pages) pages.push({ url: page.url, source: () => archiveSource(page, options) });
  // Numbered pages carry a topic without its posts (features/topics/topics.ts): the whole topic, by kind and slug.
  const topics = new Map([...data.topics.sections, ...data.topics.tags].map((topic) => [`${topic.kind} ${topic.slug}`, topic]));
  for (const page of data.topics.pages) {
    pages.push({ url: page.url, source: () => topicSource(page, topics.get(`${page.kind} ${page.topic.slug}`)!, options) });
  }
  fixed(options.archives.index, "the archive index", "archives.index");
  fixed(data.urls.dayIndex, "the date widget's list of days", "archives.index", options.archives.index);
  if (data.urls.sectionIndex) fixed(data.urls.sectionIndex, "the index of sections", "sections.index");
  if (data.urls.tagIndex) fixed(data.urls.tagIndex, "the index of tags", "tags.index");
  if (data.urls.search) {
    fixed(data.urls.search, "the search page", "search.page");
    pages.push({
      url: `/${BUNDLE_DIR}/`,
      folder: true,
      source: () => ({ what: "the search index's folder", posts: [], options: [{ name: "search.enabled", value: "true" }] }),
    });
  }
  if (options.offline.enabled) fixed(options.offline.page, "the offline page", "offline.page");
  if (data.urls.serviceWorker) fixed(data.urls.serviceWorker, "the service worker", "offline.enabled", "true");
  if (options.notFoundPage) fixed(options.notFoundPage, "the 404 page", "notFoundPage");
  if (data.urls.atom) {
    fixed(options.feeds.atom, "the Atom feed", "feeds.atom");
    fixed(options.feeds.json, "the JSON feed", "feeds.json");
    fixed(options.feeds.sitemap, "the sitemap", "feeds.sitemap");
  }
  if (data.sectionFeeds) {
    for (const section of data.topics.sections) {
      for (const [kind, file] of [
        ["Atom", SECTION_FEEDS.atom],
        ["JSON", SECTION_FEEDS.json],
      ] as const) {
        pages.push({ url: `${section.url}${file}`, source: () => topicFeedSource(section, kind, options) });
      }
    }
  }
  if (options.robots) fixed("/robots.txt", "robots.txt", "robots", "true");
  if (data.urls.manifest) {
    fixed(MANIFEST_URL, "the web app manifest", "manifest.enabled", "true");
    if (options.manifest.icons.length === 0) fixed(DEFAULT_ICON_URL, "the site's default icon", "manifest.icons", "[]");
  }
  if (options.font) {
    fixed(FONT_STYLESHEET_URL, "the font's stylesheet", "font", "true");
    for (const file of [...FONT_FILES, "OFL.txt"]) fixed(`${FONT_URL}${file}`, "a font file", "font", "true");
  }
  const assets = {
    ...STATIC_ASSETS,
    ...ARCHIVE_ASSETS,
    ...(options.search.enabled ? SEARCH_ASSETS : {}),
    ...(options.offline.enabled ? OFFLINE_ASSETS : {}),
  };
  for (const url of Object.keys(assets)) fixed(url, "one of the plugin's files");
  if (options.cms.enabled) {
    for (const file of ["index.html", "config.yml", "admin.js"])
      fixed(`${options.cms.path}${file}`, "the web editor", "cms.path", options.cms.path);
  }
  return pages;
}

function articleSource(post: Post, permalink: string): PageSource {
  // A slug the title would not give was written in the front matter.
  const written = post.slug !== shortenSlug(slugify(post.title));
  return {
    what: "the article",
    posts: [
      written ? { file: post.inputPath, field: "slug", value: post.slug } : { file: post.inputPath, field: "title", value: post.title },
    ],
    options: [{ name: "permalink", value: permalink }],
  };
}

function archiveSource(page: ArchivePage, options: NewsroomOptions): PageSource {
  const archive = `the ${page.level} archive ${page.period.key}`;
  return {
    what: page.pageNumber === 0 ? archive : `page ${page.pageNumber + 1} of ${archive}`,
    posts: [],
    options: [{ name: `archives.${page.level}`, value: options.archives[page.level] }],
  };
}

function topicSource(page: TopicPage, whole: Topic, options: NewsroomOptions): PageSource {
  const topic = `the ${page.kind} ${JSON.stringify(page.topic.name)}`;
  return { ...topicPosts(whole, options), what: page.pageNumber === 0 ? topic : `page ${page.pageNumber + 1} of ${topic}` };
}

function topicFeedSource(section: Topic, kind: "Atom" | "JSON", options: NewsroomOptions): PageSource {
  const { posts, options: named } = topicPosts(section, options);
  return {
    what: `the ${kind} feed of the section ${JSON.stringify(section.name)}`,
    posts,
    options: [...named, { name: "sections.feeds", value: "true" }],
  };
}

/** The posts and options that make a section's or tag's URL. */
function topicPosts(topic: Topic, options: NewsroomOptions): Pick<PageSource, "posts" | "options"> {
  const section = topic.kind === "section";
  return {
    posts: topic.posts.map((post) => ({ file: post.inputPath, field: section ? "category" : "tags", value: topic.name })),
    options: [{ name: section ? "sections.url" : "tags.url", value: section ? options.sections.url : options.tags.url }],
  };
}

/** Every conflict among the planned pages, by URL. */
export function findPageCollisions(pages: readonly PlannedPage[]): UrlCollision[] {
  const byFile = new Map<string, PlannedPage[]>();
  const folders: PlannedPage[] = [];
  for (const page of pages) {
    if (page.folder) {
      folders.push(page);
      continue;
    }
    push(byFile, pageFileName(page.url), page);
  }
  const collisions: UrlCollision[] = [];
  const add = (kind: UrlCollision["kind"], first: readonly PlannedPage[], others: readonly PlannedPage[]) =>
    collisions.push({ kind, url: first[0]!.url, pages: [...first, ...others].map((p) => p.source()) });

  // Pages inside a file's name as a folder, and pages inside a folder the build replaces.
  const inside = new Map<string, PlannedPage[]>();
  const folderNames = new Map(folders.map((f) => [pageFileName(f.url).replace(/\/index\.html$/, ""), f]));
  const insideFolder = new Map<PlannedPage, PlannedPage[]>();
  for (const [file, list] of byFile) {
    if (list.length > 1) add("same", list, []);
    // Each folder the file lies in ("2019", "2019/10"…), and the file itself as a folder name.
    for (let end = file.indexOf("/"); ; end = file.indexOf("/", end + 1)) {
      const ancestor = end === -1 ? file : file.slice(0, end);
      const folder = folderNames.get(ancestor);
      if (folder) {
        push(insideFolder, folder, list[0]!);
        break;
      }
      if (end === -1) break;
      if (byFile.has(ancestor)) push(inside, ancestor, list[0]!);
    }
  }
  for (const [file, held] of inside) add("folder", byFile.get(file)!, held);
  for (const [folder, held] of insideFolder) add("inside", [folder], held);
  return collisions.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Stops the build when two planned pages share a URL, naming every conflict and what made each page. */
export function checkPageUrls(options: NewsroomOptions, data: NewsroomData): void {
  const collisions = findPageCollisions(plannedPages(options, data));
  if (collisions.length > 0) throw new UrlCollisionError(collisions);
}

/** Posts listed by name for a section or tag, and pages for a conflict; the rest are counted. */
const POSTS_NAMED = 3;
const PAGES_NAMED = 5;

/** What made a page, in words: `the section "2019" (category "2019" of posts/a.md, posts/b.md; option sections.url "/{slug}/")`. */
export function describeSource(source: PageSource): string {
  const reasons: string[] = [];
  const [first] = source.posts;
  if (first && source.posts.length > 1 && source.posts.every((p) => p.field === first.field && p.value === first.value)) {
    const files = source.posts.slice(0, POSTS_NAMED).map((p) => p.file);
    const more = source.posts.length - files.length;
    reasons.push(
      `${first.field} ${JSON.stringify(first.value)} of ${files.join(", ")}${more > 0 ? ` and ${more} more post${more > 1 ? "s" : ""}` : ""}`,
    );
  } else {
    for (const post of source.posts) reasons.push(`${post.file}: ${post.field} ${JSON.stringify(post.value)}`);
  }
  for (const option of source.options) reasons.push(`option ${option.name} ${JSON.stringify(option.value)}`);
  return reasons.length > 0 ? `${source.what} (${reasons.join("; ")})` : source.what;
}

function describeCollision(collision: UrlCollision): string {
  const [first, ...others] = collision.pages.map(describeSource);
  const list = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? ""));
  const held = (items: string[]) =>
    items.length > PAGES_NAMED ? `${items.slice(0, PAGES_NAMED).join(", ")} and ${items.length - PAGES_NAMED} more pages` : list(items);
  if (collision.kind === "same") return `${collision.url}: ${held([first!, ...others])}`;
  if (collision.kind === "folder")
    return `${collision.url}: ${first} is a file, where ${held(others)} need${others.length > 1 ? "" : "s"} a folder of that name`;
  return `${collision.url}: ${first}, which every build replaces, would hold ${held(others)}`;
}

/** Pages that would overwrite one another: every conflict of the build, each page with its posts (file and field) or options. */
export class UrlCollisionError extends NewsroomError {
  readonly collisions: readonly UrlCollision[];
  constructor(collisions: readonly UrlCollision[]) {
    const n = collisions.length;
    super(
      `${n} URL${n === 1 ? "" : "s"} would be written twice, one page overwriting another (Eleventy would stop with "Output conflict"):\n` +
        collisions.map((c) => `  - ${describeCollision(c)}`).join("\n") +
        `\nGive a post another "slug", category or tag, declare a section with a slug of its own (option sections.categories), or change one of the options named.`,
    );
    this.name = "UrlCollisionError";
    this.collisions = collisions;
  }
}
