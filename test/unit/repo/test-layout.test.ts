/**
 * #22 item 5: the unit tests mirror the source. Every test file under test/unit/ (but repo/ and
 * bench/, whose tests are of the repository as a whole and of the bench) is
 * `<path under src>/<module>.test.ts` or `<path under src>/<module>.<aspect>.test.ts`, naming a
 * module of src/ (`.ts`, `.js` or a `.d.ts` contract). A test file named after an incident, or
 * left at a module's old path after a move, fails here. test/README.md states the rule.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";

const unit = path.join(repoRoot, "test", "unit");
const src = path.join(repoRoot, "src");
/** Folders of test/unit/ whose tests are not of one module. */
const APART = ["repo", "bench"];
const EXTENSIONS = [".ts", ".js", ".d.ts"];

/** The src/ module a unit test file (its path under test/unit/, with `/`) is about, or undefined. */
function moduleOf(testFile: string, exists: (file: string) => boolean): string | undefined {
  const match = /^(.*?)([^/]+)\.test\.ts$/.exec(testFile);
  if (!match) return undefined;
  const [, folder, name] = match as unknown as [string, string, string];
  const names = [name];
  const aspect = /^(.+)\.[a-z0-9-]+$/.exec(name);
  if (aspect) names.push(aspect[1]!);
  for (const base of names) {
    for (const extension of EXTENSIONS) {
      const module = `${folder}${base}${extension}`;
      if (exists(module)) return module;
    }
  }
  return undefined;
}

/** Every `*.test.ts` under test/unit/ outside the folders kept apart, as paths under test/unit/ with `/`. */
function unitTestFiles(): string[] {
  return readdirSync(unit, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => file.endsWith(".test.ts") && !APART.some((folder) => file.startsWith(`${folder}/`)))
    .sort();
}

describe("moduleOf: a test file's module", () => {
  const modules = new Set(["cli/output-lock.ts", "kernel/slug.ts", "features/search/parts.ts", "features/search/contract.d.ts", "a.b.ts"]);
  const exists = (file: string) => modules.has(file);
  test.each([
    ["cli/output-lock.test.ts", "cli/output-lock.ts"],
    ["cli/output-lock.races.test.ts", "cli/output-lock.ts"],
    ["kernel/slug.memory.test.ts", "kernel/slug.ts"],
    ["features/search/parts.size.test.ts", "features/search/parts.ts"],
    ["features/search/contract.test.ts", "features/search/contract.d.ts"],
    ["a.b.test.ts", "a.b.ts"],
  ])("%s is a test of src/%s", (file, module) => {
    expect(moduleOf(file, exists)).toBe(module);
  });
  test.each([
    "output-lock-races.test.ts", // named after an incident, in the flat folder
    "output-lock.test.ts", // not at the module's path
    "cli/output-lock.races.more.test.ts", // one aspect only
    "kernel/slug-memory.test.ts", // the aspect joined by a hyphen names no module
    "features/search/search.test.ts", // a feature's name is a folder, not a module
  ])("%s is a test of no module", (file) => {
    expect(moduleOf(file, exists)).toBeUndefined();
  });
});

test("every unit test file outside repo/ and bench/ is at the path of a module of src/", () => {
  const files = unitTestFiles();
  expect(files.length).toBeGreaterThan(40);
  const exists = (file: string) => existsSync(path.join(src, file));
  const strays = files.filter((file) => moduleOf(file, exists) === undefined);
  expect(
    strays.map((file) => `test/unit/${file}: expected <path under src>/<module>[.<aspect>].test.ts, found no module for it in src/`),
  ).toEqual([]);
});
