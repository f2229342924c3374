/**
 * Builds a small fixture site in a temp folder, in-process, with the Newsroom plugin,
 * and gives parsed HTML back. Builds run from the temp folder's parent with the fixture's
 * own folder name as input, so that no two fixtures share a relative path (Eleventy caches
 * layouts by path for the life of the process).
 *
 * What a build logs is kept until it ends (#21 item 11: `npm test` must be readable): a build
 * that succeeds prints its warnings and errors (and, with `verbose`, everything), one that fails
 * prints nothing (the test gets its error). A fixture without `site.url` gets feeds off
 * unless it sets `feeds` itself: the warning that feeds need absolute URLs is then not its topic.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { parse, type HTMLElement } from "node-html-parser";
import newsroom, { type NewsroomUserOptions, PostsError } from "../../src/index.ts";
import { closeRemovalWatchers } from "../../src/build/dev-rebuilds.ts";
import { repoRoot } from "./cli.ts";

export interface FixtureSite {
  dir: string;
  out: string;
  /** Writes files (paths relative to the site) into the fixture. */
  write(files: Record<string, string | Buffer>): void;
  /** Builds the site; rejects with the build's error. */
  build(options?: NewsroomUserOptions, extra?: { runMode?: "build" | "serve"; pathPrefix?: string; verbose?: boolean }): Promise<void>;
  /** What the last build logged through Eleventy's logger (the plugin's lines included), in order. */
  logged: LogLine[];
  /** Parsed HTML of an output URL such as "/2019/10/18/slug/". */
  page(url: string): HTMLElement;
  exists(url: string): boolean;
  /** Every output file, relative to the output folder, sorted. */
  outputFiles(): string[];
  readOutput(file: string): string;
  remove(): void;
}

/**
 * The `PostsError` a failing build ends with (Eleventy wraps what plugins throw: it is found along
 * the causes); throws when the build succeeds or fails otherwise.
 */
export async function postsErrorOf(build: Promise<unknown>): Promise<PostsError> {
  const failure = await build.then(
    () => undefined,
    (e: unknown) => e,
  );
  let current = failure as { cause?: unknown } | undefined;
  while (current && !(current instanceof PostsError)) current = current.cause as typeof current;
  if (!current) throw new Error(`expected the build to fail with a PostsError, got ${String(failure)}`);
  return current;
}

/** The messages of an error and of the errors inside it (Eleventy wraps a plugin's error as `originalError`), one a line. */
export function errorMessages(error: unknown): string {
  let messages = "";
  for (let e = error as { message?: string; cause?: unknown; originalError?: unknown } | undefined; e;) {
    messages += `${e.message}\n`;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return messages;
}

/** A site with Decap CMS installed (its node_modules/decap-cms: the repo's, linked). */
export function withDecap(site: FixtureSite): FixtureSite {
  mkdirSync(path.join(site.dir, "node_modules"), { recursive: true });
  symlinkSync(path.join(repoRoot, "node_modules", "decap-cms"), path.join(site.dir, "node_modules", "decap-cms"), "dir");
  return site;
}

/** A post file's text from front matter fields and a body. */
export function postFile(frontMatter: Record<string, unknown> | string, body = "Nội dung bài viết."): string {
  const yaml =
    typeof frontMatter === "string"
      ? frontMatter
      : Object.entries(frontMatter)
          .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(", ")}]` : String(v)}`)
          .join("\n");
  return `---\n${yaml}\n---\n\n${body}\n`;
}

/** One line Eleventy's logger wrote: the console method it used, and the text. */
export interface LogLine {
  type: "log" | "info" | "warn" | "error";
  message: string;
}

/**
 * Keeps what an Eleventy instance logs (its own lines and the plugin's) instead of printing it.
 * `print` then writes the warnings and errors kept (and the rest too with `everything`) through
 * the console, where a test's spies still see them.
 */
export function captureLog(eleventy: InstanceType<typeof Eleventy>): { lines: LogLine[]; print(everything?: boolean): void } {
  const lines: LogLine[] = [];
  const keep = (type: LogLine["type"]) => (message: unknown) => void lines.push({ type, message: String(message) });
  (eleventy as any).logger.overrideLogger({ log: keep("log"), info: keep("info"), warn: keep("warn"), error: keep("error") });
  // The dev server's own logger (made by init()): its information ("Server at …") comes as warnings, only its errors are kept.
  const drop = () => {};
  (eleventy as any).eleventyServe?.logger.overrideLogger({ log: drop, info: drop, warn: drop, error: keep("error") });
  return {
    lines,
    print(everything = false) {
      for (const { type, message } of lines) if (everything || type === "warn" || type === "error") console[type](message);
    },
  };
}

/** The options a fixture is built with: its own cache folders, and feeds off when it has no `site.url` and says nothing of feeds. */
function fixtureOptions(dir: string, options: NewsroomUserOptions): NewsroomUserOptions {
  // `search: false` and `images: false` stay as written (#22: the shorthand turns a feature off).
  const search = ownCache(options.search, path.join(dir, ".cache", "newsroom"));
  const images = ownCache(options.images, path.join(dir, ".cache", "newsroom-img"));
  const feeds = options.feeds ?? (options.site?.url ? undefined : false);
  return { timeZone: "UTC", ...options, search, images, ...(feeds === undefined ? {} : { feeds }) };
}

export function createSite(files: Record<string, string | Buffer> = {}): FixtureSite {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-site-"));
  const out = path.join(dir, "_site");
  const site: FixtureSite = {
    dir,
    out,
    logged: [],
    write(more) {
      for (const [name, content] of Object.entries(more)) {
        const file = path.join(dir, name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
    },
    async build(options = {}, extra = {}) {
      const previous = process.cwd();
      process.chdir(path.dirname(dir));
      try {
        const name = path.basename(dir);
        const eleventy = new Eleventy(name, `${name}/_site`, {
          quietMode: !extra.verbose,
          runMode: extra.runMode ?? "build",
          ...(extra.pathPrefix ? { pathPrefix: extra.pathPrefix } : {}),
          config(eleventyConfig: any) {
            // Each fixture keeps its own index cache, inside its folder (guards the planted bug "fixtures share
            // one cache": a cache hit from another test or run would hide a bug in the indexing worker).
            eleventyConfig.addPlugin(newsroom, fixtureOptions(dir, options));
          },
        });
        const log = captureLog(eleventy);
        site.logged = log.lines;
        // Eleventy reports a failed build through its logger and by rejecting: the test gets the rejection.
        await eleventy.write();
        log.print(extra.verbose);
      } finally {
        process.chdir(previous);
      }
    },
    page(url) {
      return parse(readFileSync(outputPath(out, url), "utf8"));
    },
    exists(url) {
      return existsSync(outputPath(out, url));
    },
    outputFiles() {
      if (!existsSync(out)) return [];
      return (readdirSync(out, { recursive: true, withFileTypes: true }) as any[])
        .filter((e) => e.isFile())
        .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
        .sort();
    },
    readOutput(file) {
      return readFileSync(path.join(out, file), "utf8");
    },
    remove() {
      // A build in serve mode watches the posts for removals (and made a signal folder): stop that first.
      closeRemovalWatchers();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  site.write(files);
  return site;
}

/** A feature's options with the fixture's own cache folder, unless it is turned off (or on with its defaults) by `false`/`true`. */
function ownCache<T extends object>(group: boolean | T | undefined, cache: string): boolean | T | { cache: string } {
  if (group === false) return false;
  return { cache, ...(group === true || group === undefined ? {} : group) };
}

function outputPath(out: string, url: string): string {
  const clean = decodeURI(url).replace(/^\//, "");
  return path.join(out, clean.endsWith("/") || clean === "" ? path.join(clean, "index.html") : clean);
}
