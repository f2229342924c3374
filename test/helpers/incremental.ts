/**
 * A small news site for incremental `newsroom build` tests (#23): built in process with `atomicBuild`
 * (the page store in its `.cache/newsroom-pages`), and by plain Eleventy into a folder outside the
 * project as the reference (a full build that touches neither the store nor the site's inputs).
 * The config imports the built plugin (dist/: `npm run build:lib` first) and reads options.json at
 * each build, so that a test can change options between builds.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { atomicBuild } from "../../src/cli/build.ts";
import { hashTree, repoRoot } from "./cli.ts";
import { postFile } from "./site.ts";

export const SECTIONS = ["Thời sự", "Kinh tế", "Xã hội"];
export const TAGS = ["Sông Mã", "Bão lũ", "Giao thông", "Mộc Châu"];

export interface PostSpec {
  title: string;
  date: string;
  category: string;
  tags: string[];
  body: string;
  draft?: boolean;
  featured?: boolean;
  image?: string;
  slug?: string;
}

export const baseOptions = {
  locale: "vi",
  timeZone: "Asia/Ho_Chi_Minh",
  site: { title: "Báo thử", url: "https://bao.example.vn/" },
  pageSize: 2,
  related: { count: 2, sameSection: 2 },
  sections: { categories: SECTIONS },
  search: false,
};

export function svg(width: number, colour = "#c00"): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="40"><rect width="${width}" height="40" fill="${colour}"/></svg>\n`;
}

export class IncrementalSite {
  readonly dir = mkdtempSync(path.join(tmpdir(), "newsroom-incr-"));
  readonly reference = mkdtempSync(path.join(tmpdir(), "newsroom-incr-ref-"));
  pathPrefix: string | undefined;
  /** What the incremental builds logged: the command's lines, Eleventy's and the plugin's (the summary among them). */
  logged: string[] = [];

  constructor(options: Record<string, unknown> = {}) {
    this.write({
      "site.config.mjs": [
        'import { readFileSync } from "node:fs";',
        `import newsroom from ${JSON.stringify(path.join(repoRoot, "dist/index.js"))};`,
        "export default (c) => {",
        '  const options = JSON.parse(readFileSync("options.json", "utf8"));',
        // The clock, as a test sets it: outside the project's files (the global key reads those).
        "  if (process.env.NEWSROOM_TEST_NOW) options.now = new Date(process.env.NEWSROOM_TEST_NOW);",
        "  c.addPlugin(newsroom, options);",
        '  c.addPassthroughCopy("images");',
        "};",
        "",
      ].join("\n"),
      "images/p.svg": svg(60),
      "images/q.svg": svg(80, "#0c0"),
      "about.md": "# Giới thiệu\n",
    });
    this.options({ ...baseOptions, ...options });
  }

  options(options: Record<string, unknown>): void {
    this.write({ "options.json": JSON.stringify(options, null, 2) });
  }

  write(files: Record<string, string | Buffer>): void {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(this.dir, name)), { recursive: true });
      writeFileSync(path.join(this.dir, name), text);
    }
  }

  post(name: string, spec: PostSpec): void {
    const { body, ...fields } = spec;
    const front = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
    this.write({ [`posts/${name}.md`]: postFile({ ...front, date: `"${spec.date}"`, title: JSON.stringify(spec.title) }, body) });
  }

  remove(file: string): void {
    rmSync(path.join(this.dir, file), { recursive: true, force: true });
  }

  path(...parts: string[]): string {
    return path.join(this.dir, ...parts);
  }

  /** `newsroom build` in the project; returns the URLs of the stored pages it rendered (by their new inodes). */
  async build(extra: { full?: boolean } = {}): Promise<{ rendered: string[]; stored: number }> {
    const before = this.#stored();
    const cwd = process.cwd();
    process.chdir(this.dir);
    const exitCode = process.exitCode;
    // Eleventy's logger writes to the console: its lines are kept, not printed.
    const { log, warn } = console;
    console.log = console.warn = (...parts: unknown[]) => void this.logged.push(parts.join(" "));
    try {
      await atomicBuild(
        {
          config: "site.config.mjs",
          input: ".",
          output: "_site",
          pathPrefix: this.pathPrefix,
          quiet: false,
          replaceOutput: false,
          ...extra,
        },
        (line) => this.logged.push(line),
      );
    } finally {
      Object.assign(console, { log, warn });
      process.chdir(cwd);
      process.exitCode = exitCode;
    }
    const after = this.#stored();
    return {
      rendered: [...after]
        .filter(([url, ino]) => before.get(url) !== ino)
        .map(([url]) => url)
        .sort(),
      stored: after.size,
    };
  }

  /** A full build by plain Eleventy (no page store) into the reference folder. */
  async buildReference(): Promise<void> {
    rmSync(this.reference, { recursive: true, force: true });
    const cwd = process.cwd();
    process.chdir(this.dir);
    const exitCode = process.exitCode;
    try {
      const eleventy = new Eleventy(".", this.reference, {
        configPath: "site.config.mjs",
        quietMode: true,
        config(config: { ignores: Set<string> }) {
          config.ignores.add("_site/**");
        },
        ...(this.pathPrefix ? { pathPrefix: this.pathPrefix } : {}),
      });
      await eleventy.write();
    } finally {
      process.chdir(cwd);
      process.exitCode = exitCode;
    }
  }

  /** The files of the incremental output that differ from the reference's (added, missing or other bytes). */
  differences(): string[] {
    const ours = hashTree(this.path("_site"));
    delete ours[".newsroom-output"]; // the command's mark on its output
    const theirs = hashTree(this.reference);
    return [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].filter((file) => ours[file] !== theirs[file]).sort();
  }

  /** The last build's summary line. */
  summary(): string {
    return this.logged.findLast((line) => line.includes("pages rendered")) ?? "";
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(this.reference, { recursive: true, force: true });
  }

  /** The page store's pages: URL → inode, from its manifest ({} when it has none). */
  #stored(): Map<string, string> {
    const file = this.path(".cache", "newsroom-pages", "manifest.json");
    if (!existsSync(file)) return new Map();
    try {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as { pages: Record<string, string[]> };
      return new Map(Object.entries(manifest.pages).map(([url, entry]) => [url, entry[4]!]));
    } catch {
      return new Map();
    }
  }
}
