/**
 * Pictures checked whole when posts are checked (#21 item 6: truncated photos; an encoding that
 * fails anyway is a named error and leaves no page pointing at a missing rendition) and SVG pictures
 * (#21 item 7: unsafe ones refused naming post and file; the page reserves their size).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect, test } from "vitest";
import { PhotoDecoder } from "../../src/features/photos/photo-check.ts";
import { repoRoot, runBuild, runEleventy } from "../helpers/cli.ts";
import { createSite, postFile, postsErrorOf } from "../helpers/site.ts";

/** A noisy photo (a cut falls inside its pixels, not in padding). */
async function photo(format: "jpeg" | "png" | "gif", width = 900, height = 600): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = ((i * 2654435761) >>> 26) + (i % 97);
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return (format === "jpeg" ? image.jpeg() : format === "png" ? image.png() : image.gif()).toBuffer();
}
const cut = (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length * 0.9));
const quiet = { feeds: { enabled: false }, search: { enabled: false }, offline: { enabled: false } } as const;

// A cut WebP was refused before (its header states its length); JPEG and PNG headers read fine when cut.
test("#21 item 6: a truncated JPEG or PNG (its header intact) stops the build naming each post, field and file", async () => {
  const site = createSite({
    "images/cut.jpg": cut(await photo("jpeg")),
    "images/cut.png": cut(await photo("png")),
    "images/prog.jpg": cut(
      await sharp(await photo("jpeg"))
        .jpeg({ progressive: true })
        .toBuffer(),
    ),
    "images/ok.jpg": await photo("jpeg", 500, 300),
    "posts/a.md": postFile({ title: "Ảnh cụt", date: "2020-01-01", image: "/images/cut.jpg" }),
    "posts/b.md": postFile({ title: "Trong bài", date: "2020-01-02" }, "![Ảnh](/images/cut.jpg)\n\n![Ảnh PNG](/images/cut.png)"),
    "posts/c.md": postFile({ title: "Lũy tiến", date: "2020-01-03", image: "/images/prog.jpg" }),
    "posts/d.md": postFile({ title: "Ổn", date: "2020-01-04", image: "/images/ok.jpg" }),
  });
  try {
    const error = await postsErrorOf(site.build(quiet));
    expect(error.problems.map((p) => [path.basename(p.file), p.field, p.expected])).toEqual([
      ["a.md", "image", "an image file of the site at /images/cut.jpg"],
      ["b.md", "body", "an image file of the site at /images/cut.jpg"],
      ["b.md", "body", "an image file of the site at /images/cut.png"],
      ["c.md", "image", "an image file of the site at /images/prog.jpg"],
    ]);
    for (const problem of error.problems)
      expect(problem.found).toMatch(/^a truncated or damaged image: it does not decode to its last pixel \(.+\)$/);
    expect(site.outputFiles()).toEqual([]);
  } finally {
    site.remove();
  }
}, 60_000);

test("#21 item 6: a photo is decoded once: remembered under <images.cache>/decoded by its bytes, not decoded again by the next build (test/unit/features/photos/photo-check.test.ts: a marker is trusted)", async () => {
  const site = createSite({
    "images/a.jpg": await photo("jpeg", 500, 300),
    "images/b.png": await photo("png", 200, 100),
    "posts/a.md": postFile({ title: "Ảnh", date: "2020-01-01", image: "/images/a.jpg" }, "![PNG](/images/b.png)"),
  });
  try {
    await site.build(quiet);
    const decoded = path.join(site.dir, ".cache", "newsroom-img", "decoded");
    const markers = () => Object.fromEntries(readdirSync(decoded).map((f) => [f, statSync(path.join(decoded, f)).mtimeMs]));
    const first = markers();
    expect(Object.keys(first)).toHaveLength(2);
    // A new plugin instance (nothing kept in memory): a photo decoded again would rewrite its marker.
    await site.build(quiet);
    expect(markers()).toEqual(first);
  } finally {
    site.remove();
  }
}, 60_000);

test("#21 item 6: a photo that fails while encoding is a PhotoError naming it and its posts, without a stack trace; under plain Eleventy no written page points at a missing rendition; the next build checks it whole again", async () => {
  const site = createSite({
    "images/good.jpg": await photo("jpeg", 700, 400),
    "images/bad.jpg": cut(await photo("jpeg", 1300, 800)),
    "posts/good.md": postFile({ title: "Ảnh tốt", date: "2020-01-01", image: "/images/good.jpg", featured: true }),
    "posts/bad.md": postFile({ title: "Ảnh hỏng", date: "2020-01-02", image: "/images/bad.jpg" }),
    "posts/other.md": postFile({ title: "Bài khác", date: "2020-01-03" }, "Chữ.\n\n![Ảnh](/images/bad.jpg)"),
    // A page of the site's own (its own template, so not held back by the article pages' failure) with the good photo.
    "gioi-thieu.njk": '---\npermalink: /gioi-thieu/\n---\n{{ "/images/good.jpg" | picture("Ảnh", "body") | safe }}\n',
  });
  const cache = path.join(site.dir, ".cache", "newsroom-img");
  site.write({
    "eleventy.config.ts":
      `import newsroom from ${JSON.stringify(path.join(repoRoot, "src/index.ts"))};\n` +
      `export default (c: any) => { c.addPlugin(newsroom, ${JSON.stringify({ ...quiet, locale: "vi", timeZone: "UTC", images: { cache } })}); };\n`,
  });
  // As if an earlier check had passed these bytes (say, under another libvips): encoding is where they fail.
  const marker = await new PhotoDecoder(cache).marker(readFileSync(path.join(site.dir, "images/bad.jpg")));
  const trustBadPhoto = () => {
    mkdirSync(path.dirname(marker), { recursive: true });
    writeFileSync(marker, "");
  };
  try {
    trustBadPhoto();
    // Plain Eleventy, writing into its output folder as it goes (in a child process: its writes under way finish before it exits).
    const eleventy = runEleventy(["--config=eleventy.config.ts", "--quiet"], { cwd: site.dir });
    expect(eleventy.status, eleventy.output).not.toBe(0);
    expect(eleventy.stderr).toMatch(
      /eleventy-plugin-newsroom: the photo \/images\/bad\.jpg \(images\/bad\.jpg\) could not be encoded into its renditions: .*JPEG.*; used by .*\b(?:bad\.md \(image\), .*other\.md \(body\)|other\.md \(body\), .*bad\.md \(image\))/,
    );
    const files = new Set(site.outputFiles());
    for (const file of files) {
      if (!file.endsWith(".html")) continue;
      for (const [, name] of site.readOutput(file).matchAll(/\/img\/([^\s"',]+)/g))
        expect(files.has(`img/${name}`), `${file} names /img/${name}`).toBe(true);
    }
    expect(site.readOutput("gioi-thieu/index.html")).toMatch(/<picture>.*\/img\/[\w-]+-700\.jpeg/s);
    expect(files.has("2020/01/02/anh-hong/index.html")).toBe(false);
    expect(files.has("2020/01/03/bai-khac/index.html")).toBe(false);
    // The encoding failed: the bytes are no longer trusted.
    expect(existsSync(marker)).toBe(false);

    // `newsroom build`: the same error, in a few lines, with no stack trace.
    trustBadPhoto();
    const build = runBuild(["--config=eleventy.config.ts", "--output=_built", "--quiet"], { cwd: site.dir });
    expect(build.status, build.output).toBe(1);
    expect(build.stderr).toMatch(/the photo \/images\/bad\.jpg \(images\/bad\.jpg\) could not be encoded into its renditions/);
    expect(build.stderr).not.toMatch(/^\s+at /m);

    // Checked whole again: now a problem of the posts, named.
    const again = await postsErrorOf(site.build(quiet));
    expect(again.problems.map((p) => [path.basename(p.file), p.field, p.found.split(":")[0]])).toEqual([
      ["bad.md", "image", "a truncated or damaged image"],
      ["other.md", "body", "a truncated or damaged image"],
    ]);
  } finally {
    site.remove();
  }
}, 120_000);

test("#21 item 7: an SVG picture with a script, an event handler or an external reference stops the build naming the post, field, file and what was found", async () => {
  const ns = 'xmlns="http://www.w3.org/2000/svg"';
  const site = createSite({
    "images/script.svg": `<svg ${ns} viewBox="0 0 10 10">\n<script>fetch("/admin/")</script>\n</svg>`,
    "images/onload.svg": `<svg ${ns} viewBox="0 0 10 10" onload="alert(1)"><use href="https://evil.example/x.svg#a"/></svg>`,
    "images/ok.svg": `<svg ${ns} viewBox="0 0 10 10"><rect width="10" height="10" fill="#c33"/></svg>`,
    "posts/a.md": postFile({ title: "Kịch bản", date: "2020-01-01", image: "/images/script.svg" }),
    "posts/b.md": postFile({ title: "Sự kiện", date: "2020-01-02" }, "![Hình](/images/onload.svg)"),
    "posts/c.md": postFile({ title: "Ổn", date: "2020-01-03", image: "/images/ok.svg" }),
  });
  try {
    const error = await postsErrorOf(site.build(quiet));
    expect(error.problems.map((p) => [path.basename(p.file), p.field, p.expected, p.found])).toEqual([
      [
        "a.md",
        "image",
        "an SVG picture of the site at /images/script.svg with no script and nothing loaded from other files",
        "a <script> element (line 2)",
      ],
      [
        "b.md",
        "body",
        "an SVG picture of the site at /images/onload.svg with no script and nothing loaded from other files",
        "an event handler: the attribute onload of <svg> (line 1); a reference to another file (https://evil.example/x.svg#a) in the attribute href of <use> (line 1)",
      ],
    ]);
  } finally {
    site.remove();
  }
});

test("#21 item 7: SVG and GIF pictures get their width and height (from the viewBox, the attributes, the GIF's header), lazy where photos are", async () => {
  const ns = 'xmlns="http://www.w3.org/2000/svg"';
  const site = createSite({
    "images/lead.svg": `<svg ${ns} viewBox="0 0 1200 675"><rect width="1200" height="675" fill="#9cc9ec"/></svg>`,
    "images/map.svg": `<svg ${ns} width="400" height="300"><circle cx="200" cy="150" r="100"/></svg>`,
    "images/loop.gif": await photo("gif", 320, 180),
    "posts/a.md": postFile(
      { title: "Bài có hình", date: "2020-01-02", image: "/images/lead.svg", image_alt: "Sông Mã", featured: true },
      'Mở đầu.\n\n![Bản đồ](/images/map.svg "Bản đồ huyện")\n\n![Hoạt hình](/images/loop.gif)',
    ),
  });
  try {
    await site.build(quiet);
    const article = site.page("/2020/01/02/bai-co-hinh/");
    const lead = article.querySelector(".article-figure img")!;
    expect(lead.attributes).toMatchObject({
      src: "/images/lead.svg",
      alt: "Sông Mã",
      width: "1200",
      height: "675",
      loading: "eager",
      fetchpriority: "high",
    });
    const figure = article.querySelector(".article-body figure.body-figure")!;
    expect(figure.querySelector("img")!.attributes).toMatchObject({
      src: "/images/map.svg",
      alt: "Bản đồ",
      width: "400",
      height: "300",
      loading: "lazy",
    });
    expect(figure.querySelector("figcaption")!.text).toBe("Bản đồ huyện");
    const gif = article.querySelector('.article-body img[src="/images/loop.gif"]')!;
    expect(gif.attributes).toMatchObject({ width: "320", height: "180", loading: "lazy", decoding: "async" });
    expect(site.page("/").querySelector(".lead-image img")!.attributes).toMatchObject({ width: "1200", height: "675", loading: "eager" });
    expect(site.page("/2020/").querySelector(".post-card-image img")!.attributes).toMatchObject({
      width: "1200",
      height: "675",
      loading: "lazy",
    });
  } finally {
    site.remove();
  }
}, 60_000);
