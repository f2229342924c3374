/**
 * The output's lock and the clean-up (src/cli/output-lock.ts) when another process removes a file
 * between the moment this one finds it and the moment it removes it (two builds that both find a
 * dead build's lock, someone deleting the lock by hand). The race is simulated: the file is
 * removed right after it was read, or found.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { cleanDebris, lockOutput } from "../../../src/cli/output-lock.ts";

const race = vi.hoisted(() => ({ removeAfterRead: "", removeAfterFound: "" }));
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const removeOnce = (key: "removeAfterRead" | "removeAfterFound", file: unknown) => {
    if (race[key] !== "" && String(file) === race[key]) {
      race[key] = "";
      fs.rmSync(String(file), { recursive: true, force: true });
    }
  };
  return {
    ...fs,
    readFileSync: ((file: string, options: BufferEncoding) => {
      const content = fs.readFileSync(file, options);
      removeOnce("removeAfterRead", file);
      return content;
    }) as typeof fs.readFileSync,
    existsSync: (file: string) => {
      const found = fs.existsSync(file);
      removeOnce("removeAfterFound", file);
      return found;
    },
  };
});

let dir: string;
let output: string;
const DEAD = 2 ** 22 + 999; // above Linux's default pid_max: no such process
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-lock-races-"));
  output = path.join(dir, "_site");
  race.removeAfterRead = "";
  race.removeAfterFound = "";
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("a dead build's lock that another waiting build removes first: this build takes the lock all the same", async () => {
  writeFileSync(`${output}.lock`, `${DEAD}\n`);
  race.removeAfterRead = `${output}.lock`;
  const release = await lockOutput(output, { waitMs: 1000, onWait: () => expect.fail("waited") });
  expect(race.removeAfterRead).toBe(""); // the race did happen
  expect(existsSync(`${output}.lock`)).toBe(true);
  release();
  expect(existsSync(`${output}.lock`)).toBe(false);
});

test("releasing a lock that someone removed at that very moment is no error", async () => {
  const release = await lockOutput(output, { waitMs: 1000 });
  race.removeAfterRead = `${output}.lock`;
  expect(() => release()).not.toThrow();
  expect(race.removeAfterRead).toBe("");
  expect(existsSync(`${output}.lock`)).toBe(false);
});

test("a dead build's folder that another clean-up removes at that very moment is no error", () => {
  mkdirSync(`${output}.staging-${DEAD}`);
  mkdirSync(`${output}.previous-${DEAD + 1}`);
  mkdirSync(output);
  race.removeAfterFound = `${output}.staging-${DEAD}`;
  expect(cleanDebris(output).toSorted()).toEqual(
    [`_site.previous-${DEAD + 1}`, `_site.staging-${DEAD}`].map((name) => `removed ${name}, left by a build that died`),
  );
  expect(race.removeAfterFound).toBe("");
  expect(existsSync(`${output}.previous-${DEAD + 1}`)).toBe(false);
});
