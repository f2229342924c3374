/** The plugin's loggers: the prefix and format of each line, and where it goes. */
import { afterEach, expect, test, vi } from "vitest";
import type { EleventyLogger } from "../../../src/kernel/eleventy.ts";
import { consoleLog, eleventyLog } from "../../../src/kernel/log.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** An Eleventy logger that keeps what it is asked to write. */
function keeping(): EleventyLogger & { calls: unknown[] } {
  const calls: unknown[] = [];
  return { calls, logWithOptions: (options) => void calls.push(options) };
}

test("the console logger: information on console.log, warnings on console.warn, both with the prefix", () => {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  consoleLog.info("3 posts in 0.1 s");
  consoleLog.warn("a.md: unknown front matter key");
  expect(log.mock.calls).toEqual([["[newsroom] 3 posts in 0.1 s"]]);
  expect(warn.mock.calls).toEqual([["[newsroom] warning: a.md: unknown front matter key"]]);
});

test("Eleventy's logger: information as its quiet-aware lines, warnings forced through --quiet, in yellow", () => {
  const logger = keeping();
  const log = eleventyLog({ logger });
  log.info("3 posts in 0.1 s");
  log.warn("a.md: unknown front matter key");
  expect(logger.calls).toEqual([
    { message: "3 posts in 0.1 s", prefix: "[newsroom]" },
    { message: "warning: a.md: unknown front matter key", prefix: "[newsroom]", type: "warn", color: "yellow", force: true },
  ]);
});

test("each configuration's lines go to its own logger, read when a line is written", () => {
  const first = { logger: undefined as EleventyLogger | undefined };
  const second = { logger: keeping() };
  const log = eleventyLog(first);
  eleventyLog(second); // made later: takes nothing over
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  log.warn("before Eleventy gave the configuration its logger");
  expect(warn.mock.calls).toEqual([["[newsroom] warning: before Eleventy gave the configuration its logger"]]);
  const logger = keeping();
  first.logger = logger;
  log.info("after");
  expect(logger.calls).toEqual([{ message: "after", prefix: "[newsroom]" }]);
  expect(second.logger.calls).toEqual([]);
});
