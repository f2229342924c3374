/**
 * A raster photo decoded whole before it is used: a truncated or damaged file (whose header reads
 * fine) is a problem of the posts that use it, found when posts are checked, rather than sharp's
 * failure in the middle of encoding.
 *
 * Every pixel (every frame of a GIF) goes through sharp, as strict as the encoding that follows
 * (`failOn: "warning"`, sharp's default), streamed row by row to nowhere: measured on 12-megapixel
 * photos, this is the cheapest full decode (`stats()` costs ~1.5–2× as much, `raw().toBuffer()`
 * holds the whole bitmap), and it fails on every truncated JPEG, PNG, WebP, AVIF and GIF tried. A
 * photo that decoded is remembered by the hash of its bytes (with libvips' version): an empty file
 * under `<cache>/decoded/`, so an unchanged photo is never decoded again, in this build or the next.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { once } from "../../kernel/per-process.ts";

/** sharp, loaded by the first photo to check (a site without photos never loads it), then kept for the process. */
const loadSharp = once(async () => (await import("sharp")).default);

export class PhotoDecoder {
  readonly #folder: string;

  /** `cacheDir`: the image cache folder; markers go to its `decoded/` folder. */
  constructor(cacheDir: string) {
    this.#folder = path.join(cacheDir, "decoded");
  }

  /** The marker of these bytes: present once they decoded whole. */
  async marker(bytes: Uint8Array): Promise<string> {
    const { versions } = await loadSharp();
    const hash = createHash("sha256").update(`newsroom decode 1\0libvips ${versions.vips}\0failOn warning\0`).update(bytes).digest("hex");
    return path.join(this.#folder, hash);
  }

  /** Decodes every pixel of the photo, unless these bytes did before; rejects with sharp's error when it cannot. */
  async check(bytes: Uint8Array, { animated }: { animated: boolean }): Promise<void> {
    const marker = await this.marker(bytes);
    if (existsSync(marker)) return;
    const sharp = await loadSharp();
    const nowhere = new Writable({ write: (_chunk, _encoding, done) => done() });
    const decoding = sharp(bytes, { failOn: "warning", sequentialRead: true, animated }).raw();
    // What libvips warned about, for an error that says only "Warning treated as error due to failOn setting".
    const warnings = new Set<string>();
    decoding.on("warning", (warning: unknown) => warnings.add(String(warning).trim()));
    try {
      await pipeline(decoding, nowhere);
    } catch (error) {
      const message = (error as Error).message;
      // Seen with several photos decoding at once: the specific message ("VipsJpeg: premature end of
      // JPEG image") replaced by the generic one. The warnings then say what it was.
      if (!/warning treated as error/i.test(message)) throw error;
      const detail = [...warnings].filter((w) => !/^error in tile/i.test(w));
      throw new Error(`${detail.length > 0 ? detail.slice(0, 2).join("; ") : "libvips warned while decoding it"} (${message})`, {
        cause: error,
      });
    }
    await mkdir(this.#folder, { recursive: true });
    await writeFile(marker, "");
  }

  /** Forgets that these bytes decoded (their encoding failed after all: the next build checks them again). */
  async forget(bytes: Uint8Array): Promise<void> {
    await rm(await this.marker(bytes), { force: true });
  }
}

/** A picture's own size from its header (an animated GIF: one frame's). */
export async function imageSize(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const sharp = await loadSharp();
  const { width, height, pageHeight } = await sharp(bytes).metadata();
  return { width, height: pageHeight ?? height };
}
