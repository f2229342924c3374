/** Posts made in memory for unit tests of pure functions: every field of a `Post`, overridable. */
import type { Post } from "../../src/content/post.ts";

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
