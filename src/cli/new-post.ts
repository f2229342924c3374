/**
 * `newsroom new "Tiêu đề bài viết"`: writes a new post into the site's posts folder, with the
 * site's options (time zone, posts folder, `newPost`) read from its Eleventy config. Never
 * overwrites a file.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { newPost, newPostProblem } from "../posts/new-post.ts";
import { NewsroomError } from "../kernel/errors.ts";
import { newsroomSettings } from "../index.ts";

export interface NewPostArgs {
  title: string;
  /** The URL slug, when the title cannot make one (or another is wanted). */
  slug: string | undefined;
  config: string | undefined;
  input: string | undefined;
}

/** The arguments, checked before the site's config is read: a title (and slug) that can make a post. Throws a usage error. */
export function parseNewPostArgs(argv: readonly string[]): NewPostArgs {
  const args: NewPostArgs = { title: "", slug: undefined, config: undefined, input: undefined };
  const titles: string[] = [];
  for (const arg of argv) {
    const [flag, value] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === "--config" && value) args.config = value;
    else if (flag === "--input" && value) args.input = value;
    else if (flag === "--slug" && value !== undefined) args.slug = value;
    else if (arg.startsWith("--")) throw new Error(`unknown argument ${arg} (expected a title, --slug=, --config=, --input=)`);
    else titles.push(arg);
  }
  args.title = titles.join(" ").trim();
  const problem = newPostProblem(args.title, args.slug);
  if (problem) throw new Error(problem);
  return args;
}

/** What `newsroom new` prints after the path: the post is a draft, and how to publish it. */
export const DRAFT_NOTE =
  "It is a draft (draft: true): the dev server shows it, builds leave it out. To publish it, delete the line draft: true (or write draft: false).";

/** Writes the post and returns its path (from the working folder). */
export async function writeNewPost(args: NewPostArgs, now = new Date()): Promise<string> {
  let eleventyConfig: object | undefined;
  const eleventy = new Eleventy(args.input, undefined, {
    source: "cli",
    quietMode: true,
    ...(args.config ? { configPath: args.config } : {}),
    config(config: object) {
      eleventyConfig = config;
    },
  });
  await eleventy.init();
  const settings = eleventyConfig && newsroomSettings(eleventyConfig);
  if (!settings) {
    throw new NewsroomError(
      `the Eleventy config${args.config ? ` ${args.config}` : ""} does not add the Newsroom plugin (eleventyConfig.addPlugin(newsroom, …))`,
    );
  }
  const post = newPost(args.title, { timeZone: settings.options.timeZone, newPost: settings.options.newPost, now, slug: args.slug });
  const target = path.join(settings.postsDir, ...post.file.split("/"));
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, post.text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new NewsroomError(
        `${path.relative(process.cwd(), target)} already exists: nothing was written (give the new post another title, or edit that one)`,
      );
    }
    throw error;
  }
  return path.relative(process.cwd(), target);
}
