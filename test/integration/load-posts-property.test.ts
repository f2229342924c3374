/**
 * Any file content: loading posts either succeeds or fails with Newsroom's own error naming the
 * file — never another exception, never a hang (fast-check generates the files).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, expect, onTestFinished, test, vi } from "vitest";
import { PostsError } from "../../src/kernel/errors.ts";
import { defaults } from "../../src/options/index.ts";
import { PostLoader } from "../../src/posts/load-posts.ts";
import { consoleLog } from "../../src/kernel/log.ts";

const dir = mkdtempSync(path.join(tmpdir(), "newsroom-property-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "007",
    "1.10",
    "0x1F",
    ".nan",
    ".inf",
    "-.inf",
    "yes",
    "no",
    "~",
    "null",
    "true",
    "[]",
    "{}",
    "''",
    '""',
    "&a x",
    "*a",
    "|",
    ">",
    "- a",
  ),
  fc.constantFrom(
    "2019-10-18",
    "2019-02-30",
    "0000-01-01",
    "2021-06-15 24:00",
    "2021-06-15T06:00:00+25:00",
    "18/10/2019",
    "9999-12-31",
    "2019-10-18T23:59:59.999999999Z",
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constant("x".repeat(70_000)),
);
const key = fc.constantFrom(
  "title",
  "date",
  "updated",
  "slug",
  "tags",
  "image",
  "summary",
  "author",
  "category",
  "draft",
  "caption",
  "image_alt",
  "x",
);
const frontMatter = fc.array(fc.tuple(key, scalar), { maxLength: 8 }).map((fields) => fields.map(([k, v]) => `${k}: ${v}`).join("\n"));
const body = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom("", "> ".repeat(120) + "x", "- a\n".repeat(50), "{{ x }} {% y %}", "<script>alert(1)</script>"),
);
const file = fc.oneof(
  fc.tuple(frontMatter, body).map(([yaml, text]) => `---\n${yaml}\n---\n${text}`),
  fc.string({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
);

test("loading any post file succeeds or names the file in Newsroom's own error", async () => {
  let run = 0;
  // Generated front matter has unknown keys: their warnings are expected, kept off the output (#21 item 11), and checked below.
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  onTestFinished(() => warn.mockRestore());
  await fc.assert(
    fc.asyncProperty(file, async (content) => {
      const postsDir = path.join(dir, `run-${run++}`);
      const name = "bai.md";
      rmSync(postsDir, { recursive: true, force: true });
      (await import("node:fs")).mkdirSync(postsDir, { recursive: true });
      writeFileSync(path.join(postsDir, name), content);
      const loader = new PostLoader({
        postsDir,
        projectRoot: postsDir,
        inputDir: postsDir,
        timeZone: "Asia/Ho_Chi_Minh",
        permalink: defaults.permalink,
        archives: defaults.archives,
        excerptLength: 200,
        dateRange: { ...defaults.dateRange, now: new Date("2026-01-01T00:00:00Z") },
        log: consoleLog,
      });
      const started = Date.now();
      const outcome = await loader.load().then(
        (posts) => ({ posts }),
        (error: unknown) => ({ error }),
      );
      expect(Date.now() - started).toBeLessThan(2000);
      if ("error" in outcome) {
        expect(outcome.error).toBeInstanceOf(PostsError);
        for (const problem of (outcome.error as PostsError).problems) expect(problem.file).toBe(name);
      } else {
        expect(outcome.posts).toHaveLength(1);
        expect(outcome.posts[0]!.title.length).toBeGreaterThan(0);
      }
      rmSync(postsDir, { recursive: true, force: true });
    }),
    { numRuns: 300 },
  );
  for (const [line] of warn.mock.calls) expect(String(line)).toMatch(/^\[newsroom\] warning: bai\.md: unknown front matter key/);
});
