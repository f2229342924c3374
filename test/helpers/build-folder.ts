/**
 * A folder for in-process runs of `newsroom build` (src/cli/build.ts `atomicBuild`): an empty
 * Eleventy config (site.config.mjs) and the test's files, made before each test, with the working
 * directory moved into it. After each test the working directory, `process.exitCode` (Eleventy
 * sets it when a build fails, as its command line would) and the folder are put back.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect } from "vitest";

/** Registers the hooks (call it at the top of a file or describe); `path` is this test's folder. */
export function useBuildFolder(prefix: string, files: Record<string, string>): { readonly path: string } {
  const folder = { path: "" };
  let cwd = "";
  let exitCode: typeof process.exitCode;
  beforeEach(() => {
    cwd = process.cwd();
    exitCode = process.exitCode;
    folder.path = mkdtempSync(path.join(tmpdir(), prefix));
    for (const [file, text] of Object.entries({ "site.config.mjs": "export default function () {}\n", ...files })) {
      mkdirSync(path.dirname(path.join(folder.path, file)), { recursive: true });
      writeFileSync(path.join(folder.path, file), text);
    }
    process.chdir(folder.path);
  });
  afterEach(() => {
    process.chdir(cwd);
    process.exitCode = exitCode;
    rmSync(folder.path, { recursive: true, force: true });
  });
  return folder;
}

/** `newsroom build`'s arguments in that folder: its config, the folder as input, `_site` as output. */
export const buildArgs = {
  config: "site.config.mjs",
  input: ".",
  output: "_site",
  pathPrefix: undefined,
  quiet: true,
  replaceOutput: false,
};

/** The error a build fails with; the test fails if the build succeeds. */
export function failureOf<E>(build: Promise<void>): Promise<E> {
  return build.then(
    () => expect.fail("the build succeeded"),
    (error: unknown) => error as E,
  );
}
