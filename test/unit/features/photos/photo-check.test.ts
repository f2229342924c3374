/**
 * #21 item 6: a photo is decoded whole, not read by its header only: truncated and damaged JPEG,
 * PNG, WebP, AVIF and GIF files are refused, and a photo that decoded once is never decoded again
 * (remembered by the hash of its bytes under the image cache).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, expect, test } from "vitest";
import { imageSize, PhotoDecoder } from "../../../../src/features/photos/photo-check.ts";

let cache: string;
const photos: Record<string, Buffer> = {};

beforeAll(async () => {
  cache = mkdtempSync(path.join(tmpdir(), "newsroom-decode-"));
  // Noise, so that the encoders cannot squeeze the picture into a few bytes: a cut falls inside the pixels.
  const width = 640;
  const height = 480;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  const image = () => sharp(pixels, { raw: { width, height, channels: 3 } });
  photos.jpeg = await image().jpeg().toBuffer();
  photos.png = await image().png().toBuffer();
  photos.webp = await image().webp().toBuffer();
  photos.avif = await image().avif().toBuffer();
  photos.gif = await image().gif().toBuffer();
});
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const cut = (bytes: Buffer, fraction: number) => bytes.subarray(0, Math.floor(bytes.length * fraction));

test.each(["jpeg", "png", "webp", "avif", "gif"])(
  "a whole %s decodes; cut short anywhere, it does not, though its header still reads",
  async (format) => {
    const decoder = new PhotoDecoder(cache);
    const whole = photos[format]!;
    await expect(decoder.check(whole, { animated: format === "gif" })).resolves.toBeUndefined();
    for (const fraction of [0.5, 0.9, 0.99]) {
      const truncated = cut(whole, fraction);
      if (format === "jpeg" || format === "png") await expect(imageSize(truncated)).resolves.toEqual({ width: 640, height: 480 });
      await expect(decoder.check(truncated, { animated: format === "gif" }), `${format} cut at ${fraction}`).rejects.toThrow();
    }
  },
);

test("a JPEG damaged in the middle (its length intact) does not decode, as sharp would refuse to encode it", async () => {
  const damaged = Buffer.from(photos.jpeg!);
  // A restart marker in the middle of the entropy-coded data: libjpeg warns "Corrupt JPEG data".
  damaged.set([0xff, 0xd4], damaged.length >> 1);
  await expect(sharp(damaged).jpeg().toBuffer()).rejects.toThrow(/Corrupt JPEG data/);
  await expect(new PhotoDecoder(cache).check(damaged, { animated: false })).rejects.toThrow(/Corrupt JPEG data/);
});

test("a photo that decoded is remembered by its bytes: a marker in <cache>/decoded, none for a bad one; forget() drops it", async () => {
  const folder = mkdtempSync(path.join(tmpdir(), "newsroom-decode-cache-"));
  try {
    const decoder = new PhotoDecoder(folder);
    await decoder.check(photos.png!, { animated: false });
    await decoder.check(cut(photos.png!, 0.5), { animated: false }).catch(() => undefined);
    const marker = await decoder.marker(photos.png!);
    expect(path.dirname(marker)).toBe(path.join(folder, "decoded"));
    expect(readdirSync(path.join(folder, "decoded"))).toEqual([path.basename(marker)]);
    // Other bytes, another marker (even one byte more).
    expect(await decoder.marker(Buffer.concat([photos.png!, Buffer.from([0])]))).not.toBe(marker);
    await decoder.forget(photos.png!);
    expect(existsSync(marker)).toBe(false);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("remembered bytes are not decoded again (in a later build too: the marker is on disk)", async () => {
  const folder = mkdtempSync(path.join(tmpdir(), "newsroom-decode-cache-"));
  try {
    // A marker for bytes that do not decode: only a check that skips decoding lets them through.
    const truncated = cut(photos.jpeg!, 0.5);
    const marker = await new PhotoDecoder(folder).marker(truncated);
    mkdirSync(path.dirname(marker), { recursive: true });
    writeFileSync(marker, "");
    await expect(new PhotoDecoder(folder).check(truncated, { animated: false })).resolves.toBeUndefined();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("imageSize reads a GIF's frame size from its header", async () => {
  await expect(imageSize(photos.gif!)).resolves.toEqual({ width: 640, height: 480 });
});
