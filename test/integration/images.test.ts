/** Responsive photos: renditions, markup, sharing image, cache, and the errors of a missing or broken photo. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { afterAll, beforeAll, expect, test } from "vitest";
import { PostsError } from "../../src/kernel/errors.ts";
import { repoRoot, runBuild } from "../helpers/cli.ts";
import { createSite, type FixtureSite, postFile, postsErrorOf } from "../helpers/site.ts";

let site: FixtureSite;
const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 80 } } })
    .jpeg()
    .toBuffer();

beforeAll(async () => {
  site = createSite({
    "images/lead.jpg": await photo(1600, 1000),
    "images/small.png": await sharp({ create: { width: 600, height: 400, channels: 3, background: "#c33" } })
      .png()
      .toBuffer(),
    "images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    "posts/a.md": postFile(
      { title: "Bài có ảnh", date: "2020-01-02", image: "/images/lead.jpg", image_alt: "Ảnh đầu bài", featured: true },
      'Mở đầu.\n\n![Ảnh trong bài](/images/small.png "Chú thích ảnh")\n\n![Logo](/images/logo.svg)\n\n![Ảnh ngoài](https://cdn.example/x.jpg)',
    ),
  });
  await site.build({ locale: "vi", site: { url: "https://tin.example/" } });
});
afterAll(() => site.remove());

const article = () => site.page("/2020/01/02/bai-co-anh/");

test("a post's lead photo becomes a <picture>: AVIF, WebP and JPEG at each width up to the photo's own, width and height set, loaded first", () => {
  const picture = article().querySelector(".article-figure picture")!;
  const sources = picture.querySelectorAll("source");
  expect(sources.map((s) => s.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
  for (const source of sources) expect(source.getAttribute("srcset")).toMatch(/-480\.\w+ 480w, .*-800\.\w+ 800w, .*-1200\.\w+ 1200w$/);
  const img = picture.querySelector("img")!;
  expect(img.getAttribute("srcset")).toMatch(
    /^\/img\/[\w-]+-480\.jpeg 480w, \/img\/[\w-]+-800\.jpeg 800w, \/img\/[\w-]+-1200\.jpeg 1200w$/,
  );
  expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["1200", "750"]);
  expect(img.getAttribute("alt")).toBe("Ảnh đầu bài");
  expect(img.getAttribute("loading")).toBe("eager");
  expect(img.getAttribute("sizes")).toBeTruthy();
  // Every rendition named in the page is in the output.
  const files = new Set(site.outputFiles());
  for (const url of [
    img.getAttribute("src")!,
    ...sources.flatMap((s) =>
      s
        .getAttribute("srcset")!
        .split(", ")
        .map((c) => c.split(" ")[0]!),
    ),
  ]) {
    expect(files.has(url.slice(1))).toBe(true);
  }
});

test("body images are lazy <picture>s (a title becomes the caption); SVG and remote images pass through untouched", () => {
  const body = article().querySelector(".article-body")!;
  const figure = body.querySelector("figure.body-figure")!;
  expect(figure.querySelector("figcaption")!.text).toBe("Chú thích ảnh");
  const img = figure.querySelector("picture img")!;
  expect(img.getAttribute("loading")).toBe("lazy");
  expect(img.getAttribute("decoding")).toBe("async");
  // A 600-pixel photo is never enlarged: 480 and its own 600.
  expect(img.getAttribute("srcset")).toMatch(/-480\.jpeg 480w, \/img\/[\w-]+-600\.jpeg 600w$/);
  expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["600", "400"]);
  const plain = body.querySelectorAll("img:not(picture img)").map((i) => i.getAttribute("src"));
  expect(plain).toEqual(["/images/logo.svg", "https://cdn.example/x.jpg"]);
});

test("Open Graph and JSON-LD share the 1200-pixel JPEG; lists and the front page show the photo responsive too", () => {
  const page = article();
  expect(page.querySelector('meta[property="og:image"]')!.getAttribute("content")).toMatch(
    /^https:\/\/tin\.example\/img\/[\w-]+-1200\.jpeg$/,
  );
  const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.innerHTML);
  expect(jsonLd.image[0]).toMatch(/^https:\/\/tin\.example\/img\/[\w-]+-1200\.jpeg$/);
  const lead = site.page("/").querySelector(".lead-image picture img")!;
  expect(lead.getAttribute("loading")).toBe("eager");
  const card = site.page("/2020/").querySelector(".post-card-image picture img")!;
  expect(card.getAttribute("loading")).toBe("lazy");
});

test("an unchanged photo is not encoded again: the next build reuses the cached renditions", async () => {
  const cache = path.join(site.dir, ".cache", "newsroom-img");
  const before = Object.fromEntries(readdirSync(cache).map((f) => [f, statSync(path.join(cache, f)).mtimeMs]));
  expect(Object.keys(before).length).toBeGreaterThanOrEqual(15);
  await site.build({ locale: "vi", site: { url: "https://tin.example/" } });
  const after = Object.fromEntries(readdirSync(cache).map((f) => [f, statSync(path.join(cache, f)).mtimeMs]));
  expect(after).toEqual(before);
  expect(article().querySelector(".article-figure picture")).not.toBeNull();
});

test("a missing or broken photo stops the build naming each post and field that uses it", async () => {
  const bad = createSite({
    "images/broken.jpg": "this is not a JPEG",
    "images/ok.jpg": await photo(500, 300),
    "posts/broken-lead.md": postFile({ title: "Ảnh hỏng", date: "2020-01-01", image: "/images/broken.jpg" }),
    "posts/missing-body.md": postFile({ title: "Thiếu ảnh", date: "2020-01-02" }, "![Ảnh](/images/khong-co.jpg)"),
    "posts/fine.md": postFile({ title: "Ổn", date: "2020-01-03", image: "/images/ok.jpg" }),
  });
  try {
    const error = await postsErrorOf(bad.build());
    expect(error).toBeInstanceOf(PostsError);
    expect(error.problems.map((p) => [path.basename(p.file), p.field, p.found.split(" (")[0]])).toEqual([
      ["broken-lead.md", "image", "a file that is not a readable image"],
      ["missing-body.md", "body", "no such file"],
    ]);
    expect(error.problems[1]!.expected).toBe("an image file of the site at /images/khong-co.jpg");
  } finally {
    bad.remove();
  }
});

test("with images off, photos are served as written", async () => {
  const plain = createSite({
    "images/lead.jpg": await photo(800, 500),
    "posts/a.md": postFile({ title: "Ảnh", date: "2020-01-02", image: "/images/lead.jpg" }),
  });
  try {
    await plain.build({ images: { enabled: false } });
    expect(plain.page("/2020/01/02/anh/").querySelector(".article-figure img")!.getAttribute("src")).toBe("/images/lead.jpg");
    expect(plain.outputFiles().some((f) => f.startsWith("img/"))).toBe(false);
  } finally {
    plain.remove();
  }
});

test("a site without photos never loads the image library (sharp alone is 34 MB); one photo does", async () => {
  // Each site is built by `newsroom build` in a child process whose preload script lists, at exit,
  // the files of sharp (a CommonJS package) that Node loaded.
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-img-lazy-"));
  try {
    const preload = path.join(dir, "list-sharp.mjs");
    writeFileSync(
      preload,
      `import { createRequire } from "node:module";\nimport { writeFileSync } from "node:fs";\nconst { cache } = createRequire(import.meta.url);\nprocess.on("exit", () => writeFileSync(process.env.SHARP_LIST, Object.keys(cache).filter((f) => f.includes("sharp")).join("\\n")));\n`,
    );
    const config = path.join(dir, "eleventy.config.ts");
    writeFileSync(
      config,
      `import newsroom from ${JSON.stringify(path.join(repoRoot, "src/index.ts"))};\nexport default (c: any) => { c.addPlugin(newsroom, { locale: "vi", search: { cache: false }, images: { cache: ${JSON.stringify(path.join(dir, "cache"))} } }); c.addPassthroughCopy("images"); };\n`,
    );
    const sharpLoaded = (files: Record<string, string | Buffer>) => {
      const fixture = createSite(files);
      try {
        const list = path.join(dir, "sharp.txt");
        const result = runBuild([`--config=${config}`, `--input=${fixture.dir}`, `--output=${fixture.out}`, "--quiet"], {
          cwd: fixture.dir,
          env: { NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`, SHARP_LIST: list },
        });
        expect(result.status, result.output).toBe(0);
        return readFileSync(list, "utf8") !== "";
      } finally {
        fixture.remove();
      }
    };
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    const post = (image: string) => postFile({ title: "Tin", date: "2020-01-02", image, image_alt: "Ảnh" }, "Thân bài.");
    expect(sharpLoaded({ "images/logo.svg": svg, "posts/a.md": post("/images/logo.svg") })).toBe(false);
    expect(sharpLoaded({ "images/lead.jpg": await photo(800, 500), "posts/a.md": post("/images/lead.jpg") })).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
