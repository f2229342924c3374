/**
 * removeInBackground (src/cli/output-lock.ts) when its process cannot do the job: it cannot be
 * started, fails, or ends without saying it renamed the folder — then the folder is removed by the
 * command itself. And the process is started so that it outlives the command: detached, unref'd,
 * its one pipe closed once read, without the command's loaders. (output-lock.test.ts runs the real one.)
 */
import { EventEmitter } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

class FakeChild extends EventEmitter {
  stdout = Object.assign(new EventEmitter(), { destroy: vi.fn() });
  unref = vi.fn();
}
const spawned = vi.hoisted(() => ({ calls: [] as unknown[][], next: undefined as ((child: FakeChild) => void) | "throw" | undefined }));
vi.mock("node:child_process", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:child_process")>();
  const spawn = (...args: unknown[]) => {
    spawned.calls.push(args);
    if (spawned.next === "throw") throw Object.assign(new Error("spawn EAGAIN"), { code: "EAGAIN" });
    const child = new FakeChild();
    const act = spawned.next;
    setImmediate(() => act?.(child));
    return child;
  };
  return { ...original, default: { ...original, spawn }, spawn };
});
const { removeInBackground } = await import("../../../src/cli/output-lock.ts");

let dir: string;
let previous: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-remover-"));
  previous = path.join(dir, `_site.previous-${process.pid}`);
  mkdirSync(previous);
  writeFileSync(path.join(previous, "index.html"), "cũ");
  spawned.calls = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test.each([
  ["cannot be started", "throw" as const],
  ["fails", (child: FakeChild) => void child.emit("error", new Error("spawn EAGAIN"))],
  ["ends without a word", (child: FakeChild) => void child.emit("exit", 1, null)],
  ["says something else", (child: FakeChild) => void child.stdout.emit("data", Buffer.from("node: bad option\n"))],
])("a removing process that %s: the command removes the folder itself", async (_what, next) => {
  spawned.next = next;
  await removeInBackground(previous, path.join(dir, "_site"));
  expect(existsSync(previous)).toBe(false);
});

test("started detached with only stdout piped, no loaders, the folder and the name's stem; once it says it renamed the folder, left to it", async () => {
  let child: FakeChild | undefined;
  spawned.next = (c) => {
    child = c;
    c.stdout.emit("data", Buffer.from("renamed\n"));
  };
  await removeInBackground(previous, path.join(dir, "_site"));
  expect(existsSync(previous)).toBe(true); // the fake process renames nothing: the command did not remove it
  const [command, args, options] = spawned.calls[0] as [string, string[], { detached: boolean; stdio: string[]; env: NodeJS.ProcessEnv }];
  expect(command).toBe(process.execPath);
  expect(args.slice(0, 2)).toEqual(["--input-type=commonjs", "-e"]);
  expect(args.slice(3)).toEqual([previous, path.join(dir, "._site.removing-")]);
  expect(options).toMatchObject({ detached: true, stdio: ["ignore", "pipe", "ignore"] });
  expect(options.env.NODE_OPTIONS).toBe("");
  expect(options.env.PATH).toBe(process.env.PATH);
  expect(child!.unref).toHaveBeenCalled();
  expect(child!.stdout.destroy).toHaveBeenCalled();
});
