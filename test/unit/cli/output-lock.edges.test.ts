/** The output's lock and the clean-up of dead builds (src/cli/output-lock.ts) at their edges. */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { cleanDebris, lockOutput } from "../../../src/cli/output-lock.ts";

let dir: string;
let output: string;
const DEAD = 2 ** 22 + 777; // above Linux's default pid_max: no such process
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-lock-edges-"));
  output = path.join(dir, "_site");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("releasing leaves a lock that another build has taken since", async () => {
  const release = await lockOutput(output, { waitMs: 1000 });
  writeFileSync(`${output}.lock`, `${DEAD}\n`);
  release();
  expect(readFileSync(`${output}.lock`, "utf8")).toBe(`${DEAD}\n`);
});

test("a lock file that names no process is taken over at once", async () => {
  for (const content of ["", "not a pid\n", "0\n", "-12\n"]) {
    writeFileSync(`${output}.lock`, content);
    const release = await lockOutput(output, { waitMs: 300, onWait: () => expect.fail(`waited for ${JSON.stringify(content)}`) });
    release();
  }
});

test("an output folder whose parent is missing: the parent is made and the lock taken (--output=new/site)", async () => {
  const release = await lockOutput(path.join(dir, "missing", "_site"), { waitMs: 300 });
  expect(existsSync(path.join(dir, "missing", "_site.lock"))).toBe(true);
  release();
});

test("an output folder whose parent is a file: the file system's error, no endless retry", async () => {
  writeFileSync(path.join(dir, "a-file"), "");
  await expect(lockOutput(path.join(dir, "a-file", "_site"), { waitMs: 300 })).rejects.toThrow(/ENOTDIR|EEXIST/);
});

// mutation gap: cli/output-lock.ts an error other than EEXIST from taking the lock is thrown, not retried
test("a lock whose own file cannot be written: the file system's error, no endless retry", async () => {
  // "<output>.lock" fits in a name of 255 bytes, "<output>.lock.<pid>" does not.
  const long = path.join(dir, "a".repeat(250));
  await expect(lockOutput(long, { waitMs: 300 })).rejects.toThrow(/ENAMETOOLONG/);
  expect(readdirSync(dir)).toEqual([]);
});

test("the limit is said in seconds", async () => {
  const other = spawn("sleep", ["5"]);
  writeFileSync(`${output}.lock`, `${other.pid}\n`);
  try {
    await expect(lockOutput(output, { waitMs: 600 })).rejects.toThrow(
      `another build of ${output} (process ${other.pid}) is still running after 1 s; nothing was changed. Wait for it, or stop it and build again.`,
    );
  } finally {
    other.kill();
  }
});

test("a build waits its whole limit: it gives up once the limit has passed, not the moment it is reached", async () => {
  vi.useFakeTimers({ now: 0 });
  try {
    writeFileSync(`${output}.lock`, `${process.pid}\n`); // a live process: this one
    let outcome = "waiting";
    const locking = lockOutput(output, { waitMs: 1000 }).then(
      () => (outcome = "locked"),
      (error: Error) => (outcome = error.message),
    );
    await vi.advanceTimersByTimeAsync(1000); // it looks again every 200 ms: the last look at exactly 1000 ms still waits
    expect(outcome).toBe("waiting");
    await vi.advanceTimersByTimeAsync(200);
    await locking;
    expect(outcome).toBe(
      `eleventy-plugin-newsroom: another build of ${output} (process ${process.pid}) is still running after 1 s; nothing was changed. Wait for it, or stop it and build again.`,
    );
  } finally {
    vi.useRealTimers();
  }
});

test("by default a build waits for another one (up to 30 minutes), not a moment", async () => {
  const other = spawn("sleep", ["1.2"]);
  writeFileSync(`${output}.lock`, `${other.pid}\n`);
  other.once("exit", () => rmSync(`${output}.lock`, { force: true }));
  const release = await lockOutput(output);
  expect(readFileSync(`${output}.lock`, "utf8")).toBe(`${process.pid}\n`);
  release();
});

test("nothing to clean beside an output whose folder does not exist", () => {
  expect(cleanDebris(path.join(dir, "missing", "_site"))).toEqual([]);
});

test("leftovers named with this process's own id are a dead build's too (process ids come round again, as in containers)", () => {
  // Called holding the lock, no live build has folders beside the output.
  mkdirSync(`${output}.staging-${process.pid}`);
  mkdirSync(`${output}.previous-${process.pid}`);
  writeFileSync(path.join(`${output}.previous-${process.pid}`, "index.html"), "trước");
  expect(cleanDebris(output)).toEqual([
    `restored _site from _site.previous-${process.pid} (a build had died while replacing it)`,
    `removed _site.staging-${process.pid}, left by a build that died`,
  ]);
  expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("trước");
  expect(readdirSync(dir)).toEqual(["_site"]);
});

test("the lock leaves nothing else beside the output, held or released", async () => {
  const release = await lockOutput(output, { waitMs: 1000 });
  expect(readdirSync(dir)).toEqual(["_site.lock"]);
  expect(readFileSync(`${output}.lock`, "utf8")).toBe(`${process.pid}\n`);
  release();
  expect(readdirSync(dir)).toEqual([]);
});

test("of several previous outputs the newest is put back, the others removed; the log says each once", () => {
  for (const [pid, day] of [
    [DEAD, "2020-01-01"],
    [DEAD + 1, "2020-03-01"],
    [DEAD + 2, "2020-02-01"],
  ] as const) {
    const folder = `${output}.previous-${pid}`;
    mkdirSync(folder);
    writeFileSync(path.join(folder, "index.html"), day);
    utimesSync(folder, new Date(day), new Date(day));
  }
  mkdirSync(`${output}.staging-${DEAD + 3}`);
  const done = cleanDebris(output);
  expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("2020-03-01");
  expect(done[0]).toBe(`restored _site from _site.previous-${DEAD + 1} (a build had died while replacing it)`);
  expect(done.slice(1).toSorted()).toEqual(
    [`_site.previous-${DEAD}`, `_site.previous-${DEAD + 2}`, `_site.staging-${DEAD + 3}`].map(
      (name) => `removed ${name}, left by a build that died`,
    ),
  );
  expect(readdirSync(dir)).toEqual(["_site"]);
});
