/**
 * The last step of `newsroom build` (src/cli/build.ts): the new site swapped in for the old. When
 * the file system refuses the swap, the previous site is put back, and the failure says where
 * things are. The refusals are simulated: `rename` fails on the calls a test chooses.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { beforeEach, expect, test, vi } from "vitest";
import { buildArgs, failureOf as failureOfBuild, useBuildFolder } from "../../helpers/build-folder.ts";

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

const { atomicBuild, BuildFailure } = await import("../../../src/cli/build.ts");

const folder = useBuildFolder("newsroom-swap-", {
  "index.md": "# Trang mới\n",
  "_site/index.html": "trang cũ",
  "_site/.newsroom-output": "",
});
const args = buildArgs;
const failureOf = (build: Promise<void>) => failureOfBuild<InstanceType<typeof BuildFailure>>(build);
const entries = () => readdirSync(folder.path).toSorted();

beforeEach(() => {
  refuse.renames = [];
  refuse.vanish = [];
  refuse.calls = 0;
});

test("the new site cannot be put in place: the previous one is put back, and the failure says the output is intact", async () => {
  refuse.renames = [2]; // 1: output → previous, 2: staging → output
  const failure = await failureOf(atomicBuild(args));
  expect(failure).toBeInstanceOf(BuildFailure);
  expect(failure.message).toMatch(/^could not put the new site in place: EXDEV: cross-device link not permitted/);
  expect(failure.outputIntact).toBe(true);
  expect((failure.cause as NodeJS.ErrnoException).code).toBe("EXDEV");
  expect(readFileSync(path.join(folder.path, "_site", "index.html"), "utf8")).toBe("trang cũ");
  expect(entries()).toEqual(["_site", "index.md", "site.config.mjs"]);
});

test("nor can the previous one be put back: the failure says where it is and that the output is not intact", async () => {
  refuse.renames = [2, 3];
  const failure = await failureOf(atomicBuild(args));
  const previous = `${path.join(folder.path, "_site")}.previous-${process.pid}`;
  expect(failure.message).toBe(`could not put the new site in place, nor the previous one back: it is in ${previous}`);
  expect(failure.outputIntact).toBe(false);
  expect((failure.cause as NodeJS.ErrnoException).code).toBe("EXDEV");
  expect(readFileSync(path.join(previous, "index.html"), "utf8")).toBe("trang cũ");
});

test("a first build that cannot be put in place leaves no output and no staging folder", async () => {
  rmSync(path.join(folder.path, "_site"), { recursive: true });
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
  expect(readFileSync(path.join(folder.path, "_site", "index.html"), "utf8")).toBe("trang cũ");
  expect(entries()).toEqual(["_site", "index.md", "site.config.mjs"]);
});
