/**
 * The pages Newsroom creates without any user file: article pages and the home page,
 * plus the default layouts and stylesheet. A user's file of the same name in the
 * includes folder replaces a default layout.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type EleventyConfig, projectDirectories } from "./eleventy.ts";
import type { NewsroomOptions } from "./options.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Default layouts shipped in src/layouts, by their name inside the includes folder. */
const DEFAULT_LAYOUTS = {
  "newsroom/base.njk": "base.njk",
  "newsroom/article.njk": "article.njk",
  "newsroom/home.njk": "home.njk",
} as const;

/** Where the plugin's virtual page templates live (relative to the input folder). */
const VIRTUAL_DIR = "newsroom-pages";

/** Partials the default base layout includes when the site has them (`_includes/newsroom/{name}.njk`). */
export const PARTIAL_SLOTS = ["head", "header", "footer"] as const;
export type PartialSlots = Record<(typeof PARTIAL_SLOTS)[number], boolean>;

/** Which slot partials the site provides. */
export function findPartials(eleventyConfig: EleventyConfig): PartialSlots {
  const { includes } = projectDirectories(eleventyConfig);
  const found = (slot: string) => existsSync(path.join(includes, "newsroom", `${slot}.njk`));
  return { head: found("head"), header: found("header"), footer: found("footer") };
}

export function registerTemplates(eleventyConfig: EleventyConfig, options: NewsroomOptions): void {
  const { input, includes } = projectDirectories(eleventyConfig);
  const includesFromInput = path.relative(input, includes).split(path.sep).join("/");
  for (const [name, file] of Object.entries(DEFAULT_LAYOUTS)) {
    if (existsSync(path.join(includes, name))) continue; // the site's own layout wins
    eleventyConfig.addTemplate(`${includesFromInput}/${name}`, readFileSync(path.join(here, "layouts", file), "utf8"));
  }

  eleventyConfig.addTemplate(`${VIRTUAL_DIR}/articles.njk`, "", {
    layout: options.layouts.article,
    pagination: { data: "newsroom.posts", size: 1, alias: "post", addAllPagesToCollections: false },
    permalink: (data: { post: { url: string } }) => data.post.url,
    eleventyExcludeFromCollections: true,
  });

  eleventyConfig.addTemplate(`${VIRTUAL_DIR}/home.njk`, "", {
    layout: options.layouts.home,
    pagination: { data: "newsroom.posts", size: options.pageSize, alias: "posts", generatePageOnEmptyData: true },
    permalink: (data: { pagination: { pageNumber: number } }) =>
      data.pagination.pageNumber === 0 ? "/" : `/page/${data.pagination.pageNumber + 1}/`,
    eleventyExcludeFromCollections: true,
  });

  const css = readFileSync(path.join(here, "assets", "newsroom.css"), "utf8");
  eleventyConfig.addTemplate(`${VIRTUAL_DIR}/newsroom-css.11ty.js`, {
    data: { permalink: "/assets/newsroom.css", eleventyExcludeFromCollections: true },
    render: () => css,
  });
}
