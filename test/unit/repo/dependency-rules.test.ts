/**
 * #22: the one rule of imports (.dependency-cruiser.cjs, run by `npm run lint`) catches each kind
 * of crossing — a layer importing one above it, a feature importing another, a browser script
 * importing build code, a circle — on a small tree of its own, and lets the allowed imports pass.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { cruise as depcruise, type ICruiseOptions, type ICruiseResult } from "dependency-cruiser";
import { afterEach, expect, test } from "vitest";

const repo = path.resolve(import.meta.dirname, "../../..");
/** The project's rules, as `npm run lint` reads them. */
const config = createRequire(import.meta.url)(path.join(repo, ".dependency-cruiser.cjs")) as {
  forbidden: NonNullable<ICruiseOptions["ruleSet"]>["forbidden"];
  options: ICruiseOptions;
};
let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the files under a fresh folder's src/ and runs the project's rules on it: the violations, as "rule: from". */
async function cruise(files: Record<string, string>): Promise<string[]> {
  dir = mkdtempSync(path.join(os.tmpdir(), "newsroom-layers-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, "src", file)), { recursive: true });
    writeFileSync(path.join(dir, "src", file), text);
  }
  const { tsConfig: _tsConfig, ...options } = config.options;
  const { output } = await depcruise(["src"], { ...options, baseDir: dir, validate: true, ruleSet: { forbidden: config.forbidden } });
  const result = output as ICruiseResult;
  return result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from}`);
}

const allowed = {
  "kernel/slug.ts": "export const slug = 1;\n",
  "options/fields.ts": 'import { slug } from "../kernel/slug.ts";\nexport const field = slug;\n',
  "options/index.ts":
    'import { field } from "./fields.ts";\nimport { searchOptions } from "../features/search/options.ts";\nexport const options = [field, searchOptions];\n',
  "features/search/options.ts":
    'import { field } from "../../options/fields.ts";\nimport { slug } from "../../kernel/slug.ts";\nexport const searchOptions = [field, slug];\n',
  "posts/post.ts": 'import { options } from "../options/index.ts";\nexport type Post = { n: typeof options };\n',
  "features/search/contract.d.ts": "export interface Parts { n: number }\n",
  "features/search/indexer.ts":
    'import type { Post } from "../../posts/post.ts";\nimport type { Parts } from "./contract.js";\nexport type R = [Post, Parts];\n',
  "features/search/client/search.js": '/** @import { Parts } from "../contract.js" */\nimport "./parts.js";\nimport "../contract.js";\n',
  "features/search/client/parts.js": "export const parts = 1;\n",
  "features/home/front-page.ts": 'import type { Post } from "../../posts/post.ts";\nexport type F = Post;\n',
  "render/site-data.ts": 'import "../features/search/indexer.ts";\nimport "../features/home/front-page.ts";\n',
  "build/build.ts": 'import "../render/site-data.ts";\n',
  "index.ts": 'import "./build/build.ts";\n',
  "cli/newsroom.ts": 'import "../index.ts";\n',
};

test("imports down the layers, inside a feature, to a feature's contract, and of the features' option schemas by the options pass", async () => {
  expect(await cruise(allowed)).toEqual([]);
});

test.each([
  ["kernel-imports-upward", "kernel/bad.ts", 'import "../posts/post.ts";\n'],
  ["options-imports-upward", "options/bad.ts", 'import "../features/home/front-page.ts";\n'],
  ["posts-imports-upward", "posts/bad.ts", 'import "../render/site-data.ts";\n'],
  ["features-imports-upward", "features/home/bad.ts", 'import "../../build/build.ts";\n'],
  ["render-imports-upward", "render/bad.ts", 'import "../index.ts";\n'],
  ["build-imports-upward", "build/bad.ts", 'import "../cli/newsroom.ts";\n'],
  ["index-imports-upward", "index2.ts", ""],
  ["feature-imports-another-feature", "features/home/bad.ts", 'import type { R } from "../search/indexer.ts";\nexport type X = R;\n'],
  ["browser-script-imports-build-code", "features/search/client/bad.js", 'import "../indexer.ts";\n'],
  ["feature-options-import-more-than-fields", "features/home/options.ts", 'import "../../options/index.ts";\n'],
  ["feature-options-import-more-than-fields", "features/cms/options.ts", 'import "../../posts/post.ts";\n'],
])("%s is refused, naming the file", async (rule, file, text) => {
  const files: Record<string, string> = { ...allowed, [file]: text };
  // index.ts importing the command: the top of the stack imports the layer above it.
  if (rule === "index-imports-upward") files["index.ts"] = 'import "./cli/newsroom.ts";\n';
  const violations = await cruise(files);
  expect(violations).toContain(`${rule}: src/${rule === "index-imports-upward" ? "index.ts" : file}`);
  // The index importing the command also closes a circle (the command imports the index); nothing else is refused.
  expect(violations).toHaveLength(rule === "index-imports-upward" ? 2 : 1);
});

test("an import circle is refused", async () => {
  expect(await cruise({ ...allowed, "kernel/a.ts": 'import "./b.ts";\n', "kernel/b.ts": 'import "./a.ts";\n' })).toEqual([
    "no-circular: src/kernel/a.ts",
  ]);
});
