/**
 * `newsroom build` (src/cli/build.ts) and the page store (#23): the command tells the site's plugin
 * where the store is, where the output goes and whether to render everything (`--full`); when a
 * page changed although its key said it had not, the build runs again in full and the log says why.
 * The plugin is a stand-in here: what it is told, and its last step (eleventy.after, where the real
 * one checks its canaries) doing what a test says, are the only parts of it the command uses.
 * The real plugin: test/integration/incremental-*.test.ts.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { beforeEach, expect, test, vi } from "vitest";
import { atomicBuild, BuildFailure } from "../../../src/cli/build.ts";
import { IncompleteFingerprintError } from "../../../src/kernel/errors.ts";
import { buildArgs, failureOf as failureOfBuild, useBuildFolder } from "../../helpers/build-folder.ts";

interface StoreSettings {
  dir: string;
  full: boolean;
  output: string;
}
const plugin = vi.hoisted(() => ({ told: [] as StoreSettings[] }));
vi.mock("../../../src/index.ts", () => ({
  newsroomSettings: () => ({
    options: {},
    postsDir: "posts",
    postWrittenTo: () => undefined,
    usePageStore(settings: StoreSettings) {
      plugin.told.push(settings);
    },
  }),
}));

/** The stand-in plugin's last step of each build, run by the site's config (below). */
const AFTER = Symbol.for("newsroom-test.after-build");
const afterBuild = (step: ((told: StoreSettings) => void) | undefined) => {
  (globalThis as Record<symbol, unknown>)[AFTER] = step && (() => step(plugin.told.at(-1)!));
};

const folder = useBuildFolder("newsroom-page-store-", {
  "index.md": "# Trang chủ\n",
  "site.config.mjs": `export default function (c) { c.on("eleventy.after", () => globalThis[Symbol.for("newsroom-test.after-build")]?.()); }\n`,
});
const args = (more: { full?: boolean } = {}) => ({ ...buildArgs, ...more });
const failureOf = (build: Promise<void>) => failureOfBuild<BuildFailure>(build);
/** What the store is told, in this test's folder (the working folder, symbolic links resolved as process.cwd() has them). */
const expected = (full: boolean): StoreSettings => {
  const project = realpathSync(folder.path);
  return { dir: path.join(project, ".cache", "newsroom-pages"), full, output: path.join(project, "_site") };
};
const canaryFired = () => new IncompleteFingerprintError("/2019/10/18/bai/");

beforeEach(() => {
  plugin.told = [];
  afterBuild(undefined);
});

test("a build tells the plugin its page store (.cache/newsroom-pages), its output folder, and that unchanged pages may be reused", async () => {
  await atomicBuild(args());
  expect(plugin.told).toEqual([expected(false)]);
});

test("--full tells the plugin to render every page", async () => {
  await atomicBuild(args({ full: true }));
  expect(plugin.told).toEqual([expected(true)]);
});

test("a page that changed although its key did not: the log says so in the plugin's words, and the build runs again in full", async () => {
  afterBuild((told) => {
    if (!told.full) throw canaryFired();
  });
  const lines: string[] = [];
  await atomicBuild(args(), (line) => lines.push(line));
  expect(lines).toEqual([
    "the page /2019/10/18/bai/ changed although nothing Newsroom fingerprints did: the site's templates or data read something else (the clock, the network, the environment); building everything again",
  ]);
  expect(plugin.told).toEqual([expected(false), expected(true)]);
  expect(readFileSync(path.join(folder.path, "_site", "index.html"), "utf8")).toContain("Trang chủ");
});

test("a build run in full is not run again: the changed page is its failure, and no output is put in place", async () => {
  afterBuild(() => {
    throw canaryFired();
  });
  const lines: string[] = [];
  const failure = await failureOf(atomicBuild(args({ full: true }), (line) => lines.push(line)));
  expect(failure).toBeInstanceOf(BuildFailure);
  expect(failure.outputIntact).toBe(true);
  expect(failure.message).toContain("the page /2019/10/18/bai/ changed although nothing Newsroom fingerprints did");
  expect(lines).toEqual([]);
  expect(plugin.told).toEqual([expected(true)]);
  expect(existsSync(path.join(folder.path, "_site"))).toBe(false);
});

test("any other failure of a build is not retried", async () => {
  afterBuild(() => {
    throw new Error("the search index could not be written");
  });
  const failure = await failureOf(atomicBuild(args()));
  expect(failure.message).toContain("the search index could not be written");
  expect(plugin.told).toEqual([expected(false)]);
});
