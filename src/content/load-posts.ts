/**
 * Reads the posts folder into typed posts. Every bad post is collected and reported in one
 * `PostsError`; unchanged files are not parsed again on the next build (dev server).
 */
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type MarkdownIt from "markdown-it";
import type { ArchivePermalinks } from "../core/options.ts";
import { log, NewsroomError, PostsError, type PostProblem } from "../core/errors.ts";
import { splitFrontMatter } from "./frontmatter.ts";
import { createMarkdown } from "./markdown.ts";
import { type Post, type PostContext, readPostHead } from "./post.ts";
import { countWords, htmlToText, truncateText } from "../core/text.ts";

export interface LoaderSettings {
  /** Absolute path of the posts folder. */
  postsDir: string;
  /** Absolute path file names are reported relative to (the project root). */
  projectRoot: string;
  /** Absolute path of the site's input folder: local image paths are looked up there. */
  inputDir: string;
  timeZone: string;
  permalink: string;
  archives: ArchivePermalinks;
  excerptLength: number;
}

type FileResult = { post: Post; problems: []; unknownKeys: string[] } | { post: undefined; problems: PostProblem[]; unknownKeys: string[] };

const POST_EXTENSIONS = new Set([".md", ".markdown"]);

export class PostLoader {
  readonly #settings: LoaderSettings;
  readonly #markdown: MarkdownIt = createMarkdown();
  /** Per file: its size and modification time (ns), a hash of its bytes, and what they gave. */
  readonly #cache = new Map<string, { stamp: string; hash: string; result: FileResult }>();

  constructor(settings: LoaderSettings) {
    this.#settings = settings;
  }

  /** All posts of the folder, drafts and future posts included, in file-name order. Throws `PostsError`. */
  async load(): Promise<Post[]> {
    const files = await listPostFiles(this.#settings.postsDir);
    const results = await mapLimit(files, 32, (file) => this.#loadFile(file));
    const problems: PostProblem[] = [];
    const posts: Post[] = [];
    for (const result of results) {
      if (result.post) posts.push(result.post);
      else problems.push(...result.problems);
      if (result.unknownKeys.length > 0) {
        const file = result.post?.inputPath ?? result.problems[0]?.file;
        log.warn(
          `${file}: unknown front matter key${result.unknownKeys.length > 1 ? "s" : ""} ${result.unknownKeys.map((k) => `"${k}"`).join(", ")} (ignored)`,
        );
      }
    }
    problems.push(...findUrlCollisions(posts));
    if (problems.length > 0) throw new PostsError(problems);
    return posts;
  }

  async #loadFile(absolute: string): Promise<FileResult> {
    const file = path.relative(this.#settings.projectRoot, absolute).split(path.sep).join("/");
    // Untouched since the last read (same size and nanosecond mtime): no need to read it again.
    // (statSync: thousands of async stats cost several times more, through the thread pool.)
    const info = statSync(absolute, { bigint: true });
    const stamp = `${info.size} ${info.mtimeNs}`;
    const cached = this.#cache.get(absolute);
    if (cached?.stamp === stamp) return cached.result;
    const bytes = await readFile(absolute);
    const hash = createHash("sha1").update(bytes).digest("hex");
    if (cached?.hash === hash) {
      this.#cache.set(absolute, { ...cached, stamp });
      return cached.result;
    }
    const result = this.#parse(file, bytes);
    this.#cache.set(absolute, { stamp, hash, result });
    return result;
  }

  #parse(file: string, bytes: Buffer): FileResult {
    let raw: string;
    try {
      raw = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (cause) {
      return {
        post: undefined,
        problems: [{ file, field: "file", expected: "UTF-8 text", found: "bytes that are not UTF-8", cause }],
        unknownKeys: [],
      };
    }
    const split = splitFrontMatter(raw);
    if (!split.ok) {
      return {
        post: undefined,
        problems: [{ file, field: "front matter", expected: split.expected, found: split.found, cause: split.cause }],
        unknownKeys: [],
      };
    }
    const ctx: PostContext = {
      timeZone: this.#settings.timeZone,
      permalink: this.#settings.permalink,
      archives: this.#settings.archives,
      imageExists: (image) => existsSync(path.join(this.#settings.inputDir, image.split(/[?#]/)[0] ?? image)),
    };
    const head = readPostHead(file, split.source.data, ctx);
    if (!head.head) return { post: undefined, problems: head.problems, unknownKeys: head.unknownKeys };
    const content = this.#markdown.render(split.source.body);
    const text = htmlToText(content);
    const post: Post = {
      ...head.head,
      content,
      text,
      wordCount: countWords(text),
      excerpt: head.head.summary ?? truncateText(text, this.#settings.excerptLength),
      newer: undefined,
      older: undefined,
    };
    return { post, problems: [], unknownKeys: head.unknownKeys };
  }
}

/** Markdown files below `dir`, sorted so that results never depend on the file system's order. */
export async function listPostFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (cause) {
    throw new NewsroomError(`cannot read the posts folder "${dir}" (option postsDir): ${(cause as Error).message}`, { cause });
  }
  return entries
    .filter((e) => e.isFile() && POST_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** One problem per post whose URL another post already has. */
export function findUrlCollisions(posts: readonly Post[]): PostProblem[] {
  const byUrl = new Map<string, Post[]>();
  for (const post of posts) {
    const list = byUrl.get(post.url);
    if (list) list.push(post);
    else byUrl.set(post.url, [post]);
  }
  const problems: PostProblem[] = [];
  for (const [url, group] of byUrl) {
    if (group.length < 2) continue;
    for (const post of group) {
      const others = group
        .filter((p) => p !== post)
        .map((p) => p.inputPath)
        .join(", ");
      problems.push({
        file: post.inputPath,
        field: "slug",
        expected: `a URL no other post has (give one of them a different "slug")`,
        found: `${url}, also the URL of ${others}`,
      });
    }
  }
  return problems;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
