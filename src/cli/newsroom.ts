#!/usr/bin/env node
/**
 * The `newsroom` command.
 *
 *   newsroom build [--config=…] [--input=…] [--output=…] [--pathprefix=…] [--quiet] [--replace-output] [--full]
 *       An all-or-nothing Eleventy build: the site, its search index and its service worker
 *       are built into a staging folder and replace the output folder only when all succeeded.
 *       Incremental: unchanged pages come from the page store in .cache/newsroom-pages/ (--full: none).
 *       The output folder is never the project, its input, posts or config, nor (without
 *       --replace-output) a non-empty folder that no build wrote.
 *   newsroom new "Tiêu đề bài viết" [--slug=…] [--config=…] [--input=…]
 *       A new post in the posts folder (never overwriting one), a draft until its author
 *       publishes it; prints its path, and how to publish it (on stderr).
 */
import { atomicBuild, BuildFailure, describeError, parseArgs } from "./build.ts";
import { DRAFT_NOTE, parseNewPostArgs, writeNewPost } from "./new-post.ts";

const USAGE = `usage: newsroom build [--config=eleventy.config.js] [--input=.] [--output=_site] [--pathprefix=/tin/] [--quiet] [--replace-output] [--full]
       newsroom new "Tiêu đề bài viết" [--slug=tieu-de] [--config=eleventy.config.js] [--input=.]`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "build") {
    let args;
    try {
      args = parseArgs(rest);
    } catch (error) {
      console.error(`newsroom build: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    try {
      await atomicBuild(args, (line) => console.error(`[newsroom] ${line}`));
      return 0;
    } catch (error) {
      const intact = !(error instanceof BuildFailure) || error.outputIntact;
      console.error(
        `Build failed; ${intact ? "the previous output was left as it was" : "the output folder may be incomplete"}.\n${describeError(error)}`,
      );
      return 1;
    }
  }
  if (command === "new") {
    let args;
    try {
      args = parseNewPostArgs(rest);
    } catch (error) {
      console.error(`newsroom new: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    try {
      console.log(await writeNewPost(args));
      console.error(DRAFT_NOTE);
      return 0;
    } catch (error) {
      console.error(`newsroom new: ${describeError(error)}`);
      return 1;
    }
  }
  if (command === "--help" || command === "-h" || command === "help") {
    console.log(USAGE);
    return 0;
  }
  console.error(`newsroom: ${command ? `unknown command "${command}"` : "no command given"}\n${USAGE}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
