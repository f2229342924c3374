/**
 * `newsroom build` (src/cli/build.ts) when the file system refuses to write a page: a post's page
 * is told as that post's problem, since Eleventy's own message names only the template every
 * article comes from. The plugin is a stand-in here: what it tells the command (which post's page
 * is at a file) is the only part of it the command uses. The real plugin: test/integration/write-failure.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, expect, test, vi } from "vitest";
import { atomicBuild, BuildFailure, describeError } from "../../../src/cli/build.ts";
import { buildArgs, failureOf as failureOfBuild, useBuildFolder } from "../../helpers/build-folder.ts";

const LONG = "d".repeat(300); // longer than a file name may be: the page's folder cannot be made
const plugin = vi.hoisted(() => ({
  posts: [] as { inputPath: string; url: string }[],
  asked: [] as string[],
}));
vi.mock("../../../src/index.ts", () => ({
  newsroomSettings: () => ({
    options: {},
    postsDir: "posts",
    postWrittenTo(file: string) {
      plugin.asked.push(file);
      // As the plugin does: the page's file, or its folder (the file system may refuse to make that first).
      return plugin.posts.find((post) => file.endsWith(`${post.url}index.html`) || file.endsWith(post.url.slice(0, -1)));
    },
  }),
}));

const folder = useBuildFolder("newsroom-post-failure-", {
  "index.md": "# Trang chủ\n",
  "dai.md": `---\npermalink: /${LONG}/\n---\n# Bài có đường dẫn quá dài\n`,
});
const args = buildArgs;
const failureOf = (build: Promise<void>) => failureOfBuild<BuildFailure>(build);

beforeEach(() => {
  plugin.posts = [];
  plugin.asked = [];
});

test("a post's page that cannot be written: the failure names the post and its page, the file system's error as its cause", async () => {
  plugin.posts = [
    { inputPath: "posts/ngan.md", url: "/bai-ngan/" },
    { inputPath: "posts/dai.md", url: `/${LONG}/` },
  ];
  const failure = await failureOf(atomicBuild(args));
  expect(failure).toBeInstanceOf(BuildFailure);
  expect(failure.message).toBe(`posts/dai.md: its page /${LONG}/ could not be written`);
  expect(failure.outputIntact).toBe(true);
  const cause = failure.cause as NodeJS.ErrnoException;
  expect(cause.code).toBe("ENAMETOOLONG");
  // The post is looked up by the file the file system refused, not by Eleventy's errors around it.
  expect(plugin.asked).toEqual([cause.path]);
  expect(describeError(failure)).toBe(`${failure.message}\n  caused by: ${cause.message}`);
  expect(readdirSync(folder.path).toSorted()).toEqual(["dai.md", "index.md", "site.config.mjs"]);
});

test("a page that is no post's is told in Eleventy's words, naming its template", async () => {
  plugin.posts = [{ inputPath: "posts/ngan.md", url: "/bai-ngan/" }];
  const failure = await failureOf(atomicBuild(args));
  expect(failure).toBeInstanceOf(BuildFailure);
  expect(failure.message).toMatch(/^Having trouble writing to ".*dddd\/index\.html" from "\.\/dai\.md"/);
  expect(failure.outputIntact).toBe(true);
  expect(plugin.asked).toHaveLength(1);
  expect(readFileSync(path.join(folder.path, "dai.md"), "utf8")).toContain("Bài có đường dẫn quá dài");
});
