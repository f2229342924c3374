/**
 * #21 item 9: `newsroom new` (src/cli/new-post.ts, run as the packaged command from dist/): the new
 * post is a draft and the command says how to publish it; a title that makes no slug is a usage
 * error in words, without a stack trace.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { parseNewPostArgs } from "../../../src/cli/new-post.ts";
import { splitFrontMatter } from "../../../src/posts/frontmatter.ts";
import { repoRoot, runNewsroom } from "../../helpers/cli.ts";

let site: string;
beforeAll(() => {
  site = mkdtempSync(path.join(tmpdir(), "newsroom-new-"));
  const plugin = JSON.stringify(path.join(repoRoot, "dist/index.js"));
  writeFileSync(
    path.join(site, "eleventy.config.mjs"),
    `import newsroom from ${plugin};\nexport default function (c) { c.addPlugin(newsroom, { timeZone: "Asia/Ho_Chi_Minh" }); }\n`,
  );
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

test("a new post is a draft: the path on stdout, how to publish it on stderr", () => {
  const made = runNewsroom(["new", "Tin mới về Sông Mã"], { cwd: site });
  expect(made.status, made.output).toBe(0);
  const file = made.stdout.trim();
  expect(file).toMatch(/^posts\/\d{4}\/\d{2}\/tin-moi-ve-song-ma\.md$/);
  expect(made.stderr).toContain("It is a draft (draft: true): the dev server shows it, builds leave it out.");
  expect(made.stderr).toContain("To publish it, delete the line draft: true (or write draft: false).");
  const split = splitFrontMatter(readFileSync(path.join(site, file), "utf8"));
  expect(split.ok && split.source.data.draft).toBe(true);
});

test("a title of emoji only: a usage error (exit 2) naming the title and the fix, no stack trace, nothing written", () => {
  const refused = runNewsroom(["new", "🔥🔥"], { cwd: site });
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain('newsroom new: the title "🔥🔥" gives no URL slug');
  expect(refused.stderr).toContain('newsroom new "🔥🔥" --slug=tin-nong');
  expect(refused.stderr).not.toMatch(/^\s+at /m);
  expect(refused.stdout).toBe("");
});

test("--slug gives the slug a title cannot make; a bad slug is a usage error", () => {
  const made = runNewsroom(["new", "🔥🔥", "--slug=tin-nong"], { cwd: site });
  expect(made.status, made.output).toBe(0);
  const file = made.stdout.trim();
  expect(file).toMatch(/^posts\/\d{4}\/\d{2}\/tin-nong\.md$/);
  expect(readFileSync(path.join(site, file), "utf8")).toMatch(
    /^---\ntitle: "🔥🔥"\ndate: .*\nslug: tin-nong\nsummary: ""\ndraft: true\n---\n/,
  );
  expect(() => parseNewPostArgs(["Tin", "--slug=Tin Nóng"])).toThrow(
    '--slug: expected lowercase ASCII letters, digits and single hyphens, such as "tin-nong", found "Tin Nóng"',
  );
});
