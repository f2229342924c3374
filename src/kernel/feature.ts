/**
 * What a feature gets when it registers with Eleventy, besides its own options: where the
 * project is, how a site path becomes a URL, and how to add its pages. index.ts registers the
 * features in order; a feature never imports another, and what one needs from another (the
 * photos' share image for the articles' structured data, say) comes through here or as an
 * argument from index.ts.
 */
import type { EleventyConfig } from "./eleventy.ts";
import type { Logger } from "./log.ts";

/** The data of one of the plugin's virtual templates (permalink, pagination…). */
export type PageData = Record<string, unknown>;

export interface FeatureContext {
  eleventyConfig: EleventyConfig;
  projectRoot: string;
  inputDir: string;
  postsDir: string;
  /** This configuration's logger (Eleventy's: it honours `--quiet`). */
  log: Logger;
  /** Adds the deploy path prefix to a site path. */
  prefix(url: string): string;
  /** A site path as an absolute URL (`site.url` and the path prefix), or prefixed when `site.url` is unset. */
  absolute(url: string): string;
  /** A page rendered by a layout (`newsroom/article.njk`…), kept out of collections. */
  addPage(name: string, layout: string, data: PageData): void;
  /** A file whose text a function makes (robots.txt, a feed, days.json), kept out of collections. */
  addFile(name: string, data: PageData, render: (data: any) => string | Promise<string>): void;
  /** A file of the plugin served as it is (`features/search/client/search.js` at `/assets/newsroom/search.js`). */
  addAsset(url: string, pluginFile: string): void;
}
