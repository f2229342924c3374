/** One build per output folder at a time; what dead builds left is cleaned up (src/cli/output-lock.ts). */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { cleanDebris, lockOutput, removeInBackground } from "../../../src/cli/output-lock.ts";

let dir: string;
let output: string;
const DEAD = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-lock-"));
  output = path.join(dir, "_site");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("staging and previous folders of dead builds are removed; the output is left alone", () => {
  mkdirSync(output);
  writeFileSync(path.join(output, "index.html"), "live");
  mkdirSync(`${output}.staging-${DEAD}`);
  mkdirSync(`${output}.previous-${DEAD + 1}`);
  mkdirSync(path.join(dir, "_site-other.staging-1")); // another output's: not ours to touch
  expect(cleanDebris(output)).toHaveLength(2);
  expect(readdirSync(dir).toSorted()).toEqual(["_site", "_site-other.staging-1"]);
  expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("live");
});

test("a build that died between its two renames: the previous output is put back", () => {
  mkdirSync(`${output}.previous-${DEAD}`);
  writeFileSync(path.join(`${output}.previous-${DEAD}`, "index.html"), "previous");
  mkdirSync(`${output}.staging-${DEAD}`);
  const done = cleanDebris(output);
  expect(done[0]).toMatch(/restored _site/);
  expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("previous");
  expect(readdirSync(dir)).toEqual(["_site"]);
});

test("a replaced output is renamed at once and removed by a process of its own; one left half-removed is never put back", async () => {
  const previous = `${output}.previous-${process.pid}`;
  for (let d = 0; d < 30; d++) {
    mkdirSync(path.join(previous, "2019", String(d)), { recursive: true });
    for (let i = 0; i < 100; i++) writeFileSync(path.join(previous, "2019", String(d), `${i}.html`), "cũ");
  }
  await removeInBackground(previous, output);
  // Renamed by the removing process (its id, not ours), which is still deleting 3,000 files when the command goes on.
  const [removing, ...others] = readdirSync(dir);
  expect(others).toEqual([]);
  expect(removing).toMatch(/^\._site\.removing-\d+$/);
  expect(removing).not.toBe(`._site.removing-${process.pid}`);
  await expect.poll(() => readdirSync(dir), { timeout: 20_000 }).toEqual([]);

  // While its process runs, the next build leaves its folder to it.
  const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
  mkdirSync(path.join(dir, `._site.removing-${sleeper.pid}`));
  try {
    expect(cleanDebris(output)).toEqual([]);
    expect(readdirSync(dir)).toEqual([`._site.removing-${sleeper.pid}`]);
  } finally {
    sleeper.kill();
    rmSync(path.join(dir, `._site.removing-${sleeper.pid}`), { recursive: true });
  }

  // A remover that did not finish (the machine stopped): the next build removes its folder, and does not take it for the output.
  mkdirSync(path.join(dir, `._site.removing-${DEAD}`));
  writeFileSync(path.join(dir, `._site.removing-${DEAD}`, "index.html"), "half gone");
  expect(cleanDebris(output)).toEqual([`removed ._site.removing-${DEAD}, left by a build that died`]);
  expect(readdirSync(dir)).toEqual([]);
});

test("a lock left by a dead build is taken over at once", async () => {
  writeFileSync(`${output}.lock`, `${DEAD}\n`);
  const release = await lockOutput(output, { waitMs: 1000 });
  expect(readFileSync(`${output}.lock`, "utf8").trim()).toBe(String(process.pid));
  release();
  expect(existsSync(`${output}.lock`)).toBe(false);
});

test("a live build's lock is waited for, and the wait is said once", async () => {
  const other = spawn("sleep", ["1.5"]);
  writeFileSync(`${output}.lock`, `${other.pid}\n`);
  const exited = new Promise<void>((resolve) =>
    other.once("exit", () => {
      rmSync(`${output}.lock`, { force: true }); // as the other build releases it
      resolve();
    }),
  );
  const waits: number[] = [];
  const started = Date.now();
  const release = await lockOutput(output, { waitMs: 10_000, onWait: (pid) => waits.push(pid) });
  await exited;
  expect(Date.now() - started).toBeGreaterThan(1000);
  expect(waits).toEqual([other.pid]);
  release();
});

test("waiting has a limit: then the build stops, saying who holds the lock and that nothing changed", async () => {
  const other = spawn("sleep", ["5"]);
  writeFileSync(`${output}.lock`, `${other.pid}\n`);
  try {
    await expect(lockOutput(output, { waitMs: 300 })).rejects.toThrow(new RegExp(`process ${other.pid}.*nothing was changed`));
  } finally {
    other.kill();
  }
});
