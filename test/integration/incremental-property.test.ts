/**
 * #23 item 3 (byte-identical to a full build): after any sequence of changes — posts added, edited,
 * re-dated, renamed, deleted, drafted, moved into the future or to another section; a picture, an
 * include, an option or the path prefix changed; the page store, the post cache or the output damaged or deleted;
 * `--full` — an incremental `newsroom build` writes exactly the files a full plain-Eleventy build
 * writes, byte for byte. No file is exempt: two full builds of the same inputs are identical (the
 * site has no search index, whose own cache and tests are elsewhere, and nothing in the output
 * comes from the clock). Only `.newsroom-output`, the command's mark on its output, is left out.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect, test } from "vitest";
import { baseOptions, IncrementalSite, type PostSpec, SECTIONS, svg, TAGS } from "../helpers/incremental.ts";

interface Model {
  posts: Map<string, PostSpec>;
  next: number;
}

type Step = (site: IncrementalSite, model: Model) => { full?: boolean; nothing?: boolean } | void;

/** A counter for the steps that need a new value each time (fast-check replays stay deterministic within a run). */
let tick = 0;

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
const date = (day: number, hour: number) => `2019-10-${String(1 + (day % 9)).padStart(2, "0")} ${String(hour % 24).padStart(2, "0")}:00`;

/** Changes one post (when there is one) and writes it. */
const onPost =
  (change: (spec: PostSpec, n: number) => PostSpec) =>
  (n: number): Step =>
  (site, model) => {
    const name = pick([...model.posts.keys()], n);
    if (!name) return;
    const spec = change(model.posts.get(name)!, n);
    model.posts.set(name, spec);
    site.post(name, spec);
  };

/** The post cache's segment files, in order. */
const postSegments = (site: IncrementalSite) => {
  const dir = site.path(".cache", "newsroom-pages", "posts");
  return existsSync(dir)
    ? readdirSync(dir)
        .sort()
        .map((name) => path.join(dir, name))
    : [];
};
const storePages = (site: IncrementalSite) => {
  const dir = site.path(".cache", "newsroom-pages", "pages");
  return existsSync(dir)
    ? (readdirSync(dir, { recursive: true, withFileTypes: true }) as { isFile(): boolean; parentPath: string; name: string }[])
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .sort()
    : [];
};

const step: fc.Arbitrary<[string, Step]> = fc.oneof(
  fc.tuple(fc.nat(20), fc.nat(23), fc.nat(8)).map(([day, hour, n]): [string, Step] => [
    "add a post",
    (site, model) => {
      const name = `n${model.next++}`;
      const spec = { title: `Tin ${name}`, date: date(day, hour), category: SECTIONS[n % 3]!, tags: [TAGS[n % 4]!], body: `Thân ${name}.` };
      model.posts.set(name, spec);
      site.post(name, spec);
    },
  ]),
  fc.nat().map((n): [string, Step] => ["edit a body", onPost((s) => ({ ...s, body: `${s.body} Thêm.` }))(n)]),
  fc.nat().map((n): [string, Step] => ["edit a title", onPost((s) => ({ ...s, title: `${s.title} mới` }))(n)]),
  fc
    .tuple(fc.nat(), fc.nat(20), fc.nat(23))
    .map(([n, d, h]): [string, Step] => ["re-date", onPost((s) => ({ ...s, date: date(d, h) }))(n)]),
  fc.nat().map((n): [string, Step] => ["draft or publish", onPost((s) => ({ ...s, draft: !s.draft }))(n)]),
  fc.nat().map((n): [string, Step] => ["into the future", onPost((s) => ({ ...s, date: "2099-01-01 08:00" }))(n)]),
  fc.tuple(fc.nat(), fc.nat(2)).map(([n, c]): [string, Step] => ["change section", onPost((s) => ({ ...s, category: SECTIONS[c]! }))(n)]),
  fc.tuple(fc.nat(), fc.nat(3)).map(([n, t]): [string, Step] => ["change tags", onPost((s) => ({ ...s, tags: [TAGS[t]!] }))(n)]),
  fc.nat().map((n): [string, Step] => ["feature", onPost((s) => ({ ...s, featured: !s.featured }))(n)]),
  fc
    .tuple(fc.nat(), fc.constantFrom(undefined, "/images/p.svg", "/images/q.svg"))
    .map(([n, image]): [string, Step] => ["set an image", onPost((s) => ({ ...s, image }))(n)]),
  fc.nat().map((n): [string, Step] => ["change a slug", onPost((s, k) => ({ ...s, slug: `duong-dan-${k % 5}` }))(n)]),
  fc.nat().map((n): [string, Step] => [
    "delete a post",
    (site, model) => {
      const name = pick([...model.posts.keys()], n);
      if (!name) return;
      model.posts.delete(name);
      site.remove(`posts/${name}.md`);
    },
  ]),
  fc.nat().map((n): [string, Step] => [
    "rename a post file",
    (site, model) => {
      const name = pick([...model.posts.keys()], n);
      if (!name) return;
      const spec = model.posts.get(name)!;
      model.posts.delete(name);
      site.remove(`posts/${name}.md`);
      const renamed = `r${model.next++}`;
      model.posts.set(renamed, spec);
      site.post(renamed, spec);
    },
  ]),
  fc.constantFrom<[string, Step]>(
    ["picture bytes", (site) => site.write({ "images/p.svg": svg(60, `#${(++tick % 0xfff).toString(16).padStart(3, "0")}`) })],
    ["picture size", (site) => site.write({ "images/p.svg": svg(70 + (++tick % 50)) })],
    // Eleventy keeps, per process, the partials its first build used: this step checks that the build is full
    // (the global key reads the file), not the footer's bytes (incremental-canary.test.ts has a footer from the start).
    ["site footer", (site) => site.write({ "_includes/newsroom/footer.njk": `<footer>{{ newsroom.site.title }} ${++tick}</footer>\n` })],
    ["page size", (site) => site.options({ ...baseOptions, pageSize: 2 + (++tick % 2) })],
    ["path prefix", (site) => void (site.pathPrefix = site.pathPrefix ? undefined : "/tin/")],
    ["delete the store", (site) => site.remove(".cache/newsroom-pages")],
    [
      "truncate the manifest",
      (site) => {
        const manifest = site.path(".cache/newsroom-pages/manifest.json");
        if (existsSync(manifest)) writeFileSync(manifest, '{"format":1,');
      },
    ],
    [
      "flip a stored page's bytes",
      (site) => {
        const file = storePages(site)[0];
        if (!file) return;
        const bytes = readFileSync(file);
        bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
        writeFileSync(file, bytes); // same size, same inode (the output's too)
      },
    ],
    ["delete a stored page", (site) => void (storePages(site)[1] && rmSync(storePages(site)[1]!))],
    ["delete the post cache", (site) => site.remove(".cache/newsroom-pages/posts")],
    ["delete a segment of the post cache", (site) => void (postSegments(site)[0] && rmSync(postSegments(site)[0]!))],
    ...[0, 1].map((n): [string, Step] => [
      `flip a byte of a segment of the post cache`,
      (site) => {
        const file = postSegments(site)[n];
        if (!file) return;
        const bytes = readFileSync(file);
        bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 1;
        writeFileSync(file, bytes);
      },
    ]),
    ["delete the output", (site) => site.remove("_site")],
    [
      "write an output page in place",
      (site) => {
        const file = site.path("_site", "index.html");
        if (existsSync(file) && statSync(file).isFile()) appendFileSync(file, "<!-- dev server -->");
      },
    ],
    ["--full", () => ({ full: true })],
    ["nothing", () => ({ nothing: true })],
  ),
);

test("after any sequence of changes, the incremental output equals a full build's, byte for byte", { timeout: 240_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
      const site = new IncrementalSite();
      const model: Model = { posts: new Map(), next: 0 };
      try {
        for (let i = 0; i < 4; i++) {
          const spec = { title: `Bài ${i}`, date: date(i, 7 + i), category: SECTIONS[i % 3]!, tags: [TAGS[i]!], body: `Nội dung ${i}.` };
          model.posts.set(`p${i}`, spec);
          site.post(`p${i}`, spec);
        }
        await site.build();
        for (const [name, run] of steps) {
          const { full, nothing } = run(site, model) ?? {};
          const { rendered } = await site.build({ full });
          await site.buildReference();
          expect(site.differences(), `after "${name}" (steps: ${steps.map(([n]) => n).join(", ")})`).toEqual([]);
          if (nothing) {
            expect(rendered, "nothing changed").toEqual([]);
            expect(site.summary()).toMatch(/ 0 pages rendered, [\d,]+ reused,/);
          }
        }
      } finally {
        site.dispose();
      }
    }),
    { numRuns: 12 },
  );
});
