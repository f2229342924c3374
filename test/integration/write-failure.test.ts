/**
 * A file-system error while a post's page is written names the post (#14): Eleventy's own
 * message names only the template every article comes from, and lists every article it wrote.
 * Here the output folder is so deep that the one article with a long headline (its slug is at
 * the 80-character limit) passes Linux's 4,096-byte path limit while every other page fits.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { describeError } from "../../src/cli/build.ts";
import { PostsError } from "../../src/kernel/errors.ts";
import { repoRoot, runBuild } from "../helpers/cli.ts";
import { createSite, postFile } from "../helpers/site.ts";

const headline = "Đồng chí Bí thư Huyện ủy Sông Mã kiểm tra tiến độ xây dựng nông thôn mới tại các xã vùng biên giới năm 2019";
const site = createSite({
  "posts/dai.md": postFile({ title: headline, date: "2020-01-03" }),
  "posts/ngan.md": postFile({ title: "Bài ngắn", date: "2020-01-02" }),
  "posts/khac.md": postFile({ title: "Bài khác", date: "2020-01-01" }),
});
const configDir = mkdtempSync(path.join(tmpdir(), "newsroom-config-"));
const config = path.join(configDir, "eleventy.config.ts");
writeFileSync(
  config,
  `import newsroom from ${JSON.stringify(path.join(repoRoot, "src/index.ts"))};\n` +
    `export default (c: any) => { c.addPlugin(newsroom, { locale: "vi", timeZone: "Asia/Ho_Chi_Minh", search: { enabled: false }, offline: { enabled: false } }); };\n`,
);
afterAll(() => {
  site.remove();
  rmSync(configDir, { recursive: true, force: true });
});

test("a page that cannot be written is reported as its post's problem, with the file-system error, in a few lines", () => {
  // The absolute staging folder ends near 4,030 bytes: pages up to ~60 characters fit below it, the long article does not.
  const target = 4030 - `${site.dir}/.staging-${"0".repeat(7)}/`.length;
  const segments = Array.from({ length: Math.ceil(target / 201) }, () => "d".repeat(200));
  const deep = segments.join("/").slice(0, target).replace(/\/$/, "x");
  mkdirSync(path.join(site.dir, path.dirname(deep)), { recursive: true });

  const result = runBuild([`--config=${config}`, `--input=${site.dir}`, `--output=${deep}`, "--quiet"], { cwd: site.dir });
  expect(result.status, result.output).toBe(1);
  expect(result.stderr).toMatch(
    /\nposts\/dai\.md: its page \/2020\/01\/03\/dong-chi-bi-thu-[a-z0-9-]+\/ could not be written\n {2}caused by: ENAMETOOLONG: name too long/,
  );
  expect(result.stderr).toContain("the previous output was left as it was");
  // Not every article's path, not a stack trace.
  expect(result.stderr).not.toContain("/bai-ngan/");
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(existsSync(path.join(site.dir, deep))).toBe(false);
});

test("Eleventy's list of every page a failing template was writing is cut to three", () => {
  const pages = Array.from({ length: 5000 }, (_, i) => `"_site/2020/01/01/bai-${i}/index.html"`).join(", ");
  const error = Object.assign(new Error(`Having trouble writing to ${pages} from "newsroom-pages/articles.njk"`), {
    originalError: Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }),
  });
  expect(describeError(error)).toBe(
    'Having trouble writing to "_site/2020/01/01/bai-0/index.html", "_site/2020/01/01/bai-1/index.html", "_site/2020/01/01/bai-2/index.html" and 4,997 other pages from "newsroom-pages/articles.njk"\n  caused by: EACCES: permission denied',
  );
});

test("an error nobody foresaw keeps the first lines of its stack; the plugin's own messages and file-system errors do not", () => {
  expect(describeError(new TypeError("x is undefined"))).toMatch(/^x is undefined\n\s+at .*write-failure\.test\.ts/);
  expect(describeError(new PostsError([{ file: "posts/a.md", field: "date", expected: "a date", found: "nothing" }]))).not.toMatch(
    /\n\s+at /,
  );
});
