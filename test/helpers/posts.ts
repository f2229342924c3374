/** Posts made in memory for unit tests of pure functions: every field of a `Post`, overridable; the post loader's settings. */
import path from "node:path";
import type { LoaderSettings } from "../../src/posts/load-posts.ts";
import type { Post } from "../../src/posts/post.ts";
import { defaults } from "../../src/options/index.ts";
import { consoleLog } from "../../src/kernel/log.ts";

/** The post loader's settings for a project in `root` (posts in root/posts, Asia/Ho_Chi_Minh), the plugin's defaults otherwise. */
export function loaderSettings(root: string, more: Partial<LoaderSettings> = {}): LoaderSettings {
  return {
    postsDir: path.join(root, "posts"),
    projectRoot: root,
    inputDir: root,
    timeZone: "Asia/Ho_Chi_Minh",
    permalink: defaults.permalink,
    archives: defaults.archives,
    excerptLength: 200,
    log: consoleLog,
    ...more,
  };
}

/** Post number `n`, dated 2019-10-{day} at n o'clock UTC, with a body of its own number unless `extra` says otherwise. */
export function post(n: number, day: number, extra: Partial<Post> = {}): Post {
  const date = new Date(Date.UTC(2019, 9, day, n));
  const dd = String(day).padStart(2, "0");
  return {
    inputPath: `posts/${n}.md`,
    title: `Tin ${n}`,
    date,
    dateIso: date.toISOString(),
    year: "2019",
    month: "10",
    day: dd,
    updated: undefined,
    summary: undefined,
    author: undefined,
    category: undefined,
    tags: [],
    categoryUrl: "",
    tagLinks: [],
    image: undefined,
    image_alt: undefined,
    caption: undefined,
    slug: `tin-${n}`,
    draft: false,
    url: `/2019/10/${dd}/tin-${n}/`,
    dayUrl: `/2019/10/${dd}/`,
    monthUrl: "/2019/10/",
    yearUrl: "/2019/",
    content: `<p>${n}</p>`,
    text: `${n}`,
    wordCount: 1,
    excerpt: `${n}`,
    newer: undefined,
    older: undefined,
    featured: false,
    related: [],
    sameSection: [],
    ...extra,
  };
}
