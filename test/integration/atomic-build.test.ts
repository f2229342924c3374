/** `npm run build` is all or nothing, and gives the same bytes for the same posts. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { hashTree, repoRoot, runBuild } from "../helpers/cli.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
let config: string;
let configDir: string;

beforeAll(() => {
  configDir = mkdtempSync(path.join(tmpdir(), "newsroom-config-"));
  config = path.join(configDir, "eleventy.config.ts");
  // No index cache: every build must make its own index for the byte-for-byte comparisons to mean anything.
  writeFileSync(
    config,
    `import newsroom from ${JSON.stringify(path.join(repoRoot, "src/index.ts"))};\nexport default (c: any) => { c.addPlugin(newsroom, { locale: "vi", timeZone: "Asia/Ho_Chi_Minh", search: { cache: false } }); };\n`,
  );
  site = createSite({
    "posts/b.md": postFile({ title: "Bài B", date: "2020-01-02", tags: ["Sông Mã"] }, "Đảng bộ thị trấn Sông Mã."),
    "posts/a.md": postFile({ title: "Bài A", date: "2020-01-01 07:30" }, "Đường điện về bản."),
  });
});
afterAll(() => {
  site.remove();
  rmSync(configDir, { recursive: true, force: true });
});

const build = (env: Record<string, string> = {}) =>
  runBuild([`--config=${config}`, `--input=${site.dir}`, `--output=${site.out}`, "--quiet"], { cwd: site.dir, env });

test("a failed build leaves the previous output byte-identical, and no staging folder behind", () => {
  const first = build();
  expect(first.status, first.output).toBe(0);
  const before = hashTree(site.out);
  expect(Object.keys(before)).toContain("2020/01/02/bai-b/index.html");

  site.write({ "posts/bad.md": postFile({ title: "Hỏng", date: "2020-13-45" }) });
  const second = build();
  expect(second.status).not.toBe(0);
  expect(second.output).toMatch(/posts\/bad\.md: date: expected a date that exists/);
  expect(second.output).toContain("the previous output was left as it was");
  expect(hashTree(site.out)).toEqual(before);
  expect(readdirSync(site.dir).filter((f) => f.includes(".staging-") || f.includes(".previous-"))).toEqual([]);
  rmSync(path.join(site.dir, "posts/bad.md"));
});

test("a build that fails while 3,000 stored pages are being staged stops the staging thread first: the post's error, nothing left behind", () => {
  expect(build().status).toBe(0);
  // 3,000 more stored pages under the build's own key: the thread may still be staging them when the bad post stops the build.
  const store = path.join(site.dir, ".cache", "newsroom-pages");
  const manifest = JSON.parse(readFileSync(path.join(store, "manifest.json"), "utf8")) as { pages: Record<string, string[]> };
  for (let i = 0; i < 3000; i++) {
    const folder = path.join(store, "pages", "extra", String(i % 100), String(i));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "index.html"), "x");
    manifest.pages[`/extra/${i % 100}/${i}/`] = ["k", "s", "1", "0", "0"];
  }
  writeFileSync(path.join(store, "manifest.json"), JSON.stringify(manifest));
  site.write({ "posts/bad.md": postFile({ title: "Hỏng", date: "2020-13-45" }) });
  try {
    const failed = build();
    expect(failed.status).not.toBe(0);
    expect(failed.output).toMatch(/posts\/bad\.md: date: expected a date that exists/);
    expect(failed.output).not.toMatch(/ENOTEMPTY|ENOENT/);
    expect(readdirSync(site.dir).filter((f) => f.includes(".staging-") || f.includes(".previous-"))).toEqual([]);
  } finally {
    rmSync(path.join(site.dir, "posts/bad.md"));
    rmSync(store, { recursive: true, force: true });
  }
});

test("a successful build replaces the output whole: a removed post's page is gone", () => {
  expect(build().status).toBe(0);
  site.write({ "posts/c.md": postFile({ title: "Bài C", date: "2020-01-03" }) });
  expect(build().status).toBe(0);
  expect(Object.keys(hashTree(site.out))).toContain("2020/01/03/bai-c/index.html");
  rmSync(path.join(site.dir, "posts/c.md"));
  expect(build().status).toBe(0);
  expect(Object.keys(hashTree(site.out)).some((f) => f.startsWith("2020/01/03/"))).toBe(false);
});

test("two builds under different TZ and LANG give byte-identical output, search index included", () => {
  expect(build({ TZ: "America/Los_Angeles", LANG: "C", LC_ALL: "C" }).status).toBe(0);
  const first = hashTree(site.out);
  expect(Object.keys(first).some((f) => f.startsWith("pagefind/"))).toBe(true);
  expect(build({ TZ: "Pacific/Kiritimati", LANG: "vi_VN.UTF-8", LC_ALL: "vi_VN.UTF-8" }).status).toBe(0);
  expect(hashTree(site.out)).toEqual(first);
});

test("the order the file system lists posts in does not change a byte", async () => {
  const posts = Object.fromEntries(
    ["2020-03-01", "2020-03-01 09:00", "2020-03-02", "2020-02-28", "2020-03-01 18:30"].map((date, i) => [
      `posts/p${i}.md`,
      postFile({ title: `Bài ${i}`, date, category: i % 2 ? "Kinh tế" : "Xã hội" }, `Nội dung ${i} Sông Mã.`),
    ]),
  );
  const forward = createSite(posts);
  const backward = createSite();
  try {
    for (const [file, text] of Object.entries(posts).reverse()) backward.write({ [file]: text });
    await forward.build({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh" });
    await backward.build({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh" });
    expect(hashTree(backward.out)).toEqual(hashTree(forward.out));
  } finally {
    forward.remove();
    backward.remove();
  }
});

// Guards the planted bug "an indexing error after the pages are written is swallowed": the search
// index is part of "all or nothing", and a dead Pagefind binary is named with its exit code and output.
test("Pagefind's binary failing after the pages are written fails the whole build, says so, and leaves the previous output", () => {
  const first = build();
  expect(first.status, first.output).toBe(0);
  const before = hashTree(site.out);
  const fake = path.join(configDir, "pagefind-that-fails");
  // Long enough for Eleventy to have written the pages into the staging folder.
  writeFileSync(fake, "#!/bin/sh\nsleep 2\necho 'pagefind: no space left on device' >&2\nexit 3\n", { mode: 0o755 });
  site.write({ "posts/c.md": postFile({ title: "Bài C", date: "2020-01-03" }, "Bài mới.") });
  try {
    const failed = build({ PAGEFIND_BINARY_PATH: fake });
    expect(failed.status).toBe(1);
    expect(failed.output).toContain("Pagefind's binary");
    expect(failed.output).toContain("exit code 3");
    expect(failed.output).toContain("no space left on device");
    expect(failed.output).toContain("the previous output was left as it was");
    expect(hashTree(site.out)).toEqual(before);
    expect(readdirSync(site.dir).filter((f) => f.includes(".staging-") || f.includes(".previous-"))).toEqual([]);
  } finally {
    rmSync(path.join(site.dir, "posts/c.md"));
  }
});

test("a build killed mid-way leaves debris that the next build removes; two builds at once both succeed, one after the other", async () => {
  const { spawn } = await import("node:child_process");
  const { existsSync } = await import("node:fs");
  const debris = () => readdirSync(site.dir).filter((f) => /\.(staging|previous)-\d+$|\.lock$/.test(f));
  // Killed as soon as its staging folder appears.
  const args = [
    "--import",
    import.meta.resolve("tsx"),
    path.join(repoRoot, "dist/cli/newsroom.js"),
    "build",
    `--config=${config}`,
    `--input=${site.dir}`,
    `--output=${site.out}`,
    "--quiet",
  ];
  const killed = spawn(process.execPath, args, { cwd: site.dir, stdio: "ignore" });
  const deadline = Date.now() + 60_000;
  while (!debris().some((f) => f.includes(".staging-")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  killed.kill("SIGKILL");
  await new Promise((resolve) => killed.once("exit", resolve));
  expect(debris().length).toBeGreaterThan(0);

  const next = build();
  expect(next.status, next.output).toBe(0);
  expect(next.output).toMatch(/removed _site\.staging-\d+, left by a build that died/);
  expect(debris()).toEqual([]);
  expect(existsSync(path.join(site.out, "2020/01/02/bai-b/index.html"))).toBe(true);

  // Two at once: the second waits for the first, both succeed, the output is whole.
  const run = () =>
    new Promise<{ status: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, args, { cwd: site.dir });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      child.once("exit", (status) => resolve({ status, output }));
    });
  const [first, second] = await Promise.all([run(), run()]);
  expect(first.status, first.output).toBe(0);
  expect(second.status, second.output).toBe(0);
  expect(`${first.output}${second.output}`).toMatch(/waiting for another build of _site \(process \d+\) to finish/);
  expect(`${first.output}${second.output}`).not.toMatch(/ENOTEMPTY|ENOENT|EEXIST/);
  expect(debris()).toEqual([]);
  expect(existsSync(path.join(site.out, "2020/01/02/bai-b/index.html"))).toBe(true);
}, 240_000);

test("the build command takes --pathprefix: every link and the search bundle carry it", () => {
  const out = path.join(site.dir, "_prefixed");
  const result = runBuild([`--config=${config}`, `--input=${site.dir}`, `--output=${out}`, "--pathprefix=/tin/", "--quiet"], {
    cwd: site.dir,
  });
  try {
    expect(result.status, result.output).toBe(0);
    const html = readFileSync(path.join(out, "2020/01/02/bai-b/index.html"), "utf8");
    expect(html).toContain('href="/tin/2020/01/02/"');
    expect(html).not.toMatch(/(?:href|src)="\/(?!tin\/)/);
    expect(readFileSync(path.join(out, "search/index.html"), "utf8")).toContain('data-bundle="/tin/pagefind/"');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
