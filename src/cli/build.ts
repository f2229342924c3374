/**
 * `newsroom build` (the demo's `npm run build`): an Eleventy build that is all or nothing. The site is built into a
 * staging folder next to the output folder and swapped in only when the build succeeds,
 * so a failed build (a bad post, a template error) leaves the previous site exactly as it
 * was and a deploy step can never ship half a site.
 *
 *   newsroom build [--config=eleventy.config.js] [--input=.] [--output=_site] [--pathprefix=/tin/] [--quiet] [--replace-output] [--full]
 *
 * It is incremental (#23): the pages whose inputs did not change since the last build are taken from
 * the page store in `.cache/newsroom-pages/` (build/page-store.ts); `--full` renders every page.
 *
 * The output folder is checked before anything is touched (output-guard.ts): never the project, its
 * input, posts or config, and never a non-empty folder no build wrote unless `--replace-output` says so.
 */
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { newsroomSettings, type NewsroomSettings } from "../index.ts";
import { cleanDebris, lockOutput, removeInBackground } from "./output-lock.ts";
import { IncompleteFingerprintError } from "../kernel/errors.ts";
import { PAGE_STORE, removingStem } from "../kernel/paths.ts";
import { checkOutputFolder, markAsBuildOutput, protectedPaths, type ProtectedPath } from "./output-guard.ts";

export interface BuildArgs {
  /** Eleventy's config file; undefined: Eleventy looks for its usual names (eleventy.config.js, …). */
  config: string | undefined;
  input: string | undefined;
  output: string;
  pathPrefix: string | undefined;
  quiet: boolean;
  /** Replace an output folder that holds files no build wrote. */
  replaceOutput: boolean;
  /** Render every page (the page store is filled again); default false. */
  full?: boolean;
}

export function parseArgs(argv: readonly string[]): BuildArgs {
  const args: BuildArgs = {
    config: undefined,
    input: undefined,
    output: "_site",
    pathPrefix: undefined,
    quiet: false,
    replaceOutput: false,
    full: false,
  };
  for (const arg of argv) {
    const [flag, value] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === "--quiet") args.quiet = true;
    else if (flag === "--replace-output") args.replaceOutput = true;
    else if (flag === "--full") args.full = true;
    else if (flag === "--config" && value) args.config = value;
    else if (flag === "--input" && value) args.input = value;
    else if (flag === "--output" && value) args.output = value;
    else if (flag === "--pathprefix" && value) args.pathPrefix = value;
    else
      throw new Error(
        `unknown argument ${arg} (expected --config=, --input=, --output=, --pathprefix=, --quiet, --replace-output, --full)`,
      );
  }
  return args;
}

/** A failed build, and whether the output folder is still the one from before. */
export class BuildFailure extends Error {
  constructor(
    message: string,
    readonly outputIntact: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "BuildFailure";
  }
}

/**
 * Builds into a staging folder, then swaps it in for `output`. One build at a time per output
 * (a second one waits); what killed builds left behind is cleaned up first. Rejects, leaving
 * `output` untouched, when the build fails.
 */
export async function atomicBuild(args: BuildArgs, log: (message: string) => void = () => {}): Promise<void> {
  const output = path.resolve(args.output);
  checkOutput(args, []);
  const release = await lockOutput(output, {
    onWait: (holder) => log(`waiting for another build of ${path.basename(output)} (process ${holder}) to finish…`),
  });
  try {
    for (const line of cleanDebris(output)) log(line);
    try {
      await buildAndSwap(args, output);
    } catch (error) {
      // A page changed that its key said had not: the keys miss an input. Everything again (the store remembers it).
      // By name: the site's config may load another copy of the plugin than the command's.
      const missed = causes(error).find((e) => e.name === IncompleteFingerprintError.name);
      if (!missed || args.full) throw error;
      log(missed.message.replace(/^[^:]*: /, ""));
      await buildAndSwap({ ...args, full: true }, output);
    }
  } finally {
    release();
  }
}

async function buildAndSwap(args: BuildArgs, output: string): Promise<void> {
  const staging = `${output}.staging-${process.pid}`;
  const previous = `${output}.previous-${process.pid}`;
  let eleventyConfig: object | undefined;
  try {
    const outputGlob = path.relative(process.cwd(), output).split(path.sep).join("/") || ".";
    const eleventy = new Eleventy(args.input, staging, {
      // As from the command line: these folders win over the config file's `dir`.
      source: "cli",
      ...(args.config ? { configPath: args.config } : {}),
      quietMode: args.quiet,
      // Eleventy ignores its output folder by itself; the live one is now a neighbour to ignore too.
      config(config: { ignores: Set<string> }) {
        eleventyConfig = config;
        config.ignores.add(`${outputGlob}/**`);
        config.ignores.add(`${outputGlob}.staging-*/**`);
        config.ignores.add(`${outputGlob}.previous-*/**`);
        config.ignores.add(`${path.posix.join(path.posix.dirname(outputGlob), removingStem(path.posix.basename(outputGlob)))}*/**`);
      },
      ...(args.pathPrefix ? { pathPrefix: args.pathPrefix } : {}),
    });
    // The command says what failed itself (describeError), once, without Eleventy's stack traces.
    (eleventy as unknown as { errorHandler: { logger: object } }).errorHandler.logger = { message() {} };
    await eleventy.init();
    // The config is loaded: the input and posts folders it names are known before anything is written.
    checkOutput(args, configuredPaths(eleventy, eleventyConfig));
    const settings = eleventyConfig && newsroomSettings(eleventyConfig);
    settings?.usePageStore?.({ dir: path.resolve(PAGE_STORE), full: args.full ?? false, output });
    await eleventy.write();
  } catch (error) {
    const settings = eleventyConfig && newsroomSettings(eleventyConfig);
    // Nothing of the plugin's may still be writing into the folder while it is removed (the page store's staging thread).
    await settings?.abandon?.();
    await rm(staging, { recursive: true, force: true });
    throw postWriteFailure(error, settings) ?? new BuildFailure((error as Error).message ?? String(error), true, { cause: error });
  }
  if (!existsSync(staging)) throw new BuildFailure(`the build wrote nothing to ${staging}; the output was not replaced`, true);
  markAsBuildOutput(staging);
  const hadOutput = existsSync(output);
  if (hadOutput) await rename(output, previous);
  try {
    await rename(staging, output);
  } catch (error) {
    try {
      if (hadOutput) await rename(previous, output);
    } catch {
      throw new BuildFailure(`could not put the new site in place, nor the previous one back: it is in ${previous}`, false, {
        cause: error,
      });
    }
    await rm(staging, { recursive: true, force: true });
    throw new BuildFailure(`could not put the new site in place: ${(error as Error).message}`, true, { cause: error });
  }
  if (hadOutput) await removeInBackground(previous, output);
}

/** Refuses (a BuildFailure, output intact) an output folder that would take the project's files with it. */
function checkOutput(args: BuildArgs, configured: readonly ProtectedPath[]): void {
  const named: ProtectedPath[] = [...configured];
  if (args.input) named.push({ path: args.input, what: "the input folder (--input)" });
  if (args.config) named.push({ path: args.config, what: "the config file (--config)" });
  named.push({ path: PAGE_STORE, what: "the page store" });
  try {
    checkOutputFolder({ output: args.output, protect: protectedPaths(process.cwd(), named), replaceForeign: args.replaceOutput });
  } catch (error) {
    throw new BuildFailure((error as Error).message, true, { cause: error });
  }
}

/** The input folder, config file and posts folder of the loaded configuration. */
function configuredPaths(eleventy: object, eleventyConfig: object | undefined): ProtectedPath[] {
  const found: ProtectedPath[] = [];
  const { directories, eleventyConfig: config } = eleventy as {
    directories?: { input?: string };
    eleventyConfig?: { getLocalProjectConfigFile?: () => string | undefined };
  };
  if (directories?.input) found.push({ path: directories.input, what: "the input folder" });
  const configFile = config?.getLocalProjectConfigFile?.();
  if (configFile) found.push({ path: configFile, what: "the config file" });
  const settings = eleventyConfig && newsroomSettings(eleventyConfig);
  if (settings) found.push({ path: settings.postsDir, what: "the posts folder" });
  return found;
}

/**
 * A file-system error while Eleventy wrote a post's page, told as that post's problem: Eleventy
 * names only its page template (one for every article) and every page it was writing.
 */
function postWriteFailure(error: unknown, settings: NewsroomSettings | undefined): BuildFailure | undefined {
  const failure = causes(error).find((e): e is NodeJS.ErrnoException => typeof (e as NodeJS.ErrnoException).path === "string");
  const post = failure && settings?.postWrittenTo(failure.path!);
  return post && new BuildFailure(`${post.inputPath}: its page ${post.url} could not be written`, true, { cause: failure });
}

/** An error and its causes (Eleventy keeps its cause as `originalError`), outermost first. */
function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && chain.length < 10;) {
    chain.push(current);
    current = current.cause ?? (current as { originalError?: unknown }).originalError;
  }
  return chain;
}

/** An error and its causes, one line each (no stack traces: the messages say what to fix). */
export function describeError(error: unknown): string {
  // A BuildFailure often repeats its cause's message: each line once.
  const chain = causes(error);
  const lines = [...new Set(chain.map((e) => shortenPageList(e.message)))].slice(0, 5);
  if (lines.length === 0) return String(error);
  // An error nobody foresaw (no Newsroom message along the chain, as Eleventy's own handler reads it, and not a
  // file-system error): its stack helps whoever reports it.
  const innermost = chain.at(-1)!;
  const unforeseen = !chain.some((e) => "skipOriginalStack" in e) && !(innermost as NodeJS.ErrnoException).code;
  return `${lines.join("\n  caused by: ")}${unforeseen && innermost.stack ? `\n${innermost.stack.split("\n").slice(1, 6).join("\n")}` : ""}`;
}

/** Eleventy's "Having trouble writing to" lists every page of a template (every article): keep three. */
function shortenPageList(message: string): string {
  return message.replace(/^(Having trouble writing to )((?:"[^"]*", ){3,}"[^"]*") from/, (_all, start: string, list: string) => {
    const pages = list.split(", ");
    return `${start}${pages.slice(0, 3).join(", ")} and ${(pages.length - 3).toLocaleString("en")} other pages from`;
  });
}
