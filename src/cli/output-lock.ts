/**
 * One build at a time per output folder, and nothing left behind by builds that died.
 *
 * A build holds `<output>.lock` (its process id inside) while it builds and swaps. Another build
 * of the same output waits for it (and says so), or takes over a lock whose process is gone.
 * Holding the lock, a build removes what killed builds left: staging folders, and previous
 * outputs — one of which becomes the output again if a build died between its two renames — and
 * replaced outputs whose removing process stopped before it finished (removeInBackground).
 */
import { spawn } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NewsroomError } from "../kernel/errors.ts";
import { removingStem } from "../kernel/paths.ts";
import { leftByDeadBuild, processAlive } from "../kernel/processes.ts";

export interface LockOptions {
  /** How long to wait for another build of the same output, in ms. @default 30 minutes */
  waitMs?: number;
  /** Told once when the build has to wait. */
  onWait?: (holder: number) => void;
}

/** Takes the output's lock (waiting for a live holder); returns the function that releases it. */
export async function lockOutput(output: string, options: LockOptions = {}): Promise<() => void> {
  const lock = `${output}.lock`;
  mkdirSync(path.dirname(output), { recursive: true });
  const deadline = Date.now() + (options.waitMs ?? 30 * 60 * 1000);
  let told = false;
  for (;;) {
    try {
      takeLock(lock);
      return () => {
        if (readHolder(lock) === process.pid) rmSync(lock, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(lock);
    if (holder === undefined || !processAlive(holder)) {
      rmSync(lock, { force: true }); // left by a build that died
      continue;
    }
    if (Date.now() > deadline) {
      throw new NewsroomError(
        `another build of ${output} (process ${holder}) is still running after ${Math.round((options.waitMs ?? 0) / 1000)} s; nothing was changed. Wait for it, or stop it and build again.`,
      );
    }
    if (!told) options.onWait?.(holder);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Creates the lock with this process's id already inside: written to a file of its own first, then
 * linked to the lock's name, which fails with EEXIST when the lock exists. Created empty and then
 * written, a lock read in between would look like a dead build's and be taken over.
 */
function takeLock(lock: string): void {
  const own = `${lock}.${process.pid}`;
  writeFileSync(own, `${process.pid}\n`);
  try {
    linkSync(own, lock);
  } finally {
    rmSync(own, { force: true });
  }
}

function readHolder(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(lock, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes the staging and previous folders of builds that died (call it holding the lock: then
 * every one is a dead build's, even one named with this process's id, which a dead build had too
 * when process ids come round again, as they do in containers). When
 * the output itself is missing and a previous one is there, a build died mid-swap: the newest
 * previous output is put back first. Returns what was done, for the log.
 */
export function cleanDebris(output: string): string[] {
  const dir = path.dirname(output);
  const base = path.basename(output);
  if (!existsSync(dir)) return [];
  const leftovers = readdirSync(dir).filter(
    (name) => name.startsWith(`${base}.staging-`) || name.startsWith(`${base}.previous-`) || name.startsWith(removingStem(base)),
  );
  const done: string[] = [];
  const previous = leftovers
    .filter((name) => name.startsWith(`${base}.previous-`))
    .sort((a, b) => statSync(path.join(dir, b)).mtimeMs - statSync(path.join(dir, a)).mtimeMs);
  if (!existsSync(output) && previous[0]) {
    renameSync(path.join(dir, previous[0]), output);
    done.push(`restored ${base} from ${previous[0]} (a build had died while replacing it)`);
  }
  for (const name of leftovers) {
    if (!existsSync(path.join(dir, name))) continue;
    if (name.startsWith(removingStem(base)) && !leftByDeadBuild(name)) continue; // its process is removing it
    rmSync(path.join(dir, name), { recursive: true, force: true });
    done.push(`removed ${name}, left by a build that died`);
  }
  return done;
}

/**
 * The removing process (plain Node, CommonJS; arguments: the folder, the name's stem): renames the
 * folder after its own id, says so on stdout, then removes it.
 */
const REMOVER = [
  'const fs = require("node:fs");',
  "const [folder, stem] = process.argv.slice(1);",
  "const removing = stem + process.pid;",
  "try { fs.renameSync(folder, removing); } catch { process.exit(1); }",
  'process.stdout.write("renamed\\n", () => fs.rmSync(removing, { recursive: true, force: true }));',
].join("\n");

/**
 * Removes `folder`, a replaced output beside `output`, in a process of its own that outlives the
 * command: the new site is in place already, and a deploy need not wait for a hundred thousand
 * files to be deleted. That process first renames it `.<output>.removing-<its id>`, which the next
 * build leaves to it while it runs, and removes should it have stopped (cleanDebris). Where no such
 * process can be started, the folder is removed here.
 */
export async function removeInBackground(folder: string, output: string): Promise<void> {
  const renamed = await new Promise<boolean>((resolve) => {
    try {
      const child = spawn(
        process.execPath,
        ["--input-type=commonjs", "-e", REMOVER, folder, path.join(path.dirname(output), removingStem(path.basename(output)))],
        {
          detached: true,
          stdio: ["ignore", "pipe", "ignore"],
          // Not the loaders the command runs under (tsx): the remover needs none.
          env: { ...process.env, NODE_OPTIONS: "" },
        },
      );
      child.once("error", () => resolve(false));
      child.once("exit", () => resolve(false));
      child.stdout!.once("data", (data: Buffer) => {
        resolve(data.toString().startsWith("renamed"));
        child.stdout!.destroy();
      });
      child.unref();
    } catch {
      resolve(false);
    }
  });
  if (!renamed) rmSync(folder, { recursive: true, force: true });
}
