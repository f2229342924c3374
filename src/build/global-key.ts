/**
 * What every page of an incremental `newsroom build` depends on besides its own page key
 * (render/page-keys.ts), as one key (#23): when it differs from the previous build's, every page is
 * rendered. It covers the plugin (its version and every file of it), Eleventy, Node and ICU, the
 * lockfile, the options, the path prefix, the environment Eleventy reads, and the site's own
 * includes, layouts, data and code, read by content (a CI checkout resets modification times).
 *
 * The site-template scan refuses incremental builds when one of the site's templates that Newsroom
 * pages reach reads something no key covers (collections, `newsroom.posts`, `page.date`…).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PLUGIN_DIR } from "../kernel/paths.ts";
import { once } from "../kernel/per-process.ts";
import type { NewsroomOptions } from "../options/index.ts";

/** The page store's format: a new one makes every page render once. */
export const PAGE_STORE_FORMAT = 1;

export interface GlobalInputs {
  options: NewsroomOptions;
  /** The deploy path prefix, as `prefix("/")` gives it. */
  pathPrefix: string;
  projectRoot: string;
  directories: { includes: string; layouts?: string | undefined; data: string };
  /** Folders that are not the site's code: the posts, the output (and its staging and previous neighbours). */
  skip: readonly string[];
}

export interface Versions {
  plugin: string;
  eleventy: string;
  node: string;
  icu: string;
}

/** The versions whose change re-renders everything. */
export function versions(): Versions {
  return {
    plugin: packageVersion(path.join(PLUGIN_DIR, "..", "package.json")),
    eleventy: process.env.ELEVENTY_VERSION ?? "unknown",
    node: process.versions.node,
    icu: process.versions.icu ?? "none",
  };
}

/** The global key: sha1 of everything in GlobalInputs, the versions and the plugin's files. */
export function globalKey(inputs: GlobalInputs, installed: Versions = versions()): string {
  const hash = createHash("sha1");
  const part = (name: string, value: string | Buffer) => hash.update(`\0${name}\0`).update(value);
  part("format", String(PAGE_STORE_FORMAT));
  part("versions", JSON.stringify(installed));
  part("plugin", pluginFingerprint());
  part("options", optionsJson(inputs.options));
  part("prefix", inputs.pathPrefix);
  const env = Object.entries(process.env)
    .filter(([name]) => name.startsWith("ELEVENTY_") || name === "NODE_ENV")
    .sort(([a], [b]) => (a < b ? -1 : 1));
  part("env", JSON.stringify(env));
  for (const lockfile of ["package-lock.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock"]) {
    const file = path.join(inputs.projectRoot, lockfile);
    if (existsSync(file)) part(lockfile, readFileSync(file));
  }
  part("site", siteFingerprint(inputs));
  return hash.digest("hex");
}

/** The options as JSON: functions as their source, without `now` (which posts are published is in the page keys). */
function optionsJson(options: NewsroomOptions): string {
  return JSON.stringify(options, (key, value: unknown) => {
    if (key === "now") return undefined;
    if (typeof value === "function") return `function ${value.toString()}`;
    if (value instanceof RegExp) return `regexp ${value.toString()}`;
    return value;
  });
}

/** Every file of the plugin (layouts, includes, code, locale packs), once per process: the installed plugin does not change while it runs. */
const pluginFingerprint = once((): string => {
  const hash = createHash("sha1");
  for (const file of filesUnder(PLUGIN_DIR, () => false)) hash.update(`\0${path.relative(PLUGIN_DIR, file)}\0`).update(readFileSync(file));
  return hash.digest("hex");
});

/** Code and config files anywhere in the project: the config and everything it imports (Eleventy's dependency spider skips .ts configs). */
const CODE_FILE = /\.(?:[cm]?js|[cm]?ts|jsx|tsx|json)$/;

/**
 * The site's own inputs by content: every file of its includes, layouts and data folders, and every
 * code or JSON file of the project, outside node_modules, dot-folders, the posts and output folders,
 * and any folder that holds a build's output (`.newsroom-output`) or a search bundle.
 */
function siteFingerprint(inputs: Pick<GlobalInputs, "projectRoot" | "directories" | "skip">): string {
  const skip = inputs.skip.map((folder) => path.resolve(folder));
  const skipped = (dir: string) =>
    skip.some((folder) => dir === folder || dir.startsWith(`${folder}.staging-`) || dir.startsWith(`${folder}.previous-`)) ||
    existsSync(path.join(dir, ".newsroom-output")) ||
    existsSync(path.join(dir, "pagefind", "pagefind.js"));
  const files = new Set<string>();
  const { includes, layouts, data } = inputs.directories;
  for (const folder of [includes, layouts, data]) {
    if (folder) for (const file of filesUnder(path.resolve(folder), skipped)) files.add(file);
  }
  for (const file of filesUnder(path.resolve(inputs.projectRoot), skipped)) if (CODE_FILE.test(file)) files.add(file);
  const hash = createHash("sha1");
  for (const file of [...files].sort()) hash.update(`\0${path.relative(inputs.projectRoot, file)}\0`).update(readFileSync(file));
  return hash.digest("hex");
}

/** Files under `dir` (sorted walk), leaving out node_modules, dot-entries and folders `skipped` says. */
function filesUnder(dir: string, skipped: (dir: string) => boolean): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory() || skipped(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, skipped));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

function packageVersion(file: string): string {
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** A read in a site template that no key covers. */
export interface TemplateRefusal {
  file: string;
  line: number;
  read: string;
}

/** What a site template Newsroom pages reach may read: the chrome, the locale's strings and the page's own data. */
const UNKEYED_READ =
  /\bcollections\b|\bpagination\b|\bpage\.date\b|\bperiod\.posts\b|\btopic\.posts\b|\bnewsroom\.(?!(?:site|ui|archive|search|urls|icons|themeColor|fonts|lunarDate|sectionFeeds)\b)[\w$]*|\bnewsroom\s*\[/g;
/** A template another one pulls in: include, extends, import, from, or a front-matter layout. */
const REFERENCE = /\{%-?\s*(?:include|extends|import|from|render|layout)\s+(?:(["'])([^"']+)\1|([^\s%]+))|^layout:\s*["']?([^"'\s]+)/gm;

/**
 * The site's templates a Newsroom page can reach (its overrides in `newsroom/`, the layouts the
 * options name, and what they include, extend or import), and every read in them that no key
 * covers. A reference the scan cannot follow (an include by variable) is a refusal too.
 */
export function scanSiteTemplates(
  folders: { includes: string; layouts?: string | undefined },
  layoutNames: readonly string[],
): TemplateRefusal[] {
  const roots = [...new Set([folders.includes, folders.layouts].filter((f): f is string => !!f).map((f) => path.resolve(f)))];
  const find = (name: string) => roots.map((root) => path.join(root, name)).find((file) => existsSync(file) && statSync(file).isFile());
  const queue = [
    ...filesUnder(path.join(path.resolve(folders.includes), "newsroom"), () => false),
    ...[...layoutNames, "newsroom/base.njk"].flatMap((name) => find(name) ?? []),
  ];
  const seen = new Set<string>();
  const refusals: TemplateRefusal[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((text, i) => {
      for (const match of text.matchAll(UNKEYED_READ)) refusals.push({ file, line: i + 1, read: match[0] });
      for (const match of text.matchAll(REFERENCE)) {
        const name = match[2] ?? match[4];
        if (name === undefined) {
          refusals.push({ file, line: i + 1, read: match[0].trim() });
          continue;
        }
        const target = find(name);
        if (target) queue.push(target); // else the plugin's own partial: safe
      }
    });
  }
  return refusals;
}
