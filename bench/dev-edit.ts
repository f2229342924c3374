/**
 * The dev server's edit loop: Eleventy in watch mode on a corpus (the full Newsroom config), one
 * post edited, and the time until its article page and its day page carry the edit. Medians of
 * several edits. `tsx bench/dev-edit.ts <corpus dir> [edits]`
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface DevEditResult {
  /** Wall time of the first build under watch mode. */
  firstBuild: number;
  /** Seconds from saving a post to its article page and its day page both showing the edit, per edit. */
  edits: number[];
}

export async function measureDevEdits(corpus: string, count = 3): Promise<DevEditResult> {
  const out = mkdtempSync(path.join(tmpdir(), "newsroom-dev-"));
  // As a user runs Eleventy: plain Node, the JavaScript config importing the compiled package (no tsx).
  const args = [
    path.join(root, "node_modules/@11ty/eleventy/cmd.cjs"),
    `--config=${path.join(root, "bench/full.config.js")}`,
    "--input=.",
    `--output=${out}`,
    "--watch",
    "--quiet",
  ];
  const started = performance.now();
  // From inside the corpus: Eleventy's watcher ignores paths under dot-folders such as bench/.work.
  const child = spawn(process.execPath, args, { cwd: corpus, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  let exited: number | null | undefined;
  child.on("exit", (code) => (exited = code));
  const posts = readdirSync(path.join(corpus, "posts")).sort();
  const originals = new Map<string, string>();
  try {
    await until(
      () => /Watching/.test(log),
      600_000,
      () => log,
      () => exited,
    );
    const firstBuild = (performance.now() - started) / 1000;
    const edits: number[] = [];
    for (let i = 0; i < count; i++) {
      const file = path.join(corpus, "posts", posts[Math.floor(((i + 1) * posts.length) / (count + 1))]!);
      const text = readFileSync(file, "utf8");
      originals.set(file, originals.get(file) ?? text);
      const { article, day } = outputsOf(text, out);
      const marker = `Sửa lần ${i + 1} ${Date.now()}`;
      await new Promise((r) => setTimeout(r, 1500)); // let the watcher settle
      const t0 = performance.now();
      writeFileSync(file, edit(text, marker));
      await until(
        () => contains(article, marker) && contains(day, marker),
        120_000,
        () => log,
        () => exited,
      );
      edits.push((performance.now() - t0) / 1000);
    }
    return { firstBuild, edits };
  } finally {
    child.kill("SIGTERM");
    for (const [file, text] of originals) writeFileSync(file, text);
    rmSync(out, { recursive: true, force: true });
  }
}

/** The article and day pages of a corpus post (its date is written in the site's zone, its slug is set). */
function outputsOf(text: string, out: string): { article: string; day: string } {
  const date = /^date: "?(\d{4})-(\d{2})-(\d{2})/m.exec(text);
  const slug = /^slug: "?([a-z0-9-]+)/m.exec(text)?.[1];
  if (!date || !slug) throw new Error("a corpus post has a date and a slug");
  const dayDir = path.join(out, date[1]!, date[2]!, date[3]!);
  return { article: path.join(dayDir, slug, "index.html"), day: path.join(dayDir, "index.html") };
}

/** The edit: a marker at the start of the summary (shown on the day page) and at the end of the body. */
function edit(text: string, marker: string): string {
  const withSummary = /^summary: "/m.test(text)
    ? text.replace(/^summary: "/m, `summary: "${marker} `)
    : text.replace(/^---\n/, `---\nsummary: "${marker}"\n`);
  return `${withSummary.trimEnd()}\n\n${marker}\n`;
}

function contains(file: string, text: string): boolean {
  try {
    return readFileSync(file, "utf8").includes(text);
  } catch {
    return false;
  }
}

/** Waits until `ok()`; fails on the timeout, or as soon as the watched process has exited. */
async function until(ok: () => boolean, timeout: number, log: () => string, exited: () => number | null | undefined): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!ok()) {
    if (exited() !== undefined) throw new Error(`Eleventy exited (${exited()}); log:\n${log().slice(-2000)}`);
    if (performance.now() > deadline) throw new Error(`timed out; log:\n${log().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const corpus = path.resolve(process.argv[2] ?? "bench/.work/corpus-4000");
  const result = await measureDevEdits(corpus, Number(process.argv[3] ?? 3));
  console.log(JSON.stringify(result));
}
