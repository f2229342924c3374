/**
 * #22: the one rule of imports (.dependency-cruiser.cjs, run by `npm run lint`) catches each kind
 * of crossing — a layer importing one above it, a feature importing another, a browser script
 * importing build code, a circle — on a small tree of its own, and lets the allowed imports pass.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";

const repo = path.resolve(import.meta.dirname, "../../..");
const cli = path.join(repo, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the files under a fresh folder's src/ and runs the project's rules on it. */
function cruise(files: Record<string, string>): { ok: boolean; output: string } {
  dir = mkdtempSync(path.join(os.tmpdir(), "newsroom-layers-"));
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, allowJs: true } }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, "src", file)), { recursive: true });
    writeFileSync(path.join(dir, "src", file), text);
  }
  try {
    const output = execFileSync(process.execPath, [cli, "src", "--config", path.join(repo, ".dependency-cruiser.cjs")], {
      cwd: dir,
      encoding: "utf8",
      stdio: "pipe",
    });
    return { ok: true, output };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string };
    return { ok: false, output: failed.stdout + failed.stderr };
  }
}

const allowed = {
  "kernel/slug.ts": "export const slug = 1;\n",
  "options/index.ts": 'import { slug } from "../kernel/slug.ts";\nexport const options = slug;\n',
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

test("imports down the layers, inside a feature, and to a feature's contract pass", () => {
  const result = cruise(allowed);
  expect(result.output).toContain("no dependency violations found");
  expect(result.ok).toBe(true);
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
])("%s is refused, naming the file", (rule, file, text) => {
  const files: Record<string, string> = { ...allowed, [file]: text };
  // index.ts importing the command: the top of the stack imports the layer above it.
  if (rule === "index-imports-upward") files["index.ts"] = 'import "./cli/newsroom.ts";\n';
  const result = cruise(files);
  expect(result.ok).toBe(false);
  expect(result.output).toContain(`error ${rule}: src/${rule === "index-imports-upward" ? "index.ts" : file}`);
});

test("an import circle is refused", () => {
  const result = cruise({ ...allowed, "kernel/a.ts": 'import "./b.ts";\n', "kernel/b.ts": 'import "./a.ts";\n' });
  expect(result.ok).toBe(false);
  expect(result.output).toContain("error no-circular: src/kernel/a.ts");
});
