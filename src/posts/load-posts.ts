/**
 * Reads the posts folder into typed posts. Every bad post is collected and reported in one
 * `PostsError`; unchanged files are not parsed again on the next build (dev server), nor, through
 * the post cache (build/post-cache.ts), on the next `newsroom build`.
 */
import { createHash } from "node:crypto";
import { realpathSync, statSync } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type MarkdownIt from "markdown-it";
import type { ArchivePermalinks } from "../options/index.ts";
import { NewsroomError, PostsError, type PostProblem } from "../kernel/errors.ts";
import type { Logger } from "../kernel/log.ts";
import { groupBy } from "../kernel/group-by.ts";
import { OUTPUT_MARKER } from "../kernel/paths.ts";
import { splitFrontMatter } from "./frontmatter.ts";
import { createMarkdown, renderMarkdown } from "./markdown.ts";
import { checkImage, type Post, type PostContext, readPostHead } from "./post.ts";
import { countWords, htmlToText, truncateText } from "../kernel/text.ts";

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
  /** Absolute path of the build's output folder: never searched for posts (with `postsDir: "."` it is inside). */
  outputDir?: string;
  /** Where the warnings (unknown front matter keys…) go. */
  log: Logger;
}

type FileResult =
  | { post: Post; problems: []; unknownKeys: string[]; warnings: string[] }
  | { post: undefined; problems: PostProblem[]; unknownKeys: string[]; warnings: string[] };

/** A post as read from its file, with what says whether the file still holds it: what the post cache keeps. */
export interface ReadPost {
  /** The file, from the project root ("posts/2019/song-ma.md"). */
  file: string;
  /** Its size and modification time (ns), and the sha1 of its bytes. */
  stamp: string;
  hash: string;
  post: Post;
  unknownKeys: string[];
  warnings: string[];
}

/** Read posts as the next build can take them: `changed` when they differ from those it was given (remember()). */
export interface ReadPosts {
  posts: ReadPost[];
  changed: boolean;
  /** The latest plausible date they were checked against (ms; option dateRange): a build with an earlier one reads them again. */
  latest: number;
}

const POST_EXTENSIONS = new Set([".md", ".markdown"]);
/** A file modified this recently (ms) is checked by its bytes at the next build, whatever its stamp. */
const RACY_MS = 2000;

export class PostLoader {
  readonly #settings: LoaderSettings;
  readonly #markdown: MarkdownIt;
  /** Per file (absolute) of the last load: its size and modification time (ns), a hash of its bytes, and the post they gave. */
  readonly #cache = new Map<string, { stamp: string; hash: string; result: FileResult & { post: Post } }>();
  /** Whether the last load read a file afresh, re-stamped one, or found one gone. */
  #changed = false;
  /** Files the last load parsed (the others it had read before). */
  #parsed = 0;

  constructor(settings: LoaderSettings) {
    this.#settings = settings;
    this.#markdown = createMarkdown(settings.markdown);
  }

  /** All posts of the folder, drafts and future posts included, in file-name order. Throws `PostsError`. */
  async load(): Promise<Post[]> {
    const { postsDir, projectRoot, outputDir, log } = this.#settings;
    const files = await listPostFiles(postsDir, projectRoot, outputDir ? [outputDir] : []);
    this.#changed = false;
    this.#parsed = 0;
    const listed = new Set(files);
    for (const file of this.#cache.keys()) {
      if (listed.has(file)) continue;
      this.#cache.delete(file);
      this.#changed = true;
    }
    const results = await mapLimit(files, 32, (file) => this.#loadFile(file));
    const problems: PostProblem[] = [];
    const posts: Post[] = [];
    for (const result of results) {
      if (result.post) posts.push(result.post);
      else problems.push(...result.problems);
      const file = result.post?.inputPath ?? result.problems[0]?.file;
      if (result.unknownKeys.length > 0) {
        log.warn(
          `${file}: unknown front matter key${result.unknownKeys.length > 1 ? "s" : ""} ${result.unknownKeys.map((k) => `"${k}"`).join(", ")} (ignored)`,
        );
      }
      for (const warning of result.warnings) log.warn(`${file}: ${warning}`);
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
      warnings: [],
    });
    // Untouched since the last read (same size and nanosecond mtime): no need to read it again.
    // (statSync: thousands of async stats cost several times more, through the thread pool.)
    let info;
    try {
      info = statSync(absolute, { bigint: true });
    } catch (cause) {
      this.#forget(absolute);
      return unreadable(cause);
    }
    const stamp = `${info.size} ${info.mtimeNs}`;
    // A post read before, whose picture is still there (the file holds no trace of its picture's removal).
    const cached = this.#cache.get(absolute);
    const still = cached && (!cached.result.post.image || checkImage(cached.result.post.image, this.#context()) === undefined);
    if (still && cached.stamp === stamp) return cached.result;
    let bytes: Buffer;
    try {
      bytes = await readFile(absolute);
    } catch (cause) {
      this.#forget(absolute);
      return unreadable(cause);
    }
    const hash = createHash("sha1").update(bytes).digest("hex");
    this.#changed = true;
    if (still && cached.hash === hash) {
      this.#cache.set(absolute, { ...cached, stamp });
      return cached.result;
    }
    const result = this.#parse(file, bytes);
    this.#parsed++;
    // A bad post is read again at every build: what it lacked (a picture, a section) may come without its file changing.
    if (result.post) this.#cache.set(absolute, { stamp, hash, result });
    else this.#forget(absolute);
    return result;
  }

  /**
   * Posts read by an earlier process (the post cache), by file from the project root: a file whose
   * bytes are the same is not parsed again. Ignored when they were checked against a later date
   * range than this loader's (option `now` set back): a post plausible then may not be now. Says whether it took them.
   */
  remember(read: ReadPosts): boolean {
    if (read.latest > this.#latest()) return false;
    for (const { file, stamp, hash, post, unknownKeys, warnings } of read.posts) {
      this.#cache.set(path.resolve(this.#settings.projectRoot, file), { stamp, hash, result: { post, problems: [], unknownKeys, warnings } });
    }
    return true;
  }

  /**
   * The posts of the last load, for the post cache. A file modified in the last seconds is kept
   * without its stamp: file systems date writes in ticks of a few milliseconds, so an edit right after
   * this read could keep its size and time, and only its bytes would tell (git's "racy" files).
   */
  readPosts(): ReadPosts {
    const { projectRoot } = this.#settings;
    const recent = BigInt(Date.now() - RACY_MS) * 1_000_000n;
    const posts = [...this.#cache].map(([absolute, { stamp, hash, result }]) => ({
      file: path.relative(projectRoot, absolute).split(path.sep).join("/"),
      stamp: BigInt(stamp.split(" ")[1] ?? "0") >= recent ? "" : stamp,
      hash,
      post: result.post,
      unknownKeys: result.unknownKeys,
      warnings: result.warnings,
    }));
    return { posts, changed: this.changed, latest: this.#latest() };
  }

  /** Whether the last load read a file afresh, re-stamped one, or found one gone: what the post cache holds is then out of date. */
  get changed(): boolean {
    return this.#changed;
  }

  /** How many files the last load parsed; the others gave the posts read before. */
  get parsed(): number {
    return this.#parsed;
  }

  #forget(absolute: string): void {
    if (this.#cache.delete(absolute)) this.#changed = true;
  }

  #latest(): number {
    return this.#dates()?.latest.getTime() ?? Number.POSITIVE_INFINITY;
  }

  #context(): PostContext {
    return {
      timeZone: this.#settings.timeZone,
      permalink: this.#settings.permalink,
      archives: this.#settings.archives,
      imageExists: (image) => isFile(path.join(this.#settings.inputDir, image)),
      dates: this.#dates(),
      topics: this.#settings.topics,
    };
  }

  #dates(): PostContext["dates"] {
    const range = this.#settings.dateRange;
    if (!range) return undefined;
    const latest = new Date(range.now);
    latest.setUTCFullYear(latest.getUTCFullYear() + range.yearsAhead);
    return { earliestYear: range.from, latest };
  }

  #parse(file: string, bytes: Buffer): FileResult {
    const fail = (problem: Omit<PostProblem, "file">): FileResult => ({
      post: undefined,
      problems: [{ file, ...problem }],
      unknownKeys: [],
      warnings: [],
    });
    const encoding = otherEncoding(bytes);
    if (encoding) {
      return fail({
        field: "file",
        expected: `UTF-8 text — convert it, for example: iconv -f ${encoding.iconv} -t UTF-8 "${file}" > converted.md && mv converted.md "${file}" (or save it as "UTF-8" in your editor)`,
        found: `${encoding.name} text`,
      });
    }
    let raw: string;
    try {
      raw = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (cause) {
      return fail({
        field: "file",
        expected: `UTF-8 text (save the file as "UTF-8" in your editor)`,
        found: `bytes that are not UTF-8 (${describeBadByte(bytes)})`,
        cause,
      });
    }
    const split = splitFrontMatter(raw);
    if (!split.ok) return fail({ field: "front matter", expected: split.expected, found: split.found, cause: split.cause });
    const head = readPostHead(file, split.source.data, this.#context(), split.source.frontMatter, split.source.language);
    if (!head.head) return { post: undefined, problems: head.problems, unknownKeys: head.unknownKeys, warnings: head.warnings };
    const rendered = renderMarkdown(this.#markdown, split.source.body);
    if (!rendered.ok) {
      const problem = {
        file,
        field: "body",
        expected: `markdown nested less than ${rendered.levels} levels deep (lists and quotes inside one another); the text past that depth would be lost`,
        found: "deeper nesting",
      };
      return { post: undefined, problems: [...head.problems, problem], unknownKeys: head.unknownKeys, warnings: head.warnings };
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
    return { post, problems: [], unknownKeys: head.unknownKeys, warnings: head.warnings };
  }
}

/** Folders never searched for posts: installed dependencies. */
const DEPENDENCY_FOLDERS = new Set(["node_modules", "bower_components", "jspm_packages"]);

/**
 * Markdown files below `dir`, sorted so that results never depend on the file system's order.
 * Symbolic links are followed, to files and to folders alike; a folder met twice (a link loop,
 * or two links to one folder) is read once. A link that leads nowhere is reported by name.
 * Left out, below `dir`: names starting with "." (`.git`, `.cache`, editors' `.#post.md` lock
 * links), dependency folders (`node_modules`), the folders in `skip` (the output) and any
 * folder a `newsroom build` wrote (it holds the output marker).
 */
export async function listPostFiles(dir: string, namesFrom = dir, skip: readonly string[] = []): Promise<string[]> {
  const files: string[] = [];
  const broken: PostProblem[] = [];
  const seen = new Set<string>();
  const skipped = new Set(skip.map((folder) => realpathOrSelf(path.resolve(folder))));
  const walk = async (folder: string, top: boolean): Promise<void> => {
    const real = await realpath(folder);
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await readdir(folder, { withFileTypes: true });
    if (!top && (skipped.has(real) || entries.some((entry) => entry.name === OUTPUT_MARKER))) return;
    for (const entry of entries) {
      if (entry.name.startsWith(".") || (DEPENDENCY_FOLDERS.has(entry.name) && !entry.isFile())) continue;
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
      if (kind === "folder") await walk(full, false);
      else if (kind === "file" && POST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  try {
    await walk(dir, true);
  } catch (cause) {
    throw new NewsroomError(`cannot read the posts folder "${dir}" (option postsDir): ${(cause as Error).message}`, { cause });
  }
  if (broken.length > 0) throw new PostsError(broken);
  return files.sort();
}

function realpathOrSelf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder; // not there (yet): nothing inside it to skip
  }
}

/**
 * A text encoding other than UTF-8 that a post is plainly in: UTF-16 or UTF-32 by its byte-order
 * mark, or UTF-16 without one (ASCII characters there are a letter and a zero byte).
 */
function otherEncoding(bytes: Buffer): { name: string; iconv: string } | undefined {
  const starts = (...head: number[]) => head.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xfe, 0, 0)) return { name: "UTF-32 (little-endian)", iconv: "UTF-32" };
  if (starts(0, 0, 0xfe, 0xff)) return { name: "UTF-32 (big-endian)", iconv: "UTF-32" };
  if (starts(0xff, 0xfe)) return { name: "UTF-16 (little-endian)", iconv: "UTF-16" };
  if (starts(0xfe, 0xff)) return { name: "UTF-16 (big-endian)", iconv: "UTF-16" };
  // No mark: "---" is the first thing in a post, so "-\0-\0" or "\0-\0-".
  if (starts(0x2d, 0, 0x2d, 0)) return { name: "UTF-16 (little-endian, without a byte-order mark)", iconv: "UTF-16LE" };
  if (starts(0, 0x2d, 0, 0x2d)) return { name: "UTF-16 (big-endian, without a byte-order mark)", iconv: "UTF-16BE" };
  return undefined;
}

/** Where the first byte that is not UTF-8 is, for the message: "line 3, byte 0xE0". */
function describeBadByte(bytes: Buffer): string {
  const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  let start = 0;
  // Line by line (a character's bytes never hold a line feed), then byte by byte in the bad line.
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(slice);
    } catch {
      // The byte that starts the bad character: a character's first byte gives nothing until its last comes.
      const decoder = new TextDecoder("utf-8", { fatal: true });
      let pending: number | undefined;
      for (let i = 0; i < slice.length; i++) {
        try {
          if (decoder.decode(slice.subarray(i, i + 1), { stream: true }) === "") pending ??= i;
          else pending = undefined;
        } catch {
          return `line ${line}, byte ${hex(slice[pending ?? i]!)}`;
        }
      }
      return `line ${line}, byte ${hex(slice[pending ?? slice.length - 1]!)}`; // the line ends inside a character
    }
    if (end === -1) break;
    start = end + 1;
  }
  return "bytes that do not form characters";
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
