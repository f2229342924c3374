/** Runs the Eleventy CLI through tsx, as `npm run build` does. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

export function runEleventy(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return runScript(path.join(repoRoot, "node_modules/@11ty/eleventy/cmd.cjs"), args, options);
}

/** Runs `npm run build`'s command (the packaged `newsroom build`, from dist/) with these arguments. */
export function runBuild(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return runNewsroom(["build", ...args], options);
}

/** Runs the packaged `newsroom` command (from dist/) with these arguments. */
export function runNewsroom(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return runScript(path.join(repoRoot, "dist/cli/newsroom.js"), args, options);
}

function runScript(script: string, args: string[], options: { cwd?: string; env?: Record<string, string> }) {
  const result = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), script, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}\n${result.stderr}` };
}

/** sha256 of every file below `dir`, by relative path. */
export function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file).split(path.sep).join("/")] = createHash("sha256").update(readFileSync(file)).digest("hex");
  }
  return hashes;
}
