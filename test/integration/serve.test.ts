/**
 * #21 item 13: a built site cannot be opened from the disk (every URL is root-relative: over
 * `file://` its stylesheet, fonts and links break). `npm run serve` serves it over HTTP: the
 * command of package.json's `serve` script, run in a fixture site's folder as npm runs it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, expect, test } from "vitest";
import { repoRoot } from "../helpers/cli.ts";
import { freePort } from "../helpers/server.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
let server: ChildProcess;
let origin = "";
let output = "";

beforeAll(async () => {
  site = createSite({
    "posts/song-ma.md": postFile({ title: "Thị trấn Sông Mã", date: "2019-10-18" }, "Thị trấn Sông Mã ngày càng khang trang."),
  });
  await site.build({ locale: "vi", search: { enabled: false } });
  const { scripts } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const port = await freePort();
  // As `npm run serve -- --port=N` runs it: through the shell, the packages' commands on the PATH, in the site's folder.
  server = spawn("sh", ["-c", `${scripts.serve} --port=${port}`], {
    cwd: site.dir,
    detached: true,
    env: { ...process.env, PATH: [path.join(repoRoot, "node_modules", ".bin"), process.env.PATH].join(path.delimiter) },
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  origin = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${origin}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`npm run serve did not answer:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM"); // the shell and the server under it
  site?.remove();
});

test("the home page, an article and their stylesheets are served, with their types", async () => {
  for (const url of ["/", "/2019/10/18/thi-tran-song-ma/"]) {
    const response = await fetch(new URL(url, origin));
    expect(response.status, url).toBe(200);
    expect(response.headers.get("content-type"), url).toMatch(/^text\/html/);
    const page = parse(await response.text());
    expect(page.querySelector("main")?.text, url).toContain("Thị trấn Sông Mã");
    const stylesheets = page.querySelectorAll("link[rel=stylesheet]").map((link) => link.getAttribute("href") ?? "");
    expect(stylesheets.length, url).toBeGreaterThan(0);
    for (const href of stylesheets) {
      const css = await fetch(new URL(href, new URL(url, origin)));
      expect(css.status, href).toBe(200);
      expect(css.headers.get("content-type"), href).toMatch(/^text\/css/);
      expect((await css.text()).length, href).toBeGreaterThan(100);
    }
  }
});

test("a URL the site does not have gets the site's own 404 page", async () => {
  const response = await fetch(new URL("/2019/10/19/khong-co/", origin));
  expect(response.status).toBe(404);
  expect(
    parse(await response.text())
      .querySelector("html")
      ?.getAttribute("lang"),
  ).toBe("vi");
});
