/**
 * #21 item 2: the dev server rebuilds when a post is removed (Eleventy 3's watcher only logs
 * "File deleted"), and the pages no longer built are deleted from the output it serves.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, expect, type MockInstance, test, vi } from "vitest";
import { groupArchives } from "../../../src/features/archives/archives.ts";
import { homePages, publishedPosts } from "../../../src/posts/collections.ts";
import { localePack } from "../../../src/kernel/i18n/index.ts";
import { consoleLog } from "../../../src/kernel/log.ts";
import { defaults } from "../../../src/options/index.ts";
import type { Post } from "../../../src/posts/post.ts";
import { OutputFolders, outputFile, RemovalWatcher, removePages, closeRemovalWatchers } from "../../../src/build/dev-rebuilds.ts";
import { fullPlan, RenderPlanner } from "../../../src/render/render-plan.ts";
import { post } from "../../helpers/posts.ts";

const folders: string[] = [];
const watchers: RemovalWatcher[] = [];
/** The watcher's information lines (no Eleventy logger here: the console). */
let info: MockInstance<typeof console.log>;
beforeEach(() => {
  info = vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => {
  info.mockRestore();
  for (const watcher of watchers.splice(0)) watcher.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-dev-"));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

// Vitest ends its workers without the exit event that removes the signal folder.
afterAll(() => closeRemovalWatchers());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const signalled = (watcher: RemovalWatcher) => readFileSync(watcher.signalFile, "utf8");

/** A watcher of `dir` that has seen a dev-server build start, once its folder watches are in place. */
async function watching(dir: string, ignored?: (file: string) => boolean): Promise<RemovalWatcher> {
  const watcher = new RemovalWatcher(dir, consoleLog, ignored);
  watchers.push(watcher);
  watcher.buildStarted(true);
  await sleep(50);
  return watcher;
}

async function signalWithin(watcher: RemovalWatcher, ms = 2000): Promise<string> {
  const deadline = Date.now() + ms;
  while (signalled(watcher) === "" && Date.now() < deadline) await sleep(20);
  return signalled(watcher);
}

test("the planner names the pages the last build had and this one has not", () => {
  const publish = (posts: Post[]) => publishedPosts(posts, { now: new Date("2030-01-01"), includeUnpublished: false });
  const plan = (posts: Post[]) => {
    const published = publish(posts);
    const archives = groupArchives(published, {
      permalinks: defaults.archives,
      pageSize: 10,
      yearPostCount: 10,
      strings: localePack("vi").archive,
    });
    return fullPlan(published, homePages(published, 10), archives.pages);
  };
  const read = Array.from({ length: 12 }, (_, i) => post(i, 1 + (i % 3)));
  const planner = new RenderPlanner();
  planner.plan(read, publish(read), plan(read), true);
  expect(planner.finished()).toEqual([]); // a first build has nothing to compare with

  // Posts 2, 5, 8 and 11 were all of 3 October; with 8 posts left, the home page and October's page have no page 2.
  const fewer = read.filter((p) => ![2, 5, 8, 11].includes(Number(path.basename(p.inputPath, ".md"))));
  planner.plan(fewer, publish(fewer), plan(fewer), true);
  const gone = planner.finished();
  expect(gone.sort()).toEqual(["/2019/10/03/", "/2019/10/page/2/", "/page/2/", ...[2, 5, 8, 11].map((n) => read[n]!.url)].sort());

  // Nothing removed since: nothing more to delete.
  planner.plan(fewer, publish(fewer), plan(fewer), true);
  expect(planner.finished()).toEqual([]);
});

test("removePages deletes the pages' files, and nothing else", () => {
  const out = folder({
    "2019/10/03/index.html": "day",
    "2019/10/03/tin/index.html": "article",
    "2019/10/01/index.html": "other day",
    "page/2/index.html": "home 2",
    "feed-old.xml": "feed",
    "taken/index.html": "written by this build",
  });
  const written = new Set([path.join(out, "taken", "index.html")]);
  expect(
    removePages(out, ["/2019/10/03/tin/", "/2019/10/03/", "/page/2/", "/feed-old.xml", "/taken/", "/never-written/"], written, consoleLog),
  ).toBe(4);
  for (const file of ["2019/10/03/index.html", "2019/10/03/tin/index.html", "page/2/index.html", "feed-old.xml"]) {
    expect(existsSync(path.join(out, file)), file).toBe(false);
  }
  expect(existsSync(path.join(out, "2019", "10", "01", "index.html"))).toBe(true);
  expect(existsSync(path.join(out, "taken", "index.html"))).toBe(true);
  // The folders stay: Eleventy, which remembers that they exist, would not make them again for a post put back.
  expect(existsSync(path.join(out, "2019", "10", "03", "tin"))).toBe(true);
});

test("the folders the builds wrote into are made again once the output folder is gone", () => {
  const out = path.join(folder(), "_site");
  const folders = new OutputFolders();
  folders.wrote([
    path.join(out, "index.html"),
    path.join(out, "assets", "newsroom", "icon.svg"),
    path.join(out, "2019", "10", "index.html"),
  ]);
  folders.restore();
  for (const dir of ["", "assets/newsroom", "2019/10"]) expect(existsSync(path.join(out, dir)), dir).toBe(true);
});

test("outputFile follows Eleventy's layout and refuses URLs that lead outside the output", () => {
  expect(outputFile("/site", "/")).toBe(path.resolve("/site/index.html"));
  expect(outputFile("/site", "/2019/10/")).toBe(path.resolve("/site/2019/10/index.html"));
  expect(outputFile("/site", "/feed.xml")).toBe(path.resolve("/site/feed.xml"));
  expect(outputFile("/site", "/../etc/passwd")).toBeUndefined();
  expect(outputFile("/site", "/a/../../b/")).toBeUndefined();
});

test("a removed post, or a removed folder of posts, changes the signal file Eleventy watches", async () => {
  const dir = folder({ "a.md": "a", "2019/10/b.md": "b", "2019/11/c.md": "c" });
  const watcher = await watching(dir);
  expect(signalled(watcher)).toBe("");
  rmSync(path.join(dir, "2019", "10", "b.md"));
  expect(await signalWithin(watcher)).toContain("b.md");
  expect(info).toHaveBeenCalledWith(`[newsroom] ${path.join(dir, "2019", "10", "b.md")} removed: rebuilding`);

  writeFileSync(watcher.signalFile, "");
  rmSync(path.join(dir, "2019"), { recursive: true });
  expect(await signalWithin(watcher)).not.toBe("");
});

test("a folder added after the start is watched too; renaming a post away is a removal", async () => {
  const dir = folder({ "a.md": "a" });
  const watcher = await watching(dir);
  mkdirSync(path.join(dir, "2020", "01"), { recursive: true });
  writeFileSync(path.join(dir, "2020", "01", "d.md"), "d");
  await sleep(100);
  rmSync(path.join(dir, "2020", "01", "d.md"));
  expect(await signalWithin(watcher)).toContain("d.md");

  writeFileSync(watcher.signalFile, "");
  renameSync(path.join(dir, "a.md"), path.join(dir, "a.md.bak"));
  expect(await signalWithin(watcher)).toContain("a.md");
});

test("no signal when a build started after the removal, for dot files, or for ignored paths (the output folder)", async () => {
  const dir = folder({ "a.md": "a", ".a.md.swp": "swap", "_site/index.html": "out" });
  const watcher = await watching(dir, (file) => file.startsWith(path.join(dir, "_site")));
  rmSync(path.join(dir, "a.md"));
  await sleep(100); // the removal is seen…
  watcher.buildStarted(true); // …then Eleventy rebuilds for another change: that build reads the folder without a.md
  rmSync(path.join(dir, ".a.md.swp"));
  rmSync(path.join(dir, "_site"), { recursive: true });
  await sleep(800);
  expect(signalled(watcher)).toBe("");
});

test("a production build watches nothing", async () => {
  const dir = folder({ "a.md": "a" });
  const watcher = new RemovalWatcher(dir, consoleLog);
  watchers.push(watcher);
  watcher.buildStarted(false);
  rmSync(path.join(dir, "a.md"));
  await sleep(500);
  expect(existsSync(watcher.signalFile)).toBe(false);
});
