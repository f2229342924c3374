/** The slice of Eleventy's configuration API Newsroom uses, typed by us (Eleventy ships loose JS types). */
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";

export type EleventyConfig = UserConfig;

/** What Eleventy hands the `eleventy.before` / `eleventy.after` listeners. */
export interface EleventyEventArgs {
  runMode: "build" | "serve" | "watch";
  directories: { input: string; includes: string; output: string; data: string };
}

/** Pagination data of a paginated template, as templates see it. */
export interface PaginationData {
  data: string;
  size: number;
  alias?: string;
  addAllPagesToCollections?: boolean;
}

/** The project's folders as Eleventy resolved them (available once plugins run), as absolute paths. */
export function projectDirectories(eleventyConfig: EleventyConfig): { input: string; includes: string } {
  const dirs = eleventyConfig.directories as Partial<EleventyEventArgs["directories"]> | undefined;
  const input = path.resolve(dirs?.input ?? ".");
  return { input, includes: path.resolve(dirs?.includes ?? path.join(input, "_includes")) };
}
