/**
 * Responsive photos with @11ty/eleventy-img: every local raster image of a post (its lead `image`
 * and the images of its body) in several widths and formats, written as `<picture>` with
 * `srcset`, `sizes`, `width` and `height` (no layout shift), lazy except where it leads.
 *
 * One build's steps:
 *   prepare(posts): reads each image's dimensions (a missing or unreadable file is a problem of
 *                   the posts that use it) and starts encoding the renditions in the background;
 *   withPictures(posts): the posts with their bodies' `<img>` made `<picture>`;
 *   picture(src, …) / openGraph(src): markup and the 1200-pixel rendition for templates;
 *   publish(outputDir): waits for the encodings and links the renditions into the output.
 *
 * Renditions are encoded into a cache folder kept between builds, under names that hash the
 * photo's bytes and the settings: an unchanged photo is never encoded again, and a changed one
 * gets new URLs (no stale copy in a reader's cache). Remote images, SVG and GIF pass through.
 */
import { existsSync, statSync } from "node:fs";
import { link, mkdir, readdir, copyFile } from "node:fs/promises";
import path from "node:path";
import { type PostProblem, PostsError } from "../core/errors.ts";
import type { Post } from "../content/post.ts";
import { imageFile } from "../content/post-schema.ts";

type ImageLibrary = typeof import("@11ty/eleventy-img");
let library: ImageLibrary | undefined;

/**
 * @11ty/eleventy-img, and sharp under it: 34 MB of memory once loaded, so loaded by the first build
 * that has a photo to read. A site without photos (or with SVGs only) never loads it.
 */
async function imageLibrary(): Promise<ImageLibrary> {
  library ??= await import("@11ty/eleventy-img");
  return library;
}

/** The library, where a photo's metadata (read through it) shows it is loaded. */
function loadedLibrary(): ImageLibrary {
  if (!library) throw new Error("@11ty/eleventy-img used before a photo was read");
  return library;
}

export interface ImageSettings {
  /** The site's input folder: a site path "/images/a.jpg" is this folder's images/a.jpg. */
  inputDir: string;
  /** Where renditions are encoded and kept between builds. */
  cacheDir: string;
  /** The renditions' URL folder in the site, e.g. "/img/". */
  url: string;
  widths: readonly number[];
  formats: readonly ("avif" | "webp" | "jpeg" | "png")[];
  /** Adds the deploy path prefix to a site path. */
  prefix: (url: string) => string;
}

/** Where an image shows: its `sizes` and whether it loads lazily. */
export type ImageRole = "lead" | "article" | "card" | "body";

const ROLES: Record<ImageRole, { sizes: string; lazy: boolean }> = {
  // The front page's lead story: three fifths of the page from 48rem on.
  lead: { sizes: "(min-width: 48rem) 36rem, 100vw", lazy: false },
  // An article's lead photo and body images: the text column (44rem at most).
  article: { sizes: "(min-width: 46rem) 44rem, 100vw", lazy: false },
  body: { sizes: "(min-width: 46rem) 44rem, 100vw", lazy: true },
  card: { sizes: "(max-width: 40rem) 100vw, 10rem", lazy: true },
};

/** The Open Graph and JSON-LD image width. */
export const SHARE_WIDTH = 1200;
const RASTER = /\.(?:jpe?g|png|webp|avif)$/i;
/** `<img>` as markdown-it writes it, and alone in its paragraph (then it may become a `<figure>`). */
const BODY_IMG = /<img src="([^"]*)" alt="([^"]*)"(?: title="([^"]*)")?>/g;
const IMG_PARAGRAPH = /<p><img src="([^"]*)" alt="([^"]*)"(?: title="([^"]*)")?><\/p>/g;

type Metadata = Record<string, { url: string; width: number; height: number; srcset: string }[]>;

export class ResponsiveImages {
  readonly #settings: ImageSettings;
  /** Dimensions and rendition URLs, by source file and its size and modification time. */
  readonly #stats = new Map<string, Metadata>();
  /** The source files of this build's images, by site path. */
  #sources = new Map<string, string>();
  #encoding: Promise<unknown> = Promise.resolve();
  readonly #pictures = new WeakMap<Post, Post>();

  constructor(settings: ImageSettings) {
    this.#settings = settings;
  }

  /** Reads the images the posts use and starts encoding them. Throws `PostsError` naming every post with a missing or broken image. */
  async prepare(posts: readonly Post[]): Promise<void> {
    const users = new Map<string, { post: Post; field: string }[]>();
    for (const post of posts) {
      const images = [
        ...(post.image ? [{ src: post.image, field: "image" }] : []),
        ...bodyImages(post).map((src) => ({ src, field: "body" })),
      ];
      for (const { src, field } of images) {
        if (!isLocalRaster(src)) continue;
        const list = users.get(src) ?? [];
        list.push({ post, field });
        users.set(src, list);
      }
    }
    const problems: PostProblem[] = [];
    const sources = new Map<string, string>();
    await Promise.all(
      [...users].map(async ([src, usedBy]) => {
        const file = path.join(this.#settings.inputDir, sitePath(src));
        const problem = (found: string) =>
          usedBy.forEach(({ post, field }) =>
            problems.push({ file: post.inputPath, field, expected: `an image file of the site at ${src}`, found }),
          );
        if (!existsSync(file) || !statSync(file).isFile()) return problem("no such file");
        try {
          await this.#metadata(file);
          sources.set(src, file);
        } catch (error) {
          problem(`a file that is not a readable image (${firstLine(error)})`);
        }
      }),
    );
    if (problems.length > 0) throw new PostsError(problems.sort((a, b) => a.file.localeCompare(b.file)));
    this.#sources = sources;
    this.#encoding = Promise.all(
      [...new Set(sources.values())].map(async (file) => (await imageLibrary()).default(file, await this.#options(file))),
    );
    this.#encoding.catch(() => undefined); // awaited, and its error raised, in publish()
  }

  /** The posts with their bodies' local images made responsive (new objects; unchanged posts give the same ones back). */
  withPictures(posts: readonly Post[]): Post[] {
    return posts.map((post) => {
      if (!post.content.includes("<img ")) return post;
      let done = this.#pictures.get(post);
      if (!done) {
        const picture = (tag: string, src: string, alt: string) => this.picture(decodeAttribute(src), decodeAttribute(alt), "body") || tag;
        const content = post.content
          // A photo alone in its paragraph, with a title: a figure and its caption (a figure cannot sit inside a <p>).
          .replace(IMG_PARAGRAPH, (paragraph, src: string, alt: string, title: string | undefined) => {
            const html = picture("", src, alt);
            if (!html || !title) return paragraph;
            return `<figure class="body-figure">${html}<figcaption>${title}</figcaption></figure>`;
          })
          .replace(BODY_IMG, (tag, src: string, alt: string) => picture(tag, src, alt));
        done = { ...post, content };
        this.#pictures.set(post, done);
      }
      return done;
    });
  }

  /** `<picture>` markup for a site image, or "" when it is not one this build prepared (remote, SVG, GIF). */
  picture(src: string, alt: string, role: ImageRole): string {
    const metadata = this.#prepared(src);
    if (!metadata) return "";
    const { sizes, lazy } = ROLES[role];
    return loadedLibrary().generateHTML(this.#prefixed(metadata), {
      alt,
      sizes,
      loading: lazy ? "lazy" : "eager",
      decoding: "async",
      ...(role === "lead" || role === "article" ? { fetchpriority: "high" } : {}),
    });
  }

  /** The site path of the JPEG rendition closest to 1200 pixels wide (Open Graph, JSON-LD), or the image itself. */
  shareImage(src: string): string {
    const jpeg = this.#prepared(src)?.jpeg;
    if (!jpeg) return src;
    return (jpeg.find((r) => r.width >= SHARE_WIDTH) ?? jpeg.at(-1)!).url;
  }

  /** Waits for the encodings and links (or copies) this build's renditions into the output. */
  async publish(outputDir: string): Promise<{ files: number }> {
    await this.#encoding;
    const wanted = new Set<string>();
    for (const src of this.#sources.keys()) {
      for (const list of Object.values(this.#prepared(src)!)) for (const r of list) wanted.add(path.posix.basename(r.url));
    }
    if (wanted.size === 0) return { files: 0 };
    const target = path.join(outputDir, ...this.#settings.url.split("/").filter(Boolean));
    await mkdir(target, { recursive: true });
    const cached = new Set(await readdir(this.#settings.cacheDir));
    await Promise.all(
      [...wanted].map(async (name) => {
        if (!cached.has(name)) throw new Error(`the rendition ${name} is missing from ${this.#settings.cacheDir}`);
        const from = path.join(this.#settings.cacheDir, name);
        const to = path.join(target, name);
        if (existsSync(to)) return;
        await link(from, to).catch(() => copyFile(from, to));
      }),
    );
    return { files: wanted.size };
  }

  #prepared(src: string): Metadata | undefined {
    const file = this.#sources.get(src);
    return file ? this.#stats.get(statKey(file)) : undefined;
  }

  async #metadata(file: string): Promise<Metadata> {
    const key = statKey(file);
    let metadata = this.#stats.get(key);
    if (!metadata) {
      const { default: Image } = await imageLibrary();
      metadata = (await Image(file, { ...(await this.#options(file)), statsOnly: true })) as unknown as Metadata;
      this.#stats.set(key, metadata);
    }
    return metadata;
  }

  /** eleventy-img's options for a photo: the configured widths it reaches, and its own width where it falls between two. */
  async #options(file: string) {
    const { cacheDir, url, widths, formats } = this.#settings;
    const base = { formats: [...formats], outputDir: cacheDir, urlPath: url, failOnError: true };
    const { default: Image } = await imageLibrary();
    const own = (await Image(file, { ...base, widths: ["auto"], statsOnly: true })) as unknown as Metadata;
    const width = Object.values(own)[0]![0]!.width;
    const fitting = widths.filter((w) => w <= width);
    if (width < Math.max(...widths) && !fitting.includes(width)) fitting.push(width);
    return { ...base, widths: fitting };
  }

  #prefixed(metadata: Metadata): Metadata {
    return Object.fromEntries(
      Object.entries(metadata).map(([format, list]) => [
        format,
        list.map((r) => {
          const url = this.#settings.prefix(r.url);
          return { ...r, url, srcset: `${url} ${r.width}w` };
        }),
      ]),
    );
  }
}

/** The site paths of a post body's images, as markdown-it wrote them. */
export function bodyImages(post: Pick<Post, "content">): string[] {
  return [...post.content.matchAll(BODY_IMG)].map((m) => decodeAttribute(m[1]!));
}

function isLocalRaster(src: string): boolean {
  return src.startsWith("/") && !src.startsWith("//") && RASTER.test(sitePath(src));
}

/** The file's site path, read as the post check reads it ("/images/a%231.jpg" is the file "a#1.jpg"). */
function sitePath(src: string): string {
  return imageFile(src);
}

function statKey(file: string): string {
  const stat = statSync(file);
  return `${file}\u0000${stat.size}\u0000${stat.mtimeMs}`;
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split("\n")[0]!;
}
