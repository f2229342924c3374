import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test, vi } from "vitest";
import { PostsError } from "../../src/kernel/errors.ts";
import { runEleventy, repoRoot } from "../helpers/cli.ts";
import { createSite, type FixtureSite, postFile, postsErrorOf } from "../helpers/site.ts";

let site: FixtureSite | undefined;
afterEach(() => site?.remove());

async function buildError(files: Record<string, string>): Promise<PostsError> {
  site = createSite({ "posts/good.md": postFile({ title: "Tin tốt", date: "2020-01-01" }), ...files });
  return postsErrorOf(site.build());
}

test("every bad post is listed in one run, with file, field, value and expectation", async () => {
  const error = await buildError({
    "posts/no-title.md": postFile({ date: "2020-01-01" }),
    "posts/empty-title.md": postFile('title: ""\ndate: 2020-01-01'),
    "posts/no-date.md": postFile({ title: "Không ngày" }),
    "posts/impossible.md": postFile({ title: "Ngày lạ", date: "2019-02-30" }),
    "posts/dmy.md": postFile({ title: "Kiểu Việt", date: "18/10/2019" }),
    "posts/tags.md": postFile({ title: "Thẻ", date: "2020-01-01", tags: 5 }),
    "posts/yaml.md": "---\ntitle: [oops\ndate: 2020-01-01\n---\nx\n",
  });
  const byFile = Object.fromEntries(error.problems.map((p) => [path.basename(p.file), p]));
  expect(Object.keys(byFile).sort()).toEqual([
    "dmy.md",
    "empty-title.md",
    "impossible.md",
    "no-date.md",
    "no-title.md",
    "tags.md",
    "yaml.md",
  ]);
  expect(byFile["no-title.md"]).toMatchObject({ field: "title", found: "nothing" });
  expect(byFile["empty-title.md"]).toMatchObject({ field: "title", found: "an empty string" });
  expect(byFile["no-date.md"]).toMatchObject({ field: "date" });
  expect(byFile["impossible.md"]).toMatchObject({ field: "date", found: '"2019-02-30"' });
  expect(byFile["dmy.md"]?.expected).toContain("did you mean 2019-10-18?");
  expect(byFile["tags.md"]).toMatchObject({ field: "tags", found: "number 5" });
  expect(byFile["yaml.md"]).toMatchObject({ field: "front matter", expected: "valid YAML" });
  expect(error.message).toMatch(/^eleventy-plugin-newsroom: 7 posts cannot be published/);
  for (const name of Object.keys(byFile)) expect(error.message).toContain(`posts/${name}`);
});

test("two posts that would share a URL are both named", async () => {
  const error = await buildError({
    "posts/a.md": postFile({ title: "Cùng tên", date: "2020-02-02" }),
    "posts/b.md": postFile({ title: "Cùng tên!", date: "2020-02-02 18:00" }),
  });
  expect(error.problems.map((p) => [path.basename(p.file), p.field])).toEqual([
    ["a.md", "slug"],
    ["b.md", "slug"],
  ]);
  expect(error.problems[0]?.found).toMatch(/\/2020\/02\/02\/cung-ten\/, also the URL of .*posts\/b\.md/);
});

test("unknown front matter keys warn and the post is still published", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  site = createSite({ "posts/typo.md": postFile({ title: "Lỗi gõ", date: "2020-01-01", catgory: "Thời sự" }) });
  await site.build();
  expect(site.exists("/2020/01/01/loi-go/")).toBe(true);
  expect(warn.mock.calls.flat().join("\n")).toMatch(/\[newsroom\] warning: .*posts\/typo\.md: unknown front matter key "catgory"/);
  warn.mockRestore();
});

test("the CLI exits non-zero and names the bad file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-cli-"));
  try {
    writeFileSync(
      path.join(dir, "eleventy.config.ts"),
      `import newsroom from ${JSON.stringify(path.join(repoRoot, "src/index.ts"))};\nexport default (c: any) => { c.addPlugin(newsroom, { timeZone: "Asia/Ho_Chi_Minh" }); };\n`,
    );
    site = createSite({});
    site.write({
      "posts/ok.md": postFile({ title: "Tốt", date: "2020-01-01" }),
      "posts/bad-date.md": postFile({ title: "Hỏng", date: "2019-13-45" }),
    });
    const result = runEleventy([`--config=${path.join(dir, "eleventy.config.ts")}`, `--input=${site.dir}`, `--output=${site.out}`], {
      cwd: site.dir,
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/posts\/bad-date\.md: date: expected a date that exists .*found "2019-13-45"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
