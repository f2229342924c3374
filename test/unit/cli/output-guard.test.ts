/**
 * #21 item 1: `newsroom build --output=X` replaced X whatever it was (`--output=.` deleted the
 * project, `.git` included). The output folder is now checked before anything is touched.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { atomicBuild, BuildFailure, describeError } from "../../../src/cli/build.ts";
import { checkOutputFolder, isWithin, OUTPUT_MARKER, protectedPaths, realPath } from "../../../src/cli/output-guard.ts";
import newsroom from "../../../src/index.ts";
import { buildArgs, failureOf } from "../../helpers/build-folder.ts";

let root = "";
let cwd = "";
let exitCode: typeof process.exitCode;
beforeEach(() => {
  cwd = process.cwd();
  exitCode = process.exitCode;
  // A project in a throwaway folder: package.json, .git, a config, posts, a page.
  root = realPath(mkdtempSync(path.join(tmpdir(), "newsroom-guard-")));
  const files: Record<string, string> = {
    "project/package.json": "{}\n",
    "project/.git/HEAD": "ref: refs/heads/main\n",
    "project/site.config.mjs": "export default function () {}\n",
    "project/index.md": "# Trang chủ\n",
    "project/posts/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nA\n",
    "project/src/index.md": "# Nguồn\n",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  process.chdir(path.join(root, "project"));
});
afterEach(() => {
  process.chdir(cwd);
  process.exitCode = exitCode;
  rmSync(root, { recursive: true, force: true });
});

const project = () => path.join(root, "project");
const siblings = () => readdirSync(root).sort();
const build = (output: string, more: Partial<typeof buildArgs & { replaceOutput: boolean }> = {}) =>
  atomicBuild({ ...buildArgs, replaceOutput: false, output, ...more });

describe("newsroom build refuses an output folder that would take the project with it, changing nothing", () => {
  test.each([
    // The input folder (--input=.) is named first: it is the current folder here.
    [".", "is the input folder (--input)"],
    ["..", "contains the input folder (--input)"],
    [path.sep, "contains the input folder (--input)"],
  ])("--output=%s: %s", async (output, reason) => {
    const error = await failureOf<BuildFailure>(build(output));
    expect(error).toBeInstanceOf(BuildFailure);
    expect(error.outputIntact).toBe(true);
    expect(error.message).toContain(`refusing to build into ${output}`);
    expect(error.message).toContain(reason);
    expect(existsSync(path.join(project(), ".git/HEAD"))).toBe(true);
    expect(existsSync(path.join(project(), "posts/a.md"))).toBe(true);
    // Not even a lock or a staging folder beside it.
    expect(siblings()).toEqual(["project"]);
  });

  test("the project's root (nearest package.json) and the git work tree's root, from a subfolder", async () => {
    process.chdir(path.join(project(), "src"));
    const error = await failureOf<BuildFailure>(build("..", { config: "../site.config.mjs", input: "." }));
    // What the folder is comes before what it contains.
    expect(error.message).toContain("is the project's root (it holds package.json)");
    const check = (output: string) => () => checkOutputFolder({ output, protect: protectedPaths(process.cwd(), []) });
    rmSync(path.join(project(), "package.json"));
    expect(check("..")).toThrow("is the git work tree's root");
    rmSync(path.join(project(), ".git"), { recursive: true });
    expect(check("..")).toThrow(/contains the current folder/);
  });

  test("the input folder and the config file named by flags", async () => {
    mkdirSync(path.join(root, "elsewhere"));
    process.chdir(path.join(root, "elsewhere"));
    const input = await failureOf<BuildFailure>(
      build(path.join(project(), "src"), { input: path.join(project(), "src"), config: path.join(project(), "site.config.mjs") }),
    );
    expect(input.message).toContain("is the input folder");
    mkdirSync(path.join(root, "configs"));
    writeFileSync(path.join(root, "configs/site.config.mjs"), "export default function () {}\n");
    const config = await failureOf<BuildFailure>(
      build(path.join(root, "configs"), {
        input: path.join(project(), "src"),
        config: path.join(root, "configs/site.config.mjs"),
        replaceOutput: true,
      }),
    );
    expect(config.message).toContain("contains the config file (--config)");
    expect(existsSync(path.join(root, "configs/site.config.mjs"))).toBe(true);
    expect(existsSync(path.join(project(), "site.config.mjs"))).toBe(true);
  });

  test("symbolic links are resolved first: a link to the project is the project", async () => {
    symlinkSync(project(), path.join(root, "link"));
    const error = await failureOf<BuildFailure>(build(path.join(root, "link"), { input: "posts" }));
    expect(error.message).toContain("is the current folder");
    expect(existsSync(path.join(project(), "posts/a.md"))).toBe(true);
  });

  test("a non-empty folder no build wrote is refused, and replaced only with --replace-output", async () => {
    mkdirSync("notes");
    writeFileSync("notes/todo.txt", "việc cần làm\n");
    const error = await failureOf<BuildFailure>(build("notes"));
    expect(error.message).toContain("holds files that no build wrote");
    expect(error.message).toContain("--replace-output");
    expect(existsSync("notes/todo.txt")).toBe(true);
    await build("notes", { replaceOutput: true });
    expect(existsSync("notes/todo.txt")).toBe(false);
    expect(existsSync(path.join("notes", OUTPUT_MARKER))).toBe(true);
  });

  test("--replace-output never allows the project's own folders", async () => {
    const error = await failureOf<BuildFailure>(build(".", { replaceOutput: true, input: "src" }));
    expect(error.message).toContain("is the current folder");
  });

  // mutation gap: cli/output-guard.ts a folder that contains a protected one is named with its real path, one that is it without
  test("the refusal names the protected folder's real path when the output contains it, not when the output is it", () => {
    const protect = [{ path: "posts", what: "the posts folder" }];
    const posts = path.join(project(), "posts");
    expect(() => checkOutputFolder({ output: "..", protect })).toThrow(
      `refusing to build into ..: each build replaces the whole output folder, and ${root} contains the posts folder (${posts}). Nothing was changed.`,
    );
    expect(() => checkOutputFolder({ output: "posts", protect })).toThrow(
      `refusing to build into posts: each build replaces the whole output folder, and ${posts} is the posts folder. Nothing was changed.`,
    );
  });

  test("a file is not an output folder", async () => {
    writeFileSync("site.txt", "x");
    expect((await failureOf<BuildFailure>(build("site.txt"))).message).toContain("it is a file, not a folder");
  });

  test("a build's own output (marker inside), an earlier version's output, an empty or a new folder are replaced", async () => {
    await build("_site");
    expect(existsSync(path.join("_site", OUTPUT_MARKER))).toBe(true);
    await build("_site"); // its own output, again
    mkdirSync("old/assets/newsroom", { recursive: true });
    writeFileSync("old/assets/newsroom/newsroom.css", "");
    writeFileSync("old/index.html", "");
    await build("old");
    mkdirSync("empty");
    await build("empty");
    await build("new/site");
    for (const folder of ["old", "empty", "new/site"]) expect(existsSync(path.join(folder, OUTPUT_MARKER)), folder).toBe(true);
  });
});

// The folders only the loaded config names: the build checks the output again once Eleventy has read it.
describe("newsroom build refuses the folders its config names (mutation gaps: cli/build.ts)", () => {
  // The config reaches the plugin through globalThis: the module the build asks for the plugin's settings.
  const withPlugin = (file: string, options: string) => {
    (globalThis as { newsroomPlugin?: unknown }).newsroomPlugin = newsroom;
    writeFileSync(file, `export default (c) => { c.addPlugin(globalThis.newsroomPlugin, ${options}); };\n`);
  };
  afterEach(() => {
    delete (globalThis as { newsroomPlugin?: unknown }).newsroomPlugin;
  });

  // mutation gap: cli/build.ts the plugin's posts folder, known once the config is loaded, is refused as output
  test("the plugin's posts folder, even with --replace-output: refused, the posts untouched", async () => {
    withPlugin("site.config.mjs", '{ postsDir: "../posts", search: false, feeds: false, images: false, offline: false }');
    const error = await failureOf<BuildFailure>(build("posts", { input: "src", replaceOutput: true }));
    expect(error).toBeInstanceOf(BuildFailure);
    expect(error.outputIntact).toBe(true);
    expect(error.message).toBe(
      `eleventy-plugin-newsroom: refusing to build into posts: each build replaces the whole output folder, and ${path.join(project(), "posts")} is the posts folder. Nothing was changed. Choose an output folder of its own, such as --output=_site.`,
    );
    expect(readdirSync(path.join(project(), "posts"))).toEqual(["a.md"]);
    expect(siblings()).toEqual(["project"]);
    expect(readdirSync(project()).filter((name) => name.startsWith("posts."))).toEqual([]);
  });

  // mutation gap: cli/build.ts the config's dir.input, with no --input, is refused as output
  test("the config's input folder, with no --input: refused as the input folder", async () => {
    writeFileSync("site.config.mjs", 'export default () => ({ dir: { input: "src" } });\n');
    const error = await failureOf<BuildFailure>(build("src", { input: undefined, replaceOutput: true }));
    expect(error.message).toContain(`and ${path.join(project(), "src")} is the input folder. Nothing was changed.`);
    expect(readdirSync(path.join(project(), "src"))).toEqual(["index.md"]);
  });

  // mutation gap: cli/build.ts the config file Eleventy finds by itself, a link to a file in the output folder
  test("the config file Eleventy finds by itself, linked from another folder: that folder is refused", async () => {
    const configs = path.join(root, "configs");
    mkdirSync(configs);
    writeFileSync(path.join(configs, "eleventy.config.mjs"), "export default function () {}\n");
    symlinkSync(path.join(configs, "eleventy.config.mjs"), "eleventy.config.mjs");
    const error = await failureOf<BuildFailure>(build(configs, { config: undefined, input: "src", replaceOutput: true }));
    expect(error.message).toContain(`and ${configs} contains the config file (${path.join(configs, "eleventy.config.mjs")}).`);
    expect(readdirSync(configs)).toEqual(["eleventy.config.mjs"]);
  });

  // mutation gap: cli/build.ts a build with neither --input nor --config, and no config file at all
  test("no --input, no --config and no config file: the site builds", async () => {
    rmSync("site.config.mjs");
    await build("_site", { config: undefined, input: undefined });
    expect(existsSync(path.join("_site", "index.html"))).toBe(true);
    expect(existsSync(path.join("_site", "src", "index.html"))).toBe(true);
  });

  // mutation gap: cli/build.ts a refusal's cause is the guard's error, told without a stack trace
  test("a refused output's failure has the guard's error as its cause, and is told without a stack trace", async () => {
    const error = await failureOf<BuildFailure>(build("."));
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toBe(error.message);
    expect(describeError(error)).toBe(error.message);
  });
});

describe("path helpers", () => {
  test("realPath resolves links in the part of a path that exists and keeps the rest", () => {
    symlinkSync(project(), path.join(root, "link"));
    expect(realPath(path.join(root, "link/not/yet"))).toBe(path.join(project(), "not/yet"));
  });

  test("isWithin: the folder itself and what lies below, not a neighbour sharing a prefix", () => {
    expect(isWithin("/a/b", "/a/b")).toBe(true);
    expect(isWithin("/a/b/c", "/a/b")).toBe(true);
    expect(isWithin("/a/bc", "/a/b")).toBe(false);
    expect(isWithin("/a", "/a/b")).toBe(false);
  });
});
