/**
 * The pages Newsroom creates without any user file — article pages, the home page, the
 * date archives — plus the default layouts, partials, stylesheet and browser scripts.
 * A file of the same name in the site's includes folder replaces a default.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type EleventyConfig, projectDirectories } from "../kernel/eleventy.ts";
import type { NewsroomOptions } from "../options/types.ts";
import { FONT_STYLESHEET_URL, FONT_URL, PLUGIN_DIR, SERVICE_WORKER_URL } from "../kernel/paths.ts";
import { localePack } from "../kernel/i18n/index.ts";
import { dayIndexUrl } from "./site-data.ts";
import { DEFAULT_ICON_URL, MANIFEST_URL, monogramIcon, robotsTxt, webManifest } from "../features/site-files/site-files.ts";

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

/** Files served as they are, by output URL. */
export const STATIC_ASSETS = {
  "/assets/newsroom/newsroom.css": "assets/newsroom.css",
  "/assets/newsroom/date-search.js": "features/archives/client/date-search.js",
  "/assets/newsroom/nearest-day.js": "features/archives/client/nearest-day.js",
  "/assets/newsroom/search.js": "features/search/client/search.js",
  "/assets/newsroom/search-parts.js": "features/search/client/search-parts.js",
  "/assets/newsroom/date-range.js": "features/search/client/date-range.js",
  "/assets/newsroom/highlight.js": "features/search/client/highlight.js",
  "/assets/newsroom/offline.js": "features/offline/client/offline.js",
} as const;

/** Where the plugin's virtual page templates live (relative to the input folder). */
const VIRTUAL_DIR = "newsroom-pages";

/** Nunjucks' view of Eleventy's environment: enough to add a fallback search path. */
interface NunjucksEngineEvent {
  nunjucks: { FileSystemLoader: new (dir: string) => { cache?: object } };
  environment: { loaders: { cache?: object }[] };
}

export function registerTemplates(
  eleventyConfig: EleventyConfig,
  options: NewsroomOptions,
  urls: { prefix: (url: string) => string; absolute: (url: string) => string; sitemap: boolean },
): void {
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

  const page = (name: string, layout: string, data: Record<string, unknown>) =>
    eleventyConfig.addTemplate(`${VIRTUAL_DIR}/${name}.njk`, "", { layout, eleventyExcludeFromCollections: true, ...data });

  // The paginated pages go through `newsroom.render`: every page, or in a dev-server rebuild
  // after an edit in place, only the pages showing the edited posts.
  page("articles", options.layouts.article, {
    pagination: { data: "newsroom.render.articles", size: 1, alias: "post", addAllPagesToCollections: false },
    permalink: (data: { post: { url: string } }) => data.post.url,
  });
  page("home", options.layouts.home, {
    pagination: { data: "newsroom.render.homePages", size: 1, alias: "home", addAllPagesToCollections: false },
    permalink: (data: { home: { url: string } }) => data.home.url,
  });
  page("archives", options.layouts.archive, {
    pagination: { data: "newsroom.render.archivePages", size: 1, alias: "archive", addAllPagesToCollections: false },
    permalink: (data: { archive: { url: string } }) => data.archive.url,
  });
  page("archive-index", options.layouts.archiveIndex, { permalink: options.archives.index });
  if (options.sections.enabled || options.tags.enabled) {
    page("topics", options.layouts.topic, {
      pagination: { data: "newsroom.render.topicPages", size: 1, alias: "topicPage", addAllPagesToCollections: false },
      permalink: (data: { topicPage: { url: string } }) => data.topicPage.url,
    });
  }
  if (options.sections.enabled)
    page("section-index", options.layouts.topicIndex, { permalink: options.sections.index, topicIndex: { kind: "section" } });
  if (options.tags.enabled) page("tag-index", options.layouts.topicIndex, { permalink: options.tags.index, topicIndex: { kind: "tag" } });
  if (options.search.enabled) page("search", options.layouts.search, { permalink: options.search.page });
  if (options.offline.enabled) page("offline", options.layouts.offline, { permalink: options.offline.page });

  if (options.notFoundPage)
    page("not-found", "newsroom/404.njk", { permalink: options.notFoundPage, title: localePack(options.locale).ui.notFoundTitle });
  const file = (name: string, permalink: string, render: () => string) =>
    eleventyConfig.addTemplate(`${VIRTUAL_DIR}/${name}.11ty.js`, { data: { permalink, eleventyExcludeFromCollections: true }, render });
  if (options.robots) file("robots", "/robots.txt", () => robotsTxt(urls.sitemap ? urls.absolute(options.feeds.sitemap) : undefined));
  if (!options.offline.enabled && options.offline.unregister) {
    // A worker an earlier build installed stays in readers' browsers until /sw.js changes: this one
    // removes itself and Newsroom's caches (option offline.unregister).
    const removal = readFileSync(path.join(PLUGIN_DIR, "features", "offline", "client", "service-worker-removal.js"), "utf8");
    file("service-worker-removal", SERVICE_WORKER_URL, () => removal);
  }
  if (options.manifest.enabled) {
    file("manifest", MANIFEST_URL, () => webManifest(options, urls.prefix));
    if (options.manifest.icons.length === 0) {
      file("icon", DEFAULT_ICON_URL, () =>
        monogramIcon(options.site.title, {
          background: options.manifest.themeColor === "#ffffff" ? "#8b1a1a" : options.manifest.themeColor,
          text: "#ffffff",
        }),
      );
    }
  }

  eleventyConfig.addTemplate(`${VIRTUAL_DIR}/day-index.11ty.js`, {
    data: { permalink: dayIndexUrl(options), eleventyExcludeFromCollections: true },
    render: (data: { newsroom: { archives: { dayKeys: string[] } } }) => JSON.stringify({ days: data.newsroom.archives.dayKeys }),
  });

  if (options.font) {
    // The stylesheet is text like the others; the font files are copied as they are.
    const css = readFileSync(path.join(PLUGIN_DIR, "assets", "fonts.css"), "utf8");
    eleventyConfig.addTemplate(`${VIRTUAL_DIR}/fonts.css.11ty.js`, {
      data: { permalink: FONT_STYLESHEET_URL, eleventyExcludeFromCollections: true },
      render: () => css,
    });
    eleventyConfig.addPassthroughCopy({ [path.join(PLUGIN_DIR, "assets", "fonts")]: FONT_URL.slice(1, -1) });
  }

  for (const [url, file] of Object.entries(STATIC_ASSETS)) {
    const text = readFileSync(path.join(PLUGIN_DIR, file), "utf8");
    eleventyConfig.addTemplate(`${VIRTUAL_DIR}/${path.basename(file)}.11ty.js`, {
      data: { permalink: url, eleventyExcludeFromCollections: true },
      render: () => text,
    });
  }
}
