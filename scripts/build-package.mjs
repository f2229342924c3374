// npm run build:lib — compiles src/ into dist/ (JavaScript and declarations), copies the files
// the compiled code reads at run time (layouts, partials, stylesheet, browser scripts) to the
// same places beside it, and writes the posts' JSON Schema (dist/post.schema.json). dist/ is
// rebuilt from scratch (no file of an older build stays), in a folder of its own swapped in at
// the end: a test run or dev server reading dist/ meanwhile (another terminal's `npm test`
// rebuilds it too) sees the old files or the new, never none.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, `dist.next-${process.pid}`);
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json"), "--outDir", dist], { stdio: "inherit", cwd: root });
for (const folder of ["layouts", "includes", "assets"]) {
  cpSync(path.join(root, "src", folder), path.join(dist, folder), { recursive: true });
}
// Each feature's browser scripts (features/<name>/client/) and its declared browser contract
// (contract.d.ts): shipped as written, beside the feature's compiled code.
for (const entry of readdirSync(path.join(root, "src", "features"), { recursive: true, withFileTypes: true })) {
  const file = path.join(entry.parentPath, entry.name);
  const inClient = path.basename(entry.parentPath) === "client";
  if (!entry.isFile() || !(inClient || entry.name.endsWith(".d.ts"))) continue;
  cpSync(file, path.join(dist, path.relative(path.join(root, "src"), file)));
}

// tsc rewrites the `.ts` import paths of the JavaScript it emits, not of its declarations:
// a consumer's compiler would refuse `.ts` paths inside node_modules.
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
  const file = path.join(entry.parentPath, entry.name);
  const text = readFileSync(file, "utf8");
  const fixed = text.replace(/(from\s+["']|import\(["'])(\.{1,2}\/[^"']+)\.ts(["'])/g, "$1$2.js$3");
  if (fixed !== text) writeFileSync(file, fixed);
}

// The post front matter's JSON Schema, for editors and validators (exported as
// "eleventy-plugin-newsroom/post.schema.json"), made from the compiled schema module itself.
const { postJsonSchema } = await import(pathToFileURL(path.join(dist, "posts/post-schema.js")).href);
writeFileSync(path.join(dist, "post.schema.json"), `${JSON.stringify(postJsonSchema(), null, 2)}\n`);

const live = path.join(root, "dist");
const old = path.join(root, `dist.old-${process.pid}`);
// Two builds at once may swap in turn: the one that loses a rename tries again.
for (let attempt = 1; ; attempt++) {
  try {
    if (existsSync(live)) renameSync(live, old);
    renameSync(dist, live);
    break;
  } catch (error) {
    if (attempt === 5) throw error;
  }
}
rmSync(old, { recursive: true, force: true });
