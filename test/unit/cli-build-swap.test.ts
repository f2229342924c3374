/**
 * The last step of `newsroom build` (src/cli/build.ts): the new site swapped in for the old. When
 * the file system refuses the swap, the previous site is put back, and the failure says where
 * things are. The refusals are simulated: `rename` fails on the calls a test chooses.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

const refuse = vi.hoisted(() => ({ renames: [] as number[], vanish: [] as number[], calls: 0 }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      refuse.calls++;
      if (refuse.renames.includes(refuse.calls))
        throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${from}' -> '${to}'`), { code: "EXDEV" });
      // Another program removes the folder just before it is renamed: the file system's own refusal follows.
      if (refuse.vanish.includes(refuse.calls)) await fs.rm(from, { recursive: true, force: true });
      return fs.rename(from, to);
    },
  };
});

const { atomicBuild, BuildFailure } = await import("../../src/cli/build.ts");

let dir: string;
let cwd: string;
let exitCode: typeof process.exitCode;
const args = { config: "site.config.mjs", input: ".", output: "_site", pathPrefix: undefined, quiet: true };
const failureOf = (build: Promise<void>) =>
  build.then(
    () => expect.fail("the build succeeded"),
    (error: unknown) => error as InstanceType<typeof BuildFailure>,
  );
const entries = () => readdirSync(dir).toSorted();

beforeEach(() => {
  cwd = process.cwd();
  exitCode = process.exitCode;
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-swap-"));
  writeFileSync(path.join(dir, "site.config.mjs"), "export default function () {}\n");
  writeFileSync(path.join(dir, "index.md"), "# Trang mới\n");
  mkdirSync(path.join(dir, "_site"));
  writeFileSync(path.join(dir, "_site", "index.html"), "trang cũ");
  process.chdir(dir);
  refuse.renames = [];
  refuse.vanish = [];
  refuse.calls = 0;
});
afterEach(() => {
  process.chdir(cwd);
  process.exitCode = exitCode;
  rmSync(dir, { recursive: true, force: true });
});

test("the new site cannot be put in place: the previous one is put back, and the failure says the output is intact", async () => {
  refuse.renames = [2]; // 1: output → previous, 2: staging → output
  const failure = await failureOf(atomicBuild(args));
  expect(failure).toBeInstanceOf(BuildFailure);
  expect(failure.message).toMatch(/^could not put the new site in place: EXDEV: cross-device link not permitted/);
  expect(failure.outputIntact).toBe(true);
  expect((failure.cause as NodeJS.ErrnoException).code).toBe("EXDEV");
  expect(readFileSync(path.join(dir, "_site", "index.html"), "utf8")).toBe("trang cũ");
  expect(entries()).toEqual(["_site", "index.md", "site.config.mjs"]);
});

test("nor can the previous one be put back: the failure says where it is and that the output is not intact", async () => {
  refuse.renames = [2, 3];
  const failure = await failureOf(atomicBuild(args));
  const previous = `${path.join(dir, "_site")}.previous-${process.pid}`;
  expect(failure.message).toBe(`could not put the new site in place, nor the previous one back: it is in ${previous}`);
  expect(failure.outputIntact).toBe(false);
  expect((failure.cause as NodeJS.ErrnoException).code).toBe("EXDEV");
  expect(readFileSync(path.join(previous, "index.html"), "utf8")).toBe("trang cũ");
});

test("a first build that cannot be put in place leaves no output and no staging folder", async () => {
  rmSync(path.join(dir, "_site"), { recursive: true });
  refuse.renames = [1]; // staging → output (there was no output to move aside)
  const failure = await failureOf(atomicBuild(args));
  expect(failure.outputIntact).toBe(true);
  expect(entries()).toEqual(["index.md", "site.config.mjs"]);
});

test("a staging folder gone before it could be put in place: the previous site is put back, and the failure says why", async () => {
  refuse.vanish = [2];
  const failure = await failureOf(atomicBuild(args));
  expect(failure).toBeInstanceOf(BuildFailure);
  expect(failure.message).toMatch(/^could not put the new site in place: ENOENT: no such file or directory, rename/);
  expect(failure.outputIntact).toBe(true);
  expect(readFileSync(path.join(dir, "_site", "index.html"), "utf8")).toBe("trang cũ");
  expect(entries()).toEqual(["_site", "index.md", "site.config.mjs"]);
});
