/**
 * Builds a small fixture site in a temp folder, in-process, with the Newsroom plugin,
 * and gives parsed HTML back. Builds run from the temp folder's parent with the fixture's
 * own folder name as input, so that no two fixtures share a relative path (Eleventy caches
 * layouts by path for the life of the process).
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { parse, type HTMLElement } from "node-html-parser";
import newsroom, { type NewsroomUserOptions, PostsError } from "../../src/index.ts";

export interface FixtureSite {
  dir: string;
  out: string;
  /** Writes files (paths relative to the site) into the fixture. */
  write(files: Record<string, string | Buffer>): void;
  /** Builds the site; rejects with the build's error. */
  build(options?: NewsroomUserOptions, extra?: { runMode?: "build" | "serve"; pathPrefix?: string; verbose?: boolean }): Promise<void>;
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

export function createSite(files: Record<string, string | Buffer> = {}): FixtureSite {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-site-"));
  const out = path.join(dir, "_site");
  const site: FixtureSite = {
    dir,
    out,
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
            const search = { cache: path.join(dir, ".cache", "newsroom"), ...options.search };
            const images = { cache: path.join(dir, ".cache", "newsroom-img"), ...options.images };
            eleventyConfig.addPlugin(newsroom, { timeZone: "UTC", ...options, search, images });
          },
        });
        await eleventy.write();
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
  site.write(files);
  return site;
}

function outputPath(out: string, url: string): string {
  const clean = decodeURI(url).replace(/^\//, "");
  return path.join(out, clean.endsWith("/") || clean === "" ? path.join(clean, "index.html") : clean);
}
