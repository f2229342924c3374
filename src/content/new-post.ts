/**
 * A new post's file, as `newsroom new "Tiêu đề"` writes it: the title, the current date and time
 * in the site's zone, an empty summary, the author from the options; its path from the title's
 * slug, made as the build makes it. Pure (the clock is passed in).
 */
import { DateTime } from "luxon";
import type { NewPostOptions } from "../core/options.ts";
import { expandPermalink } from "../core/permalink.ts";
import { slugify } from "../core/slug.ts";
import { shortenSlug } from "./post.ts";

export interface NewPost {
  /** Path inside the posts folder, with "/" separators. */
  file: string;
  text: string;
}

export function newPost(title: string, settings: { timeZone: string; newPost: NewPostOptions; now: Date }): NewPost {
  const clean = title.normalize("NFC").trim().replace(/\s+/g, " ");
  const slug = shortenSlug(slugify(clean));
  if (!slug) throw new Error(`the title must have at least one letter or digit, found ${JSON.stringify(title)}`);
  const now = DateTime.fromJSDate(settings.now, { zone: settings.timeZone });
  const file = expandPermalink(settings.newPost.file, { yyyy: now.toFormat("yyyy"), MM: now.toFormat("MM"), dd: now.toFormat("dd"), slug });
  const lines = [
    "---",
    // JSON strings are YAML double-quoted scalars: any title stays text.
    `title: ${JSON.stringify(clean)}`,
    `date: ${now.toFormat("yyyy-MM-dd HH:mm")}`,
    'summary: ""',
    ...(settings.newPost.author ? [`author: ${JSON.stringify(settings.newPost.author)}`] : []),
    "---",
    "",
    "",
  ];
  return { file, text: lines.join("\n") };
}
