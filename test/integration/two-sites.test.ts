/**
 * #22: the logger is passed in. Two Eleventy configurations with the plugin in one process (two
 * sites built by one script, say): each build's lines go to its own configuration's logger, with its
 * own `--quiet`, whichever configuration registered the plugin last.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { afterEach, expect, test } from "vitest";
import newsroom from "../../src/index.ts";
import { captureLog, postFile } from "../helpers/site.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A site folder with these posts; built from its parent folder under its own name (as test/helpers/site.ts does). */
function siteFolder(posts: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-two-"));
  folders.push(dir);
  mkdirSync(path.join(dir, "posts"));
  for (const [name, text] of Object.entries(posts)) writeFileSync(path.join(dir, "posts", name), text);
  return dir;
}

/** An Eleventy instance of the site in `dir`, its configuration loaded (the plugin added), and what its logger writes. */
async function eleventyOf(dir: string, quietMode: boolean) {
  const name = path.basename(dir);
  const eleventy = new Eleventy(name, `${name}/_site`, {
    quietMode,
    config(eleventyConfig: any) {
      eleventyConfig.addPlugin(newsroom, { timeZone: "UTC", search: false, images: false, feeds: false });
    },
  });
  const log = captureLog(eleventy);
  await eleventy.init();
  return { eleventy, lines: () => log.lines.map((line) => `${line.type} ${line.message}`) };
}

test("two configurations in one process: each build logs through its own logger, with its own --quiet", async () => {
  const quiet = siteFolder({ "mot.md": postFile({ title: "Tin một", date: "2019-10-18", tieu_de: "x" }) });
  const verbose = siteFolder({
    "hai.md": postFile({ title: "Tin hai", date: "2019-10-19", chuyen_muc: "y" }),
    "ba.md": postFile({ title: "Tin ba", date: "2019-10-20" }),
  });
  const previous = process.cwd();
  process.chdir(tmpdir());
  try {
    // Both configurations are loaded before either site is built: the verbose one registered the plugin last.
    const a = await eleventyOf(quiet, true);
    const b = await eleventyOf(verbose, false);
    await a.eleventy.write();
    await b.eleventy.write();

    const newsroomLines = (lines: string[]) => lines.filter((line) => line.includes("[newsroom]"));
    // The quiet site: its warning (warnings are always shown), no summary, nothing of the other site.
    expect(newsroomLines(a.lines())).toEqual([
      expect.stringMatching(/^warn .*warning: .*posts\/mot\.md: unknown front matter key "tieu_de"/),
    ]);
    // The verbose site: its own warning and its summary line.
    const bLines = newsroomLines(b.lines());
    expect(bLines).toHaveLength(2);
    expect(bLines[0]).toMatch(/^warn .*warning: .*posts\/hai\.md: unknown front matter key "chuyen_muc"/);
    expect(bLines[1]).toMatch(/^log .*\[newsroom\]\S* 2 posts, /);
  } finally {
    process.chdir(previous);
  }
});
