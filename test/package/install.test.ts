/**
 * The package as a user gets it: `npm pack`, installed into a fresh plain-JavaScript Eleventy 3
 * site, built with plain `npx @11ty/eleventy` (ESM config, no tsx) and with the `newsroom`
 * command; then a TypeScript consumer type-checks against the installed declarations, strict,
 * under `nodenext` and `bundler` resolution, with no @types of its own.
 *
 * The site's commands (npm, Eleventy, `newsroom`) run on the Node.js of this test, or on the one
 * whose binary NEWSROOM_TEST_NODE names: CI runs this file again on Node 22 and 24 that way
 * (`npx --package=node@22 …` gives the binary; #21 item 12).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, expect, test } from "vitest";
import { repoRoot } from "../helpers/cli.ts";
import { loadPagefind, searchAll } from "../helpers/pagefind.ts";

let site: string;
let tarball: string;
/** What `npm install` printed in the site (warnings included). */
let installOutput = "";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** The Node.js binary the site's commands run on: first on the PATH they get, so npm and `#!/usr/bin/env node` scripts use it too. */
const node = process.env.NEWSROOM_TEST_NODE || process.execPath;
const env = { ...process.env, NODE_OPTIONS: "", PATH: [path.dirname(node), process.env.PATH].join(path.delimiter) };

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 240_000, env });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(() => {
  site = mkdtempSync(path.join(tmpdir(), "newsroom-install-"));
  // `npm pack` runs `prepare`, which compiles dist/.
  const packed = JSON.parse(execFileSync(npm, ["pack", "--json", "--pack-destination", site], { cwd: repoRoot, encoding: "utf8" })) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = path.join(site, packed[0]!.filename);
  const { devDependencies } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  writeFileSync(
    path.join(site, "package.json"),
    JSON.stringify({
      name: "a-news-site",
      private: true,
      type: "module",
      dependencies: { "@11ty/eleventy": devDependencies["@11ty/eleventy"], "eleventy-plugin-newsroom": `file:${tarball}` },
    }),
  );
  writeFileSync(
    path.join(site, "eleventy.config.js"),
    `import newsroom from "eleventy-plugin-newsroom";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(newsroom, { locale: "vi", timeZone: "Asia/Ho_Chi_Minh", site: { title: "Tin Sơn La", url: "https://tin.example.vn/" } });
}
`,
  );
  mkdirSync(path.join(site, "posts"));
  writeFileSync(
    path.join(site, "posts", "song-ma.md"),
    "---\ntitle: Đảng bộ thị trấn Sông Mã\ndate: 2019-10-18\n---\n\nĐảng bộ thị trấn Sông Mã chú trọng xây dựng Đảng trong sạch, vững mạnh.\n",
  );
  const installed = run(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=warn"], site);
  expect(installed.status, installed.output).toBe(0);
  installOutput = installed.output;
}, 300_000);
afterAll(() => rmSync(site, { recursive: true, force: true }));

test("the tarball holds the compiled plugin, its declarations and its files, and nothing of the repository", () => {
  const listed = JSON.parse(
    execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: repoRoot, encoding: "utf8" }),
  ) as { files: { path: string }[] }[];
  const files = listed[0]!.files.map((f) => f.path);
  expect(files.filter((f) => !f.startsWith("dist/")).sort()).toEqual(["LICENSE", "README.md", "package.json"]);
  for (const file of [
    "dist/index.js",
    "dist/index.d.ts",
    "dist/cli/newsroom.js",
    "dist/features/search/worker.js",
    "dist/layouts/article.njk",
    "dist/includes/newsroom/header.njk",
    "dist/features/search/client/search.js",
    "dist/assets/newsroom.css",
  ]) {
    expect(files).toContain(file);
  }
  expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
});

// #21 item 14: until the package is published, the README's install lines are a packed tarball's and git's.
test("the README installs the very tarball npm pack writes, or from git, whose install runs the prepare script that compiles dist/", () => {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const name = path.basename(tarball).replace(/[.]/g, "\\.");
  expect(readme).toMatch(new RegExp(`\\nnpm install \\S*/${name} @11ty/eleventy\\n`));
  expect(readme).toMatch(/\nnpm install github:<owner>\/<repository> @11ty\/eleventy\n/);
  const { scripts } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
  expect(scripts.prepare).toBe("npm run build:lib");
  expect(existsSync(path.join(site, "node_modules/eleventy-plugin-newsroom/dist/index.js"))).toBe(true);
});

// #21 item 12: the package declares the Node.js its dependencies need (@11ty/eleventy-img 7: 22 or newer).
test("the site's commands run on the chosen Node.js, and npm warns of an unsupported engine exactly when the package's engines say so", () => {
  expect(run("node", ["--version"], site).output.trim()).toBe(execFileSync(node, ["--version"], { encoding: "utf8" }).trim());
  const { engines } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { engines: { node: string } };
  const minimum = /^>=(\d+)$/.exec(engines.node)?.[1];
  expect(minimum, `engines.node is "${engines.node}"`).toBeDefined();
  const major = Number(/^v(\d+)/.exec(execFileSync(node, ["--version"], { encoding: "utf8" }))?.[1]);
  if (major >= Number(minimum)) {
    expect(installOutput).not.toContain("EBADENGINE");
  } else {
    // An older Node.js: npm says the plugin itself needs a newer one, not only a dependency deep down.
    expect(installOutput).toMatch(/EBADENGINE[\s\S]*package: 'eleventy-plugin-newsroom@/);
  }
});

test("plain `npx @11ty/eleventy` builds the site: article, archives, search page and index, service worker", async () => {
  const built = run(node, [path.join(site, "node_modules/@11ty/eleventy/cmd.cjs")], site);
  expect(built.status, built.output).toBe(0);
  const out = path.join(site, "_site");
  const article = parse(readFileSync(path.join(out, "2019/10/18/dang-bo-thi-tran-song-ma/index.html"), "utf8"));
  expect(article.querySelector("h1")?.text).toBe("Đảng bộ thị trấn Sông Mã");
  for (const page of ["2019/index.html", "2019/10/index.html", "2019/10/18/index.html", "search/index.html", "sw.js", "feed.xml"]) {
    expect(existsSync(path.join(out, page)), page).toBe(true);
  }
  const pagefind = await loadPagefind(out);
  expect((await searchAll(pagefind, "dang bo")).map((r) => r.url)).toEqual(["/2019/10/18/dang-bo-thi-tran-song-ma/"]);
});

test("the `newsroom build` command builds the same site all or nothing", () => {
  const built = run(path.join(site, "node_modules/.bin/newsroom"), ["build", "--output=public", "--quiet"], site);
  expect(built.status, built.output).toBe(0);
  expect(existsSync(path.join(site, "public/2019/10/18/dang-bo-thi-tran-song-ma/index.html"))).toBe(true);
  expect(readdirSync(site).filter((name) => /\.(staging|previous)-/.test(name))).toEqual([]);
  const wrong = run(path.join(site, "node_modules/.bin/newsroom"), ["build", "--outptu=x"], site);
  expect(wrong.status).toBe(2);
  expect(wrong.output).toContain("unknown argument --outptu=x");
});

// Type-checking does not depend on the Node.js that runs tsc: done once, on the test's own.
test.skipIf(node !== process.execPath).each(["nodenext", "bundler"])(
  "a strict TypeScript consumer (moduleResolution %s) type-checks with zero errors",
  (resolution) => {
    const dir = path.join(site, `ts-${resolution}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "config.ts"),
      `import newsroom, { type NewsroomUserOptions, type Post, createFilters } from "eleventy-plugin-newsroom";

const options: NewsroomUserOptions = { locale: "vi", timeZone: "Asia/Ho_Chi_Minh", search: { cache: false } };
export default function (eleventyConfig: Parameters<typeof newsroom>[0]): void {
  eleventyConfig.addFilter("title", (post: Post) => post.title);
  newsroom(eleventyConfig, options);
}
export const longDate: string = createFilters({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh" }).longDate(new Date(0));
`,
    );
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          target: "ES2022",
          module: resolution === "nodenext" ? "nodenext" : "esnext",
          moduleResolution: resolution,
          types: [],
        },
        files: ["config.ts"],
      }),
    );
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const checked = run(node, [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", dir], dir);
    expect(checked.output.trim()).toBe("");
    expect(checked.status).toBe(0);
  },
);

test("`newsroom new` writes a post with the site's zone and options, prints its path, and never overwrites", () => {
  const newsroom = path.join(site, "node_modules/.bin/newsroom");
  const made = run(newsroom, ["new", "Tin mới: Sông Mã vào mùa"], site);
  expect(made.status, made.output).toBe(0);
  const file = made.output.trim().split("\n")[0]!;
  expect(file).toMatch(/^posts\/\d{4}\/\d{2}\/tin-moi-song-ma-vao-mua\.md$/);
  const text = readFileSync(path.join(site, file), "utf8");
  expect(text).toMatch(/^---\ntitle: "Tin mới: Sông Mã vào mùa"\ndate: \d{4}-\d{2}-\d{2} \d{2}:\d{2}\nsummary: ""\ndraft: true\n---\n/);
  const again = run(newsroom, ["new", "Tin mới: Sông Mã vào mùa"], site);
  expect(again.status).toBe(1);
  expect(again.output).toContain("already exists: nothing was written");
  expect(readFileSync(path.join(site, file), "utf8")).toBe(text);
});
