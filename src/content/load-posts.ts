/**
 * Reads the posts folder into typed posts. Every bad post is collected and reported in one
 * `PostsError`; unchanged files are not parsed again on the next build (dev server).
 */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type MarkdownIt from "markdown-it";
import type { ArchivePermalinks } from "../core/options.ts";
import { log, NewsroomError, PostsError, type PostProblem } from "../core/errors.ts";
import { groupBy } from "../core/group-by.ts";
import { splitFrontMatter } from "./frontmatter.ts";
import { createMarkdown, renderMarkdown } from "./markdown.ts";
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
  /** Plausible post dates (option dateRange); the latest is counted from `now`. */
  dateRange?: { from: number; yearsAhead: number; now: Date };
  /** Section and tag pages (URL patterns, "" when off) and the declared sections. */
  topics?: PostContext["topics"];
  /** The site's markdown setup (option markdown). */
  markdown?: { setup?: ((md: MarkdownIt) => unknown) | undefined; html?: boolean };
}

type FileResult = { post: Post; problems: []; unknownKeys: string[] } | { post: undefined; problems: PostProblem[]; unknownKeys: string[] };

const POST_EXTENSIONS = new Set([".md", ".markdown"]);

export class PostLoader {
  readonly #settings: LoaderSettings;
  readonly #markdown: MarkdownIt;
  /** Per file: its size and modification time (ns), a hash of its bytes, and what they gave. */
  readonly #cache = new Map<string, { stamp: string; hash: string; result: FileResult }>();

  constructor(settings: LoaderSettings) {
    this.#settings = settings;
    this.#markdown = createMarkdown(settings.markdown);
  }

  /** All posts of the folder, drafts and future posts included, in file-name order. Throws `PostsError`. */
  async load(): Promise<Post[]> {
    const files = await listPostFiles(this.#settings.postsDir, this.#settings.projectRoot);
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
    // A file that cannot be read (permissions, removed since the listing) is a problem of that
    // file, reported with all the others.
    const unreadable = (cause: unknown): FileResult => ({
      post: undefined,
      problems: [{ file, field: "file", expected: "a file the build can read", found: describeReadError(cause), cause }],
      unknownKeys: [],
    });
    // Untouched since the last read (same size and nanosecond mtime): no need to read it again.
    // (statSync: thousands of async stats cost several times more, through the thread pool.)
    let info;
    try {
      info = statSync(absolute, { bigint: true });
    } catch (cause) {
      return unreadable(cause);
    }
    const stamp = `${info.size} ${info.mtimeNs}`;
    const cached = this.#cache.get(absolute);
    if (cached?.stamp === stamp) return cached.result;
    let bytes: Buffer;
    try {
      bytes = await readFile(absolute);
    } catch (cause) {
      return unreadable(cause);
    }
    const hash = createHash("sha1").update(bytes).digest("hex");
    if (cached?.hash === hash) {
      this.#cache.set(absolute, { ...cached, stamp });
      return cached.result;
    }
    const result = this.#parse(file, bytes);
    this.#cache.set(absolute, { stamp, hash, result });
    return result;
  }

  #dates(): PostContext["dates"] {
    const range = this.#settings.dateRange;
    if (!range) return undefined;
    const latest = new Date(range.now);
    latest.setUTCFullYear(latest.getUTCFullYear() + range.yearsAhead);
    return { earliestYear: range.from, latest };
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
      imageExists: (image) => isFile(path.join(this.#settings.inputDir, image)),
      dates: this.#dates(),
      topics: this.#settings.topics,
    };
    const head = readPostHead(file, split.source.data, ctx, split.source.frontMatter);
    if (!head.head) return { post: undefined, problems: head.problems, unknownKeys: head.unknownKeys };
    const rendered = renderMarkdown(this.#markdown, split.source.body);
    if (!rendered.ok) {
      const problem = {
        file,
        field: "body",
        expected: `markdown nested less than ${rendered.levels} levels deep (lists and quotes inside one another); the text past that depth would be lost`,
        found: "deeper nesting",
      };
      return { post: undefined, problems: [...head.problems, problem], unknownKeys: head.unknownKeys };
    }
    const content = rendered.html;
    const text = htmlToText(content);
    const post: Post = {
      ...head.head,
      content,
      text,
      wordCount: countWords(text),
      excerpt: head.head.summary ?? truncateText(text, this.#settings.excerptLength),
      newer: undefined,
      older: undefined,
      related: [],
      sameSection: [],
    };
    return { post, problems: [], unknownKeys: head.unknownKeys };
  }
}

/**
 * Markdown files below `dir`, sorted so that results never depend on the file system's order.
 * Symbolic links are followed, to files and to folders alike; a folder met twice (a link loop,
 * or two links to one folder) is read once. A link that leads nowhere is reported by name.
 */
export async function listPostFiles(dir: string, namesFrom = dir): Promise<string[]> {
  const files: string[] = [];
  const broken: PostProblem[] = [];
  const seen = new Set<string>();
  const walk = async (folder: string): Promise<void> => {
    const real = await realpath(folder);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      let kind: "file" | "folder" | undefined = entry.isFile() ? "file" : entry.isDirectory() ? "folder" : undefined;
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(full);
          kind = target.isFile() ? "file" : target.isDirectory() ? "folder" : undefined;
        } catch (cause) {
          if (POST_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) || !path.extname(entry.name)) {
            const file = path.relative(namesFrom, full).split(path.sep).join("/");
            broken.push({
              file,
              field: "file",
              expected: "a symbolic link to a post or a folder of posts",
              found: describeReadError(cause),
              cause,
            });
          }
          continue;
        }
      }
      if (kind === "folder") await walk(full);
      else if (kind === "file" && POST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  try {
    await walk(dir);
  } catch (cause) {
    throw new NewsroomError(`cannot read the posts folder "${dir}" (option postsDir): ${(cause as Error).message}`, { cause });
  }
  if (broken.length > 0) throw new PostsError(broken);
  return files.sort();
}

/** An error from reading a file, in words. */
function describeReadError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "a file the build has no permission to read";
  if (code === "ENOENT") return "nothing (the file is gone, or the link leads nowhere)";
  if (code === "ELOOP") return "a loop of symbolic links";
  if (code === "EISDIR") return "a folder";
  return (cause as Error).message ?? String(cause);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** One problem per post whose URL another post already has. */
export function findUrlCollisions(posts: readonly Post[]): PostProblem[] {
  const byUrl = groupBy(posts, (post) => post.url);
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
