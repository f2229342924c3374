import path from "node:path";
import { expect, test } from "vitest";
import { pageFile, pageFileName } from "../../../src/kernel/paths.ts";

test("output files as Eleventy writes them", () => {
  expect(["/", "/2019/", "/feed.xml", "/admin/index.html", "//x/"].map(pageFileName)).toEqual([
    "index.html",
    "2019/index.html",
    "feed.xml",
    "admin/index.html",
    "x/index.html",
  ]);
});

test("a page's file normalized, and none for a URL that leads outside the output folder or is the folder itself", () => {
  expect(pageFile("/2019/10/")).toBe(path.join("2019", "10", "index.html"));
  expect(pageFile("/a/./b//c.html")).toBe(path.join("a", "b", "c.html"));
  expect(pageFile("/a/../b/")).toBe(path.join("b", "index.html"));
  expect(pageFile("/..hidden/")).toBe(path.join("..hidden", "index.html"));
  for (const outside of ["/../etc/passwd", "/a/../../b/", "/a/..", "/..", "/."]) expect(pageFile(outside)).toBeUndefined();
});
