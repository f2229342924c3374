/**
 * Responsive photos with @11ty/eleventy-img: every local raster image of a post (its lead `image`
 * and the images of its body) in several widths and formats, written as `<picture>` with
 * `srcset`, `sizes`, `width` and `height` (no layout shift), lazy except where it leads. SVG and
 * GIF pictures are served as written, as an `<img>` with their own `width` and `height`.
 *
 * One build's steps:
 *   prepare(posts, outputDir): checks each picture whole (a missing file, a raster photo that does
 *                   not decode to its last pixel, an SVG with a script or a reference to other files
 *                   is a problem of the posts that use it) and starts encoding the renditions in the
 *                   background, each photo's linked into the output as soon as it is encoded;
 *   withPictures(posts): the posts with their bodies' `<img>` made `<picture>`;
 *   picture(src, …) / shareImage(src): markup and the 1200-pixel rendition for templates;
 *   whenPublished(page): a page, once the renditions it names are in the output (Eleventy writes it
 *                   then: no page ever points at a rendition that was not written);
 *   publish(): waits for the encodings (an encoding that failed is a `PhotoError` naming the photo
 *                   and its posts).
 *
 * Renditions are encoded into a cache folder kept between builds, under names that hash the
 * photo's bytes and the settings: an unchanged photo is never encoded again, and a changed one
 * gets new URLs (no stale copy in a reader's cache). Remote images pass through.
 */
import { existsSync, statSync } from "node:fs";
import { copyFile, link, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { NewsroomError, type PostProblem, PostsError } from "../../kernel/errors.ts";
import type { Logger } from "../../kernel/log.ts";
import type { Post } from "../../posts/post.ts";
import { imageFile } from "../../posts/post-schema.ts";
import { imageSize, PhotoDecoder } from "./photo-check.ts";
import { inspectSvg } from "./svg.ts";

type ImageLibrary = typeof import("@11ty/eleventy-img");

export interface ImageSettings {
  /** The site's input folder: a site path "/images/a.jpg" is this folder's images/a.jpg. */
  inputDir: string;
  /** Where renditions are encoded and kept between builds (and which photos decoded whole, in its `decoded/`). */
  cacheDir: string;
  /** The renditions' URL folder in the site, e.g. "/img/". */
  url: string;
  widths: readonly number[];
  formats: readonly ("avif" | "webp" | "jpeg" | "png")[];
  /** Adds the deploy path prefix to a site path. */
  prefix: (url: string) => string;
  /** Where the warnings (an SVG of no size) go. */
  log: Logger;
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
const SHARE_WIDTH = 1200;
/** What the build does with a local picture, by its extension: encode renditions, or serve it as written. */
const KINDS: [RegExp, Kind][] = [
  [/\.(?:jpe?g|png|webp|avif)$/i, "raster"],
  [/\.gif$/i, "gif"],
  [/\.svg$/i, "svg"],
];
/** `<img>` as markdown-it writes it, and alone in its paragraph (then it may become a `<figure>`). */
const BODY_IMG = /<img src="([^"]*)" alt="([^"]*)"(?: title="([^"]*)")?>/g;
const IMG_PARAGRAPH = /<p><img src="([^"]*)" alt="([^"]*)"(?: title="([^"]*)")?><\/p>/g;

type Kind = "raster" | "gif" | "svg";
type Metadata = Record<string, { url: string; width: number; height: number; srcset: string }[]>;
type ImageOptions = Record<string, unknown>;

/** What a picture's file showed: the renditions to make (raster), its own size (GIF, SVG), or what is wrong with it. */
type Inspection =
  | { metadata: Metadata; options: ImageOptions }
  | { size: { width: number; height: number } | undefined }
  | { expected?: string; found: string };

/** One picture of this build and the posts that show it. */
interface Picture {
  src: string;
  file: string;
  kind: Kind;
  usedBy: { post: Post; field: string }[];
  /** Raster photos: the renditions, by format. */
  metadata?: Metadata;
  options?: ImageOptions;
  /** GIF and SVG: their own size, when the file says it. */
  size?: { width: number; height: number } | undefined;
  /** Raster photos: settles when the renditions are in the output; rejects with a `PhotoError`. */
  published?: Promise<void>;
}

/** A photo whose renditions could not be encoded or put into the output (after it was checked whole). */
export class PhotoError extends NewsroomError {
  readonly src: string;
  readonly file: string;
  readonly posts: readonly string[];
  constructor(picture: { src: string; file: string; usedBy: readonly { post: Pick<Post, "inputPath">; field: string }[] }, cause: unknown) {
    const users = picture.usedBy.map(({ post, field }) => `${post.inputPath} (${field})`);
    super(
      `the photo ${picture.src} (${displayPath(picture.file)}) could not be encoded into its renditions: ${firstLine(cause)}; ` +
        `used by ${users.join(", ")}. Its pages were not written; check the file (it is checked whole again at the next build).`,
      { cause },
    );
    this.name = "PhotoError";
    this.src = picture.src;
    this.file = picture.file;
    this.posts = picture.usedBy.map(({ post }) => post.inputPath);
  }
}

export class ResponsiveImages {
  readonly #settings: ImageSettings;
  readonly #decoder: PhotoDecoder;
  /** What each file showed, by its path, size and modification time (an unchanged file is not read again). */
  readonly #inspected = new Map<string, Promise<Inspection>>();
  /** This build's pictures, by site path. */
  #pictures = new Map<string, Picture>();
  /** This build's raster photos, by the file name of each of their renditions. */
  #byRendition = new Map<string, Picture>();
  /** A rendition's URL in a page: its file name is the group. */
  readonly #renditionUrl: RegExp;
  readonly #withPictures = new WeakMap<Post, Post>();
  /**
   * @11ty/eleventy-img, and sharp under it: 34 MB of memory once loaded, so loaded by the first build
   * that has a photo to read. A site without photos (or with SVGs only) never loads it.
   */
  #library: ImageLibrary | undefined;

  constructor(settings: ImageSettings) {
    this.#settings = settings;
    this.#decoder = new PhotoDecoder(settings.cacheDir);
    this.#renditionUrl = new RegExp(`${settings.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^\\s"'<>(),?#&]+)`, "g");
  }

  /**
   * Checks every picture the posts use, whole, and starts encoding the photos into `outputDir`.
   * Throws `PostsError` naming every post with a missing, damaged or unsafe picture.
   */
  async prepare(posts: readonly Post[], outputDir: string): Promise<void> {
    const pictures = new Map<string, Picture>();
    for (const post of posts) {
      const images = [
        ...(post.image ? [{ src: post.image, field: "image" }] : []),
        ...bodyImages(post).map((src) => ({ src, field: "body" })),
      ];
      for (const { src, field } of images) {
        const kind = localKind(src);
        if (!kind) continue;
        const picture = pictures.get(src) ?? { src, kind, file: path.join(this.#settings.inputDir, sitePath(src)), usedBy: [] };
        picture.usedBy.push({ post, field });
        pictures.set(src, picture);
      }
    }
    const problems: PostProblem[] = [];
    await Promise.all(
      [...pictures.values()].map(async (picture) => {
        const inspection: Inspection =
          existsSync(picture.file) && statSync(picture.file).isFile() ? await this.#inspect(picture) : { found: "no such file" };
        if ("found" in inspection) {
          const expected = inspection.expected ?? `an image file of the site at ${picture.src}`;
          for (const { post, field } of picture.usedBy) problems.push({ file: post.inputPath, field, expected, found: inspection.found });
        } else Object.assign(picture, inspection);
      }),
    );
    if (problems.length > 0)
      throw new PostsError(
        problems.sort((a, b) => a.file.localeCompare(b.file) || a.field.localeCompare(b.field) || a.expected.localeCompare(b.expected)),
      );

    this.#pictures = pictures;
    this.#byRendition = new Map();
    for (const picture of pictures.values()) {
      if (!picture.metadata) continue;
      for (const name of renditionNames(picture.metadata)) this.#byRendition.set(name, picture);
      picture.published = this.#encode(picture, outputDir);
      picture.published.catch(() => undefined); // awaited, and its error raised, by the pages and publish()
    }
  }

  /** The posts with their bodies' local images made responsive (new objects; unchanged posts give the same ones back). */
  withPictures(posts: readonly Post[]): Post[] {
    return posts.map((post) => {
      if (!post.content.includes("<img ")) return post;
      let done = this.#withPictures.get(post);
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
        this.#withPictures.set(post, done);
      }
      return done;
    });
  }

  /**
   * Markup for a site picture: `<picture>` for a photo, `<img>` with its own width and height for an
   * SVG or GIF; "" for a picture this build did not prepare (remote).
   */
  picture(src: string, alt: string, role: ImageRole): string {
    const picture = this.#pictures.get(src);
    if (!picture) return "";
    const { sizes, lazy } = ROLES[role];
    const priority: { fetchpriority?: string } = role === "lead" || role === "article" ? { fetchpriority: "high" } : {};
    if (!picture.metadata) {
      const attributes: Record<string, string | number | undefined> = {
        src: this.#settings.prefix(src),
        alt,
        ...(picture.size ? picture.size : {}),
        loading: lazy ? "lazy" : "eager",
        decoding: "async",
        ...priority,
      };
      return `<img ${Object.entries(attributes)
        .flatMap(([name, value]) => (value === undefined ? [] : [`${name}="${escapeAttribute(String(value))}"`]))
        .join(" ")}>`;
    }
    return this.#loadedLibrary().generateHTML(this.#prefixed(picture.metadata), {
      alt,
      sizes,
      loading: lazy ? "lazy" : "eager",
      decoding: "async",
      ...priority,
    });
  }

  /**
   * What `picture(src)` depends on beyond src, alt and role (#23's page keys): the rendition names,
   * which hash the photo's bytes, or an SVG's or GIF's size; "" for a picture this build did not prepare.
   */
  pictureKey(src: string): string {
    const picture = this.#pictures.get(src);
    if (!picture) return "";
    return picture.metadata ? renditionNames(picture.metadata).join() : JSON.stringify(picture.size ?? null);
  }

  /** The site path of the JPEG rendition closest to 1200 pixels wide (Open Graph, JSON-LD), or the image itself. */
  shareImage(src: string): string {
    const jpeg = this.#pictures.get(src)?.metadata?.jpeg;
    if (!jpeg) return src;
    return (jpeg.find((r) => r.width >= SHARE_WIDTH) ?? jpeg.at(-1)!).url;
  }

  /**
   * A page's content, once every rendition it names is in the output (Eleventy's transform: the page
   * is written then). Rejects with the `PhotoError` of a photo it shows that could not be encoded.
   */
  async whenPublished<T>(content: T): Promise<T> {
    if (typeof content !== "string" || this.#byRendition.size === 0) return content;
    const waits = new Set<Promise<void>>();
    for (const match of content.matchAll(this.#renditionUrl)) {
      const published = this.#byRendition.get(match[1]!)?.published;
      if (published) waits.add(published);
    }
    await Promise.all(waits);
    return content;
  }

  /** Waits for this build's encodings; throws the `PhotoError` of each photo that could not be encoded. */
  async publish(): Promise<{ files: number }> {
    const photos = [...this.#pictures.values()].filter((p) => p.published);
    const failures = (await Promise.allSettled(photos.map((p) => p.published))).flatMap((r) =>
      r.status === "rejected" ? [r.reason as Error] : [],
    );
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) {
      throw new NewsroomError(`${failures.length} photos could not be encoded:\n${failures.map((f) => `  - ${f.message}`).join("\n")}`, {
        cause: new AggregateError(failures, `${failures.length} photos`),
      });
    }
    return { files: this.#byRendition.size };
  }

  /** Encodes a photo's renditions (in the cache) and links them into the output. */
  async #encode(picture: Picture, outputDir: string): Promise<void> {
    try {
      const { default: Image } = await this.#imageLibrary();
      await Image(picture.file, picture.options!);
      const target = path.join(outputDir, ...this.#settings.url.split("/").filter(Boolean));
      await mkdir(target, { recursive: true });
      await Promise.all(
        renditionNames(picture.metadata!).map(async (name) => {
          const from = path.join(this.#settings.cacheDir, name);
          const to = path.join(target, name);
          if (!existsSync(from)) throw new Error(`the rendition ${name} is missing from ${this.#settings.cacheDir}`);
          if (existsSync(to)) return;
          await link(from, to).catch(() => copyFile(from, to));
        }),
      );
    } catch (error) {
      // It decoded when checked (or was remembered to): check it whole again next time.
      await readFile(picture.file)
        .then((bytes) => this.#decoder.forget(bytes))
        .catch(() => undefined);
      throw new PhotoError(picture, error);
    }
  }

  /** Reads a picture's file, once while it is unchanged (a file found wrong is read again next time). */
  #inspect(picture: Picture): Promise<Inspection> {
    const key = `${picture.kind}\u0000${statKey(picture.file)}`;
    let inspection = this.#inspected.get(key);
    if (!inspection) {
      inspection = this.#inspectFile(picture);
      this.#inspected.set(key, inspection);
      const forget = () => this.#inspected.delete(key);
      inspection.then((result) => "found" in result && forget(), forget);
    }
    return inspection;
  }

  async #inspectFile({ file, kind, src }: Picture): Promise<Inspection> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      return { found: `a file that cannot be read (${firstLine(error)})` };
    }
    if (kind === "svg") {
      const { problems, width, height } = inspectSvg(bytes);
      if (problems.length > 0) {
        return {
          expected: `an SVG picture of the site at ${src} with no script and nothing loaded from other files`,
          found: problems.join("; "),
        };
      }
      if (!width || !height)
        this.#settings.log.warn(
          `${displayPath(file)}: an SVG with no viewBox and no width and height in pixels: pages cannot reserve its space`,
        );
      return { size: width && height ? { width, height } : undefined };
    }
    let header: Inspection;
    try {
      header = kind === "gif" ? { size: await imageSize(bytes) } : await this.#rasterOptions(file);
    } catch (error) {
      return { found: `a file that is not a readable image (${firstLine(error)})` };
    }
    try {
      await this.#decoder.check(bytes, { animated: kind === "gif" });
    } catch (error) {
      return { found: `a truncated or damaged image: it does not decode to its last pixel (${firstLine(error)})` };
    }
    return header;
  }

  /** eleventy-img's options for a photo (the configured widths it reaches, and its own width where it falls between two) and its renditions. */
  async #rasterOptions(file: string): Promise<{ metadata: Metadata; options: ImageOptions }> {
    const { cacheDir, url, widths, formats } = this.#settings;
    const base = { formats: [...formats], outputDir: cacheDir, urlPath: url, failOnError: true };
    const { default: Image } = await this.#imageLibrary();
    const own = (await Image(file, { ...base, widths: ["auto"], statsOnly: true })) as unknown as Metadata;
    const width = Object.values(own)[0]![0]!.width;
    const fitting = widths.filter((w) => w <= width);
    if (width < Math.max(...widths) && !fitting.includes(width)) fitting.push(width);
    const options = { ...base, widths: fitting };
    const metadata = (await Image(file, { ...options, statsOnly: true })) as unknown as Metadata;
    return { metadata, options };
  }

  async #imageLibrary(): Promise<ImageLibrary> {
    this.#library ??= await import("@11ty/eleventy-img");
    return this.#library;
  }

  /** The library, where a photo's metadata (read through it) shows it is loaded. */
  #loadedLibrary(): ImageLibrary {
    if (!this.#library) throw new Error("@11ty/eleventy-img used before a photo was read");
    return this.#library;
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
function bodyImages(post: Pick<Post, "content">): string[] {
  return [...post.content.matchAll(BODY_IMG)].map((m) => decodeAttribute(m[1]!));
}

/** What the build does with an image: undefined for a remote one or an extension it does not know. */
function localKind(src: string): Kind | undefined {
  if (!src.startsWith("/") || src.startsWith("//")) return undefined;
  const file = sitePath(src);
  return KINDS.find(([extension]) => extension.test(file))?.[1];
}

function renditionNames(metadata: Metadata): string[] {
  return Object.values(metadata).flatMap((list) => list.map((r) => path.posix.basename(r.url)));
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

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split("\n")[0]!;
}
