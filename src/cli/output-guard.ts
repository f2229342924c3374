/**
 * The output folder a build may replace. `newsroom build` swaps its new site in for the whole
 * output folder, so a wrong `--output` (`.`, `..`, `posts`) would delete the project. Before
 * anything is touched, the folder is refused when it is, or contains, a folder or file the
 * project needs; and, unless the user says so, when it holds files that no build wrote.
 */
import { existsSync, readdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NewsroomError } from "../kernel/errors.ts";
import { OUTPUT_MARKER } from "../kernel/paths.ts";

export { OUTPUT_MARKER };
const MARKER_TEXT = "This folder is written by `newsroom build` (eleventy-plugin-newsroom); each build replaces all of it.\n";
/** What every output of earlier versions (before the marker) holds: the plugin's stylesheet. */
const EARLIER_OUTPUT_SIGN = path.join("assets", "newsroom", "newsroom.css");

/** A folder or file the output must neither be nor contain, and why it matters. */
export interface ProtectedPath {
  path: string;
  what: string;
}

export interface OutputCheck {
  output: string;
  /** Folders and files the output must not be nor contain. */
  protect: readonly ProtectedPath[];
  /** Replace a non-empty folder that no build wrote (`--replace-output`). */
  replaceForeign?: boolean;
}

/** The path with symbolic links resolved, also for a path that does not exist yet (resolved up to its nearest existing folder). */
export function realPath(file: string): string {
  const absolute = path.resolve(file);
  let existing = absolute;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(realpathSync(existing), ...rest);
}

/** Whether `inner` is `outer` or lies inside it (both real, absolute paths). */
export function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** The nearest folder, from `start` up, that holds `name`; undefined when none does. */
function nearestHolding(start: string, name: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, name))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The folders and files a build from `cwd` must never replace: the given input, posts folder and
 * config file, the working folder, and the project's root (nearest package.json) and git work
 * tree's root above each of them.
 */
export function protectedPaths(cwd: string, named: readonly ProtectedPath[]): ProtectedPath[] {
  const found: ProtectedPath[] = [...named, { path: cwd, what: "the current folder" }];
  for (const start of [cwd, ...named.map((item) => path.dirname(path.resolve(item.path)))]) {
    const project = nearestHolding(start, "package.json");
    if (project) found.push({ path: project, what: "the project's root (it holds package.json)" });
    const git = nearestHolding(start, ".git");
    if (git) found.push({ path: git, what: "the git work tree's root" });
  }
  return found;
}

/** Throws, naming the folder and the reason, when the build must not replace `output`. Changes nothing. */
export function checkOutputFolder({ output, protect, replaceForeign = false }: OutputCheck): void {
  const target = realPath(output);
  const guarded = protect.map((item) => ({ ...item, real: realPath(item.path) }));
  // The most telling reason first: what the folder is, then what it contains.
  const hit = guarded.find((item) => item.real === target) ?? guarded.find((item) => isWithin(item.real, target));
  if (hit) {
    const how = hit.real === target ? "is" : "contains";
    throw new NewsroomError(
      `refusing to build into ${output}: each build replaces the whole output folder, and ${target} ${how} ${hit.what}${how === "is" ? "" : ` (${hit.real})`}. Nothing was changed. Choose an output folder of its own, such as --output=_site.`,
    );
  }
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) {
    throw new NewsroomError(`refusing to build into ${output}: it is a file, not a folder. Nothing was changed.`);
  }
  if (replaceForeign || isBuildOutput(target)) return;
  throw new NewsroomError(
    `refusing to build into ${output}: the folder holds files that no build wrote (no ${OUTPUT_MARKER} inside), and each build replaces the whole output folder. Nothing was changed. Choose an empty or new folder, or pass --replace-output to replace it and everything in it.`,
  );
}

/** Whether a folder is empty or was written by a build (this version's marker, or an earlier version's stylesheet). */
function isBuildOutput(folder: string): boolean {
  return (
    readdirSync(folder).length === 0 || existsSync(path.join(folder, OUTPUT_MARKER)) || existsSync(path.join(folder, EARLIER_OUTPUT_SIGN))
  );
}

/** Marks a freshly built folder as a build's output (the same bytes every time). */
export function markAsBuildOutput(folder: string): void {
  writeFileSync(path.join(folder, OUTPUT_MARKER), MARKER_TEXT);
}
