/**
 * `newsroom new "Tiêu đề bài viết"`: writes a new post into the site's posts folder, with the
 * site's options (time zone, posts folder, `newPost`) read from its Eleventy config. Never
 * overwrites a file.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { newPost } from "../content/new-post.ts";
import { NewsroomError } from "../core/errors.ts";
import { newsroomSettings } from "../index.ts";

export interface NewPostArgs {
  title: string;
  config: string | undefined;
  input: string | undefined;
}

export function parseNewPostArgs(argv: readonly string[]): NewPostArgs {
  const args: NewPostArgs = { title: "", config: undefined, input: undefined };
  const titles: string[] = [];
  for (const arg of argv) {
    const [flag, value] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === "--config" && value) args.config = value;
    else if (flag === "--input" && value) args.input = value;
    else if (arg.startsWith("--")) throw new Error(`unknown argument ${arg} (expected a title, --config=, --input=)`);
    else titles.push(arg);
  }
  args.title = titles.join(" ").trim();
  if (!args.title) throw new Error('a title is needed, such as: newsroom new "Tiêu đề bài viết"');
  return args;
}

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
  const post = newPost(args.title, { timeZone: settings.options.timeZone, newPost: settings.options.newPost, now });
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
