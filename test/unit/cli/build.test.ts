/** `newsroom build` (src/cli/build.ts): its arguments, its error report, and a build that is all or nothing. */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { atomicBuild, BuildFailure, describeError, parseArgs } from "../../../src/cli/build.ts";
import { NewsroomError } from "../../../src/kernel/errors.ts";
import { buildArgs, failureOf as failureOfBuild, useBuildFolder } from "../../helpers/build-folder.ts";

describe("parseArgs", () => {
  test("no arguments: Eleventy's own config lookup and input, output _site, no prefix, not quiet", () => {
    expect(parseArgs([])).toEqual({
      config: undefined,
      input: undefined,
      output: "_site",
      pathPrefix: undefined,
      quiet: false,
      replaceOutput: false,
      full: false,
    });
  });

  test("every flag the usage line names is read, a value may itself contain =", () => {
    expect(
      parseArgs([
        "--config=site.config.js",
        "--input=src",
        "--output=public",
        "--pathprefix=/tin=moi/",
        "--quiet",
        "--replace-output",
        "--full",
      ]),
    ).toEqual({
      config: "site.config.js",
      input: "src",
      output: "public",
      pathPrefix: "/tin=moi/",
      quiet: true,
      replaceOutput: true,
      full: true,
    });
  });

  test.each([["--outptu=public"], ["--output="], ["--config"], ["build"], ["-q"]])(
    "%s is refused, naming the argument and the known flags",
    (arg) => {
      expect(() => parseArgs([arg])).toThrow(
        `unknown argument ${arg} (expected --config=, --input=, --output=, --pathprefix=, --quiet, --replace-output, --full)`,
      );
    },
  );
});

describe("describeError", () => {
  // Messages Newsroom foresaw (its own errors, file-system errors) are what the user reads: no stack traces.
  test("an error and its causes, one line each, the BuildFailure wrapper's repeated message once", () => {
    const root = new NewsroomError("posts/a.md: date: expected a date that exists");
    const wrapped = new Error("Problem writing Eleventy templates", { cause: root });
    expect(describeError(new BuildFailure(wrapped.message, true, { cause: wrapped }))).toBe(
      "Problem writing Eleventy templates\n  caused by: eleventy-plugin-newsroom: posts/a.md: date: expected a date that exists",
    );
  });

  test("at most five lines, outermost first, however long the chain", () => {
    let error: Error = new NewsroomError("0");
    for (let i = 1; i < 9; i++) error = new Error(String(i), { cause: error });
    expect(describeError(error).split("\n")).toEqual(["8", "  caused by: 7", "  caused by: 6", "  caused by: 5", "  caused by: 4"]);
  });

  test("a file-system error is told without a stack trace; Eleventy's original error is followed", () => {
    const fsError = Object.assign(new Error("EACCES: permission denied, open '_site/2019/index.html'"), { code: "EACCES" });
    const eleventyError = Object.assign(new Error("Having trouble writing template"), { originalError: fsError });
    expect(describeError(eleventyError)).toBe(
      "Having trouble writing template\n  caused by: EACCES: permission denied, open '_site/2019/index.html'",
    );
  });

  test("an error nobody foresaw keeps the first five lines of its stack, for whoever reports it", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'url')");
    bug.stack = [
      "TypeError: Cannot read properties of undefined (reading 'url')",
      ...Array.from({ length: 8 }, (_, i) => `    at frame${i}`),
    ].join("\n");
    expect(describeError(new Error("Problem writing Eleventy templates", { cause: bug }))).toBe(
      [
        "Problem writing Eleventy templates",
        "  caused by: Cannot read properties of undefined (reading 'url')",
        "    at frame0",
        "    at frame1",
        "    at frame2",
        "    at frame3",
        "    at frame4",
      ].join("\n"),
    );
  });

  test("Eleventy's list of every page a template was writing is cut to three", () => {
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    const pages = Array.from({ length: 1200 }, (_, i) => `"_site/2019/10/${i}/index.html"`).join(", ");
    expect(describeError(new Error(`Having trouble writing to ${pages} from "./newsroom/article.njk"`, { cause: full }))).toBe(
      'Having trouble writing to "_site/2019/10/0/index.html", "_site/2019/10/1/index.html", "_site/2019/10/2/index.html" and 1,197 other pages from "./newsroom/article.njk"\n  caused by: ENOSPC: no space left on device, write',
    );
    const few = new Error('Having trouble writing to "a", "b", "c" from "t.njk"', { cause: full });
    expect(describeError(few).split("\n")[0]).toBe('Having trouble writing to "a", "b", "c" from "t.njk"');
    const four = new Error('Having trouble writing to "a", "b", "c", "d" from "t.njk"', { cause: full });
    expect(describeError(four).split("\n")[0]).toBe('Having trouble writing to "a", "b", "c" and 1 other pages from "t.njk"');
  });

  test("only a message that is Eleventy's list is cut: one that quotes such a list further on is told whole", () => {
    const message = 'posts/a.md: a hook failed: Having trouble writing to "a", "b", "c", "d" from "t.njk"';
    expect(describeError(new NewsroomError(message))).toBe(`eleventy-plugin-newsroom: ${message}`);
  });

  test("the innermost cause decides: a file-system error under Eleventy's error, under the build's failure, is told without a stack trace", () => {
    const fsError = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    const eleventyError = Object.assign(new Error("Having trouble writing template"), { originalError: fsError });
    const failure = new BuildFailure("Having trouble writing template", true, { cause: eleventyError });
    expect(describeError(failure)).toBe("Having trouble writing template\n  caused by: ENOSPC: no space left on device, write");
  });

  test("causes are followed ten deep: an unforeseen error's stack shown is the tenth's, however long the chain", () => {
    let error: Error | undefined;
    for (let i = 12; i >= 1; i--) {
      error = new Error(`error ${i}`, error && { cause: error });
      error.stack = `Error: error ${i}\n    at frame of error ${i}`;
    }
    expect(describeError(error).split("\n").slice(5)).toEqual(["    at frame of error 10"]);
  });

  test("a chain of causes that loops back is told once, and ends", () => {
    const a = new NewsroomError("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(describeError(b)).toBe("b\n  caused by: eleventy-plugin-newsroom: a");
  });

  test("what is thrown that is not an Error is shown as text", () => {
    expect(describeError("disk full")).toBe("disk full");
    expect(describeError(undefined)).toBe("undefined");
  });
});

describe("atomicBuild", () => {
  const folder = useBuildFolder("newsroom-cli-build-", { "index.md": "# Trang chủ\n" });
  const DEAD = 2 ** 22 + 4321; // above Linux's default pid_max: no such process
  const args = (more: Partial<Parameters<typeof atomicBuild>[0]> = {}) => ({ ...buildArgs, ...more });
  const read = (file: string, output = "_site") => readFileSync(path.join(folder.path, output, file), "utf8");
  const leftovers = () => readdirSync(folder.path).filter((name) => /\.(staging|previous)-\d+$|\.lock$/.test(name));
  const failureOf = (build: Promise<void>) => failureOfBuild<BuildFailure>(build);

  afterEach(() => vi.restoreAllMocks());

  test("the site is built into the output folder, which then holds the new site only; nothing is left beside it", async () => {
    mkdirSync(path.join(folder.path, "_site"));
    writeFileSync(path.join(folder.path, "_site", ".newsroom-output"), ""); // a previous build's output
    writeFileSync(path.join(folder.path, "_site", "removed-post.html"), "old");
    await atomicBuild(args());
    expect(read("index.html")).toContain("Trang chủ");
    expect(existsSync(path.join(folder.path, "_site", "removed-post.html"))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  test("a staging folder this process left earlier is emptied first: none of its files reach the output", async () => {
    mkdirSync(path.join(folder.path, `_site.staging-${process.pid}`, "old"), { recursive: true });
    writeFileSync(path.join(folder.path, `_site.staging-${process.pid}`, "old", "index.html"), "stale");
    await atomicBuild(args());
    expect(readdirSync(path.join(folder.path, "_site")).toSorted()).toEqual([".newsroom-output", "index.html"]);
  });

  test("the live output inside the input folder is never read as input, nor are other builds' folders", async () => {
    await atomicBuild(args());
    mkdirSync(path.join(folder.path, `_site.staging-${process.pid + 1}`));
    writeFileSync(path.join(folder.path, `_site.staging-${process.pid + 1}`, "stray.md"), "# stray\n");
    await atomicBuild(args());
    expect(readdirSync(path.join(folder.path, "_site")).toSorted()).toEqual([".newsroom-output", "index.html"]);
  });

  test("another build's staging or previous folder that appears once the clean-up is done is not read as input either", async () => {
    mkdirSync(path.join(folder.path, `_site.staging-${DEAD}`)); // what a killed build left: removed, and the log says so
    const lines: string[] = [];
    // Meanwhile a build of the same output elsewhere (another container, whose process this one cannot see) starts.
    await atomicBuild(args(), (line) => {
      lines.push(line);
      for (const name of [`_site.staging-${DEAD + 1}`, `_site.previous-${DEAD + 2}`]) {
        mkdirSync(path.join(folder.path, name));
        writeFileSync(path.join(folder.path, name, "bai-la.md"), "# Bài lạ\n");
      }
    });
    expect(lines).toEqual([`removed _site.staging-${DEAD}, left by a build that died`]);
    expect(readdirSync(path.join(folder.path, "_site")).toSorted()).toEqual([".newsroom-output", "index.html"]);
  });

  test("an output in a subfolder of the input is not read as input either", async () => {
    mkdirSync(path.join(folder.path, "public"));
    await atomicBuild(args({ output: "public/site" }));
    await atomicBuild(args({ output: "public/site" }));
    expect(readdirSync(path.join(folder.path, "public", "site")).toSorted()).toEqual([".newsroom-output", "index.html"]);
  });

  test("a replaced output still being removed (its process alive) is left to that process and never read as input, at the top or beside an output in a subfolder", async () => {
    const { spawn } = await import("node:child_process");
    const remover = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      const removing = (name: string) => {
        mkdirSync(path.join(folder.path, name), { recursive: true });
        writeFileSync(path.join(folder.path, name, "bai-cu.md"), "# Bài cũ\n");
      };
      removing(`._site.removing-${remover.pid}`);
      await atomicBuild(args());
      expect(existsSync(path.join(folder.path, `._site.removing-${remover.pid}`, "bai-cu.md"))).toBe(true);
      expect(readdirSync(path.join(folder.path, "_site")).toSorted()).toEqual([".newsroom-output", "index.html"]);
      rmSync(path.join(folder.path, `._site.removing-${remover.pid}`), { recursive: true });
      rmSync(path.join(folder.path, "_site"), { recursive: true }); // another output: input for this build
      removing(`public/.site.removing-${remover.pid}`);
      await atomicBuild(args({ output: "public/site" }));
      expect(readdirSync(path.join(folder.path, "public", "site")).toSorted()).toEqual([".newsroom-output", "index.html"]);
      expect(existsSync(path.join(folder.path, `public/.site.removing-${remover.pid}`, "bai-cu.md"))).toBe(true);
    } finally {
      remover.kill();
    }
  });

  test("the path prefix and the config file named are Eleventy's", async () => {
    writeFileSync(path.join(folder.path, "site.config.mjs"), 'export default function (c) { c.addGlobalData("greeting", "Xin chào"); }\n');
    writeFileSync(
      path.join(folder.path, "eleventy.config.mjs"),
      'export default function (c) { c.addGlobalData("greeting", "sai tệp"); }\n',
    );
    writeFileSync(path.join(folder.path, "index.njk"), '{{ greeting }} <a href="{{ "/2019/" | url }}">2019</a>');
    rmSync(path.join(folder.path, "index.md"));
    await atomicBuild(args({ pathPrefix: "/tin/" }));
    expect(read("index.html")).toBe('Xin chào <a href="/tin/2019/">2019</a>');
  });

  test("the command's folders win over the config file's", async () => {
    writeFileSync(
      path.join(folder.path, "site.config.mjs"),
      'export default function () { return { dir: { input: "nowhere", output: "dist" } }; }\n',
    );
    await atomicBuild(args());
    expect(read("index.html")).toContain("Trang chủ");
    expect(existsSync(path.join(folder.path, "dist"))).toBe(false);
  });

  test("a failed build leaves the previous output as it was and says what failed, without Eleventy's own report", async () => {
    await atomicBuild(args());
    const before = read("index.html");
    writeFileSync(path.join(folder.path, "broken.njk"), "{% if %}");
    const printed = [vi.spyOn(console, "log"), vi.spyOn(console, "warn"), vi.spyOn(console, "error")];
    const failure = await failureOf(atomicBuild(args()));
    expect(failure).toBeInstanceOf(BuildFailure);
    expect(failure.name).toBe("BuildFailure");
    expect(failure.outputIntact).toBe(true);
    expect(failure.message).toMatch(/broken\.njk/);
    expect(failure.cause).toBeInstanceOf(Error);
    expect(failure.message).toBe((failure.cause as Error).message);
    expect(describeError(failure)).toMatch(/broken\.njk/);
    // Eleventy's own report of the error (its message, its stack) is not printed: the command says it once.
    expect(
      printed
        .flatMap((spy) => spy.mock.calls.map((call) => String(call[0])))
        .filter((line) => !/^\[11ty\] Wrote \d+ files? in /.test(line)),
    ).toEqual([]);
    expect(read("index.html")).toBe(before);
    expect(readdirSync(path.join(folder.path, "_site")).toSorted()).toEqual([".newsroom-output", "index.html"]);
    expect(leftovers()).toEqual([]);
  });

  test("a build that fails after its pages are written (a step of eleventy.after) leaves no half site behind", async () => {
    await atomicBuild(args());
    writeFileSync(path.join(folder.path, "page.md"), "# Trang mới\n");
    // (Another file name: a config module once imported stays as it was for the process.)
    writeFileSync(
      path.join(folder.path, "after.config.mjs"),
      'export default function (c) { c.on("eleventy.after", () => { throw new Error("the search index could not be written"); }); }\n',
    );
    const failure = await failureOf(atomicBuild(args({ config: "after.config.mjs" })));
    expect(failure.outputIntact).toBe(true);
    expect(describeError(failure)).toContain("the search index could not be written");
    expect(readdirSync(path.join(folder.path, "_site")).toSorted()).toEqual([".newsroom-output", "index.html"]);
    expect(leftovers()).toEqual([]);
  });

  test("a page the file system refuses to write (its name is too long) fails the build with that error; the output is intact", async () => {
    await atomicBuild(args());
    const before = read("index.html");
    writeFileSync(path.join(folder.path, "dai.md"), `---\npermalink: /${"d".repeat(300)}/\n---\n# Bài có đường dẫn quá dài\n`);
    const failure = await failureOf(atomicBuild(args()));
    expect(failure).toBeInstanceOf(BuildFailure);
    expect(failure.outputIntact).toBe(true);
    expect(failure.message).toMatch(/^Having trouble writing to ".*dddd\/index\.html" from "\.\/dai\.md"/);
    expect(describeError(failure)).toMatch(/\n {2}caused by: ENAMETOOLONG: name too long/);
    expect(read("index.html")).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  test("an output folder holding the page store is refused, naming it; nothing is changed", async () => {
    mkdirSync(path.join(folder.path, ".cache", "newsroom-pages"), { recursive: true });
    const failure = await failureOf(atomicBuild(args({ output: ".cache" })));
    const project = realpathSync(folder.path);
    expect(failure.message).toBe(
      `eleventy-plugin-newsroom: refusing to build into .cache: each build replaces the whole output folder, and ${path.join(project, ".cache")} contains the page store (${path.join(project, ".cache", "newsroom-pages")}). Nothing was changed. Choose an output folder of its own, such as --output=_site.`,
    );
    expect(failure.outputIntact).toBe(true);
    expect(readdirSync(path.join(folder.path, ".cache"))).toEqual(["newsroom-pages"]);
  });

  test("a build that writes nothing does not replace the output", async () => {
    await atomicBuild(args());
    rmSync(path.join(folder.path, "index.md"));
    const failure = await failureOf(atomicBuild(args()));
    expect(failure.message).toBe(
      `the build wrote nothing to ${path.join(folder.path, "_site")}.staging-${process.pid}; the output was not replaced`,
    );
    expect(failure.outputIntact).toBe(true);
    expect(read("index.html")).toContain("Trang chủ");
  });

  test("a dead build's previous output named with this build's own process id does not stop the swap", async () => {
    // Process ids come round again (containers start at 1): a killed build's _site.previous-<pid>
    // once made every later build with that id fail with ENOTEMPTY and leave its staging folder.
    mkdirSync(path.join(folder.path, "_site"));
    mkdirSync(path.join(folder.path, `_site.previous-${process.pid}`));
    writeFileSync(path.join(folder.path, `_site.previous-${process.pid}`, "index.html"), "old");
    await atomicBuild(args());
    expect(read("index.html")).toContain("Trang chủ");
    expect(leftovers()).toEqual([]);
  });

  test("what a killed build left is removed first, and the log says so", async () => {
    mkdirSync(path.join(folder.path, `_site.staging-${DEAD}`));
    const lines: string[] = [];
    await atomicBuild(args(), (line) => lines.push(line));
    expect(lines).toEqual([`removed _site.staging-${DEAD}, left by a build that died`]);
    expect(leftovers()).toEqual([]);
  });

  test("a build waits for a live build of the same output, saying so once", async () => {
    writeFileSync(path.join(folder.path, "_site.lock"), `${process.ppid}\n`);
    const lines: string[] = [];
    const build = atomicBuild(args(), (line) => lines.push(line));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(existsSync(path.join(folder.path, "_site"))).toBe(false);
    rmSync(path.join(folder.path, "_site.lock"));
    await build;
    expect(lines).toEqual([`waiting for another build of _site (process ${process.ppid}) to finish…`]);
    expect(read("index.html")).toContain("Trang chủ");
  });
});
