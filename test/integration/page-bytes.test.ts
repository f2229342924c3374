/**
 * #20 (the 100k build out of memory): in a production build the pages' final HTML reaches Eleventy
 * as bytes (a Buffer, outside Node's heap), the files are the same, and nothing that expects strings
 * gets bytes: the dev server, `toJSON()`, and a transform added after Newsroom's.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { afterAll, beforeAll, expect, test } from "vitest";
import newsroom from "../../src/index.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
beforeAll(() => {
  site = createSite({ "posts/a.md": postFile({ title: "Đảng bộ Sông Mã", date: "2019-10-18" }, "Đảng bộ thị trấn Sông Mã.") });
});
afterAll(() => site.remove());

const ARTICLE = "2019/10/18/dang-bo-song-ma/index.html";

/** Builds the fixture in process; `later` adds a plugin after Newsroom. Returns the article's `content` in Eleventy's results. */
async function build(mode: "fs" | "json", later?: (eleventyConfig: any) => void): Promise<unknown> {
  const previous = process.cwd();
  process.chdir(path.dirname(site.dir));
  try {
    const name = path.basename(site.dir);
    let content: unknown;
    const eleventy = new Eleventy(name, `${name}/_site`, {
      quietMode: true,
      config(eleventyConfig: any) {
        eleventyConfig.addPlugin(newsroom, { timeZone: "UTC", search: false, offline: false, images: false, feeds: false });
        if (later) eleventyConfig.addPlugin(later);
        eleventyConfig.on("eleventy.after", ({ results }: { results: { outputPath: string; content: unknown }[] }) => {
          content = results.find((r) => r.outputPath.endsWith(ARTICLE))?.content;
        });
      },
    });
    if (mode === "json") {
      const pages = (await eleventy.toJSON()) as unknown as { outputPath: string; content: unknown }[];
      return pages.find((p) => p.outputPath.endsWith(ARTICLE))?.content;
    }
    await eleventy.write();
    return content;
  } finally {
    process.chdir(previous);
  }
}

test("a production build hands Eleventy each page as its UTF-8 bytes, and writes the same page", async () => {
  const content = await build("fs");
  expect(Buffer.isBuffer(content)).toBe(true);
  const written = readFileSync(path.join(site.out, ARTICLE));
  expect(Buffer.compare(content as Buffer, written)).toBe(0);
  expect(written.toString("utf8")).toContain("Đảng bộ thị trấn Sông Mã.");
});

test("toJSON() gets strings", async () => {
  const content = await build("json");
  expect(typeof content).toBe("string");
  expect(content).toContain("Đảng bộ thị trấn Sông Mã.");
});

test("a transform added after Newsroom's gets strings, and the pages stay strings", async () => {
  const seen: string[] = [];
  const content = await build("fs", (eleventyConfig) =>
    eleventyConfig.addTransform("later", (html: unknown, outputPath: string) => {
      if (outputPath.endsWith(ARTICLE)) seen.push(typeof html);
      return html;
    }),
  );
  expect(seen).toEqual(["string"]);
  expect(typeof content).toBe("string");
});

test("a delayed bundle (Eleventy's transform after every plugin's) keeps the pages strings", async () => {
  const content = await build("fs", (eleventyConfig) => eleventyConfig.addBundle("late", { delayed: true }));
  expect(typeof content).toBe("string");
});
