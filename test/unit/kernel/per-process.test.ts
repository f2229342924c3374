/** The one place for per-process state: values two copies of the plugin share, a lock, memoised loads. */
import { expect, test, vi } from "vitest";
import { once, perProcess, processLock } from "../../../src/kernel/per-process.ts";
// Imported with the file, not inside a test: the mutation run would count every module's top-level
// code as run by that test, and run its static mutants against it instead of ignoring them.
import { newsroomSettings } from "../../../src/index.ts";

/** A second copy of the module, as a process that loads the plugin from src/ and from dist/ has. */
async function secondCopy(): Promise<typeof import("../../../src/kernel/per-process.ts")> {
  vi.resetModules();
  return import("../../../src/kernel/per-process.ts");
}

const later = () => new Promise((resolve) => setTimeout(resolve, 5));

test("perProcess: one value per name, made once, under the package's global symbol, shared by two copies of the module", async () => {
  const init = vi.fn(() => ({ made: true }));
  const value = perProcess("test.shared", init);
  expect(perProcess("test.shared", init)).toBe(value);
  expect(init).toHaveBeenCalledTimes(1);
  expect((globalThis as Record<symbol, unknown>)[Symbol.for("eleventy-plugin-newsroom.test.shared")]).toBe(value);
  const copy = await secondCopy();
  expect(copy.perProcess).not.toBe(perProcess);
  expect(copy.perProcess("test.shared", () => ({ made: false }))).toBe(value);
  expect(perProcess("test.other", () => "other")).toBe("other");
});

test("the plugin's settings registry is the one older copies of the plugin keep under eleventy-plugin-newsroom.settings", async () => {
  const config = {};
  const registry = (globalThis as Record<symbol, unknown>)[Symbol.for("eleventy-plugin-newsroom.settings")] as WeakMap<object, unknown>;
  expect(registry).toBeInstanceOf(WeakMap);
  const settings = { postsDir: "posts" };
  registry.set(config, settings);
  expect(newsroomSettings(config)).toBe(settings);
});

test("processLock: runs one at a time, in the order started, each with its turn; a failed run does not stop the next", async () => {
  const lock = processLock("test.order");
  const events: string[] = [];
  const run = (name: string, fail = false) =>
    lock.run(async (turn) => {
      events.push(`${name} starts (turn ${turn})`);
      await later();
      events.push(`${name} ends`);
      if (fail) throw new Error(`${name} failed`);
      return name;
    });
  const results = await Promise.allSettled([run("a"), run("b", true), run("c")]);
  expect(events).toEqual(["a starts (turn 1)", "a ends", "b starts (turn 2)", "b ends", "c starts (turn 3)", "c ends"]);
  expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["a", "b failed", "c"]);
});

test("processLock: two copies of the module share a lock of one name; locks of other names run beside it", async () => {
  const copy = await secondCopy();
  const events: string[] = [];
  const work = (name: string) => async () => {
    events.push(`${name} starts`);
    await later();
    events.push(`${name} ends`);
  };
  await Promise.all([
    processLock("test.shared-lock").run(work("first")),
    copy.processLock("test.shared-lock").run(work("second")),
    processLock("test.other-lock").run(work("other")),
  ]);
  expect(events.indexOf("second starts")).toBeGreaterThan(events.indexOf("first ends"));
  expect(events.indexOf("other starts")).toBeLessThan(events.indexOf("first ends"));
});

test("once: the value is made at the first call and kept", () => {
  const make = vi.fn(() => ({ n: 1 }));
  const value = once(make);
  expect(make).not.toHaveBeenCalled();
  expect(value()).toBe(value());
  expect(make).toHaveBeenCalledTimes(1);
});

test("once: a promise that rejects is not kept, one that fulfils is", async () => {
  let attempts = 0;
  const load = once(async () => {
    attempts += 1;
    if (attempts === 1) throw new Error("not installed");
    return "module";
  });
  await expect(load()).rejects.toThrow("not installed");
  await expect(load()).resolves.toBe("module");
  await expect(load()).resolves.toBe("module");
  expect(attempts).toBe(2);
});
