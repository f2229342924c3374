/**
 * How the plugin adds pages without any user file (virtual templates), and what no feature
 * owns: the default layouts and partials, the stylesheet and font, the article and home pages,
 * the 404 page, and the browser scripts every feature ships. A file of the same name in the
 * site's includes folder replaces a default layout.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type EleventyConfig, projectDirectories } from "../kernel/eleventy.ts";
import type { NewsroomOptions } from "../options/types.ts";
import type { FeatureContext } from "../kernel/feature.ts";
import { FONT_STYLESHEET_URL, FONT_URL, PLUGIN_DIR } from "../kernel/paths.ts";
import { localePack } from "../kernel/i18n/index.ts";

/** Default layouts shipped in src/layouts, registered under `newsroom/` in the includes folder. */
const DEFAULT_LAYOUTS = [
  "base.njk",
  "article.njk",
  "home.njk",
  "archive.njk",
  "archive-index.njk",
  "search.njk",
  "offline.njk",
  "topic.njk",
  "topic-index.njk",
  "404.njk",
] as const;

/** Files served as they are, by output URL, that no feature owns: the stylesheet (each feature registers its own browser scripts). */
export const STATIC_ASSETS: Readonly<Record<string, string>> = {
  "/assets/newsroom/newsroom.css": "assets/newsroom.css",
};

/** Where the plugin's virtual page templates live (relative to the input folder). */
const VIRTUAL_DIR = "newsroom-pages";

/** Nunjucks' view of Eleventy's environment: enough to add a fallback search path. */
interface NunjucksEngineEvent {
  nunjucks: { FileSystemLoader: new (dir: string) => { cache?: object } };
  environment: { loaders: { cache?: object }[] };
}

/** The context's ways of adding the plugin's virtual templates, on this Eleventy configuration. */
export function virtualTemplates(eleventyConfig: EleventyConfig): Pick<FeatureContext, "addPage" | "addFile" | "addAsset"> {
  return {
    addPage: (name, layout, data) =>
      eleventyConfig.addTemplate(`${VIRTUAL_DIR}/${name}.njk`, "", { layout, eleventyExcludeFromCollections: true, ...data }),
    addFile: (name, data, render) =>
      eleventyConfig.addTemplate(`${VIRTUAL_DIR}/${name}.11ty.js`, { data: { ...data, eleventyExcludeFromCollections: true }, render }),
    addAsset: (url, pluginFile) => {
      const text = readFileSync(path.join(PLUGIN_DIR, pluginFile), "utf8");
      eleventyConfig.addTemplate(`${VIRTUAL_DIR}/${path.basename(pluginFile)}.11ty.js`, {
        data: { permalink: url, eleventyExcludeFromCollections: true },
        render: () => text,
      });
    },
  };
}

/**
 * The default layouts and partials (a site's own file of the same name wins), the stylesheet,
 * the web font, and the pages no feature owns: the article pages, the home pages, the 404 page.
 */
export function registerTemplates(
  options: Pick<NewsroomOptions, "layouts" | "font" | "notFoundPage" | "locale">,
  context: FeatureContext,
): void {
  const { eleventyConfig } = context;
  const { input, includes } = projectDirectories(eleventyConfig);
  const includesFromInput = path.relative(input, includes).split(path.sep).join("/");
  for (const file of DEFAULT_LAYOUTS) {
    const name = `newsroom/${file}`;
    if (existsSync(path.join(includes, name))) continue; // the site's own layout wins
    eleventyConfig.addTemplate(`${includesFromInput}/${name}`, readFileSync(path.join(PLUGIN_DIR, "layouts", file), "utf8"));
  }

  // Partials (`{% include "newsroom/…" %}`) are looked up in the site's includes first, then here.
  eleventyConfig.on("eleventy.engine.njk", ({ nunjucks, environment }: NunjucksEngineEvent) => {
    const loader = new nunjucks.FileSystemLoader(path.join(PLUGIN_DIR, "includes"));
    loader.cache = {};
    environment.loaders.push(loader);
  });

  // The paginated pages go through `newsroom.render`: every page, or in a dev-server rebuild
  // after an edit in place, only the pages showing the edited posts.
  context.addPage("articles", options.layouts.article, {
    pagination: { data: "newsroom.render.articles", size: 1, alias: "post", addAllPagesToCollections: false },
    permalink: (data: { post: { url: string } }) => data.post.url,
  });
  context.addPage("home", options.layouts.home, {
    pagination: { data: "newsroom.render.homePages", size: 1, alias: "home", addAllPagesToCollections: false },
    permalink: (data: { home: { url: string } }) => data.home.url,
  });
  if (options.notFoundPage)
    context.addPage("not-found", "newsroom/404.njk", {
      permalink: options.notFoundPage,
      title: localePack(options.locale).ui.notFoundTitle,
    });

  if (options.font) {
    // The stylesheet is text like the others; the font files are copied as they are.
    context.addAsset(FONT_STYLESHEET_URL, "assets/fonts.css");
    eleventyConfig.addPassthroughCopy({ [path.join(PLUGIN_DIR, "assets", "fonts")]: FONT_URL.slice(1, -1) });
  }
  for (const [url, file] of Object.entries(STATIC_ASSETS)) context.addAsset(url, file);
}
