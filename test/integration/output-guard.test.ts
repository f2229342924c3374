/**
 * #21 item 1, through the command: `newsroom build` with the plugin's posts folder known from the
 * site's config, and the exit code and message a user sees.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { repoRoot, runBuild } from "../helpers/cli.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
let configDir: string;
let config: string;

beforeAll(() => {
  configDir = mkdtempSync(path.join(tmpdir(), "newsroom-guard-config-"));
  config = path.join(configDir, "eleventy.config.ts");
  writeFileSync(
    config,
    `import newsroom from ${JSON.stringify(path.join(repoRoot, "src/index.ts"))};\nexport default (c: any) => { c.addPlugin(newsroom, { postsDir: "../posts", search: { cache: false }, feeds: { enabled: false } }); };\n`,
  );
  // The input is site/src, the posts folder lies beside it (postsDir "../posts").
  site = createSite({ "posts/a.md": postFile({ title: "Bài A", date: "2020-01-01" }, "Đường điện về bản."), "src/.keep": "" });
});
afterAll(() => {
  site.remove();
  rmSync(configDir, { recursive: true, force: true });
});

test("the posts folder the config names is refused, even with --replace-output, and nothing is written", () => {
  const result = runBuild([`--config=${config}`, `--input=src`, `--output=posts`, "--replace-output", "--quiet"], { cwd: site.dir });
  expect(result.status, result.output).toBe(1);
  expect(result.stderr).toContain("refusing to build into posts");
  expect(result.stderr).toContain("is the posts folder");
  expect(result.stderr).toContain("the previous output was left as it was");
  expect(readdirSync(path.join(site.dir, "posts"))).toEqual(["a.md"]);
  expect(readdirSync(site.dir).filter((name) => name.startsWith("posts."))).toEqual([]);
});

test("--output=. stops with exit code 1 and the reason; the project is whole", () => {
  const result = runBuild([`--config=${config}`, `--input=src`, `--output=.`, "--quiet"], { cwd: site.dir });
  expect(result.status, result.output).toBe(1);
  expect(result.stderr).toContain("refusing to build into .");
  expect(existsSync(path.join(site.dir, "posts/a.md"))).toBe(true);
});

test("a site builds into a new folder and leaves its marker for the next build", () => {
  const result = runBuild([`--config=${config}`, `--input=src`, `--output=_site`, "--quiet"], { cwd: site.dir });
  expect(result.status, result.output).toBe(0);
  expect(existsSync(path.join(site.dir, "_site/2020/01/01/bai-a/index.html"))).toBe(true);
  expect(existsSync(path.join(site.dir, "_site/.newsroom-output"))).toBe(true);
});
