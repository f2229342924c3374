/**
 * A new post's file, as `newsroom new "Tiêu đề"` writes it: the title, the current date and time
 * in the site's zone, an empty summary, the author from the options, and `draft: true` (an empty
 * post must not reach the front page before it is written); its path from the title's slug,
 * made as the build makes it, or from the slug given. Pure (the clock is passed in).
 */
import { DateTime } from "luxon";
import { NewsroomError } from "../kernel/errors.ts";
import type { NewPostOptions } from "../options/index.ts";
import { expandPermalink } from "../kernel/permalink.ts";
import { slugify } from "../kernel/slug.ts";
import { postFields } from "./post-schema.ts";
import { shortenSlug } from "./post.ts";

export interface NewPost {
  /** Path inside the posts folder, with "/" separators. */
  file: string;
  text: string;
}

export function newPost(
  title: string,
  settings: { timeZone: string; newPost: NewPostOptions; now: Date; slug?: string | undefined },
): NewPost {
  const clean = title.normalize("NFC").trim().replace(/\s+/g, " ");
  const problem = newPostProblem(clean, settings.slug);
  if (problem) throw new NewsroomError(problem);
  const slug = settings.slug ?? shortenSlug(slugify(clean));
  const now = DateTime.fromJSDate(settings.now, { zone: settings.timeZone });
  const file = expandPermalink(settings.newPost.file, { yyyy: now.toFormat("yyyy"), MM: now.toFormat("MM"), dd: now.toFormat("dd"), slug });
  const lines = [
    "---",
    // JSON strings are YAML double-quoted scalars: any title stays text.
    `title: ${JSON.stringify(clean)}`,
    `date: ${now.toFormat("yyyy-MM-dd HH:mm")}`,
    ...(settings.slug ? [`slug: ${settings.slug}`] : []),
    'summary: ""',
    ...(settings.newPost.author ? [`author: ${JSON.stringify(settings.newPost.author)}`] : []),
    "draft: true",
    "---",
    "",
    "",
  ];
  return { file, text: lines.join("\n") };
}

/**
 * What is wrong with a new post's title and slug, or undefined: a title is needed, and a slug,
 * given or made from the title (a title of emoji or punctuation makes none).
 */
export function newPostProblem(title: string, slug?: string): string | undefined {
  const clean = title.trim();
  if (!clean) return 'a title is needed, such as: newsroom new "Tiêu đề bài viết"';
  if (slug !== undefined) {
    const checked = postFields.slug.safeParse(slug);
    return checked.success ? undefined : `--slug: expected ${checked.error.issues[0]!.message}, found ${JSON.stringify(slug)}`;
  }
  if (shortenSlug(slugify(clean))) return undefined;
  const example = JSON.stringify(clean);
  return (
    `the title ${example} gives no URL slug (it has no letter or digit to make one from): ` +
    `write a title with words, or give the slug: newsroom new ${example} --slug=tin-nong`
  );
}
