/**
 * The slice of Eleventy's configuration API Newsroom uses, typed by us: Eleventy ships loose
 * JavaScript types, and the declarations a consumer compiles must not depend on them.
 */
import path from "node:path";

/** Eleventy's console logger (`eleventyConfig.logger`): honours `--quiet`. */
export interface EleventyLogger {
  logWithOptions(options: { message: string; prefix?: string; type?: "log" | "warn" | "error"; color?: string; force?: boolean }): void;
}

/** What Newsroom calls on Eleventy's `eleventyConfig` (Eleventy 3's `UserConfig` satisfies it). */
export interface EleventyConfig {
  versionCheck(range: string): void;
  on(eventName: string, listener: (...args: any[]) => unknown): unknown;
  ignores: Set<string>;
  watchIgnores?: Set<string>;
  addWatchTarget(target: string): unknown;
  addGlobalData(name: string, data: unknown): unknown;
  addCollection(name: string, callback: (collectionApi: any) => unknown): unknown;
  addFilter(name: string, filter: (...args: any[]) => unknown): unknown;
  addTransform(name: string, transform: (content: unknown, outputPath: string) => unknown): unknown;
  getFilter(name: string): unknown;
  addTemplate(virtualInputPath: string, content: unknown, data?: unknown): unknown;
  addPassthroughCopy(copy: string | Record<string, string>): unknown;
  /** The transforms added so far, in the order they run. */
  transforms?: object;
  /** Eleventy's bundles (`addBundle`): a delayed one runs a transform after every plugin's. */
  getBundleManagers?(): Record<string, { isDelayed?(): boolean }>;
  directories?: unknown;
  logger?: EleventyLogger;
}

/** What Eleventy hands the `eleventy.before` / `eleventy.after` listeners. */
export interface EleventyEventArgs {
  runMode: "build" | "serve" | "watch";
  /** `eleventy.before`: where the pages go (`fs`: files; `json`/`ndjson`: `toJSON()` and `--to=json`). */
  outputMode?: "fs" | "json" | "ndjson";
  directories: { input: string; includes: string; output: string; data: string; layouts?: string };
  /** `eleventy.after` only: the pages this build wrote (`outputPath` from the working folder, false when not written), and their content (a string, or a Buffer: render/page-bytes.ts). */
  results?: { outputPath: string | false; url?: string; content?: unknown }[];
}

/** The project's folders as Eleventy resolved them (available once plugins run), as absolute paths. */
export function projectDirectories(eleventyConfig: EleventyConfig): { input: string; includes: string } {
  const dirs = eleventyConfig.directories as Partial<EleventyEventArgs["directories"]> | undefined;
  const input = path.resolve(dirs?.input ?? ".");
  return { input, includes: path.resolve(dirs?.includes ?? path.join(input, "_includes")) };
}
