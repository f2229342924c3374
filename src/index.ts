/**
 * eleventy-plugin-newsroom: markdown news posts in, a static news site out.
 *
 *   import newsroom from "eleventy-plugin-newsroom";
 *   eleventyConfig.addPlugin(newsroom, { locale: "vi", timeZone: "Asia/Ho_Chi_Minh" });
 */
import path from "node:path";
import { publishedPosts } from "./collections.ts";
import { type EleventyConfig, type EleventyEventArgs, projectDirectories } from "./eleventy.ts";
import { log } from "./errors.ts";
import { createFilters } from "./filters.ts";
import { localePack, type UiStrings } from "./i18n/index.ts";
import { PostLoader } from "./load-posts.ts";
import { type NewsroomOptions, type NewsroomUserOptions, resolveOptions, type SiteMetadata } from "./options.ts";
import type { Post } from "./post.ts";
import { findPartials, type PartialSlots, registerTemplates } from "./templates.ts";

export type { NewsroomOptions, NewsroomUserOptions, SiteMetadata } from "./options.ts";
export type { Post, PostFrontMatter, PostLink } from "./post.ts";
export type { NewsroomFilters } from "./filters.ts";
export { createFilters } from "./filters.ts";
export { parsePostDate } from "./dates.ts";
export { slugify } from "./slug.ts";
export { NewsroomError, PostsError } from "./errors.ts";

/** What templates see as `newsroom`. */
export interface NewsroomData {
  site: SiteMetadata;
  /** Interface strings in the site's locale. */
  ui: UiStrings;
  /** Published posts, newest first (drafts and future posts too under the dev server). */
  posts: Post[];
  /** Which of the base layout's slot partials (`_includes/newsroom/{head,header,footer}.njk`) the site has. */
  partials: PartialSlots;
}

export default function newsroom(eleventyConfig: EleventyConfig, userOptions: NewsroomUserOptions = {}): void {
  eleventyConfig.versionCheck(">=3.0.0 <4.0.0");
  const options: NewsroomOptions = resolveOptions(userOptions);

  const projectRoot = process.cwd();
  const inputDir = projectDirectories(eleventyConfig).input;
  const postsDir = path.resolve(inputDir, options.postsDir);
  const postsGlob = `${toPosix(path.relative(projectRoot, postsDir)) || "."}/**`;
  // Posts are markdown read by the plugin, not templates: Eleventy must not render them itself.
  eleventyConfig.ignores.add(postsGlob);
  eleventyConfig.addWatchTarget(postsGlob);

  const data: NewsroomData = {
    site: options.site,
    ui: localePack(options.locale).ui,
    posts: [],
    partials: findPartials(eleventyConfig),
  };
  let loader: PostLoader | undefined;

  eleventyConfig.on("eleventy.before", async ({ runMode }: EleventyEventArgs) => {
    const started = performance.now();
    loader ??= new PostLoader({
      postsDir,
      projectRoot,
      inputDir,
      timeZone: options.timeZone,
      permalink: options.permalink,
      excerptLength: options.excerptLength,
    });
    const all = await loader.load();
    const includeUnpublished = options.drafts === "auto" ? runMode !== "build" : options.drafts;
    data.posts = publishedPosts(all, { now: options.now ?? new Date(), includeUnpublished });
    const left = all.length - data.posts.length;
    log.info(
      `${data.posts.length.toLocaleString("en")} posts${left > 0 ? ` (${left} drafts or future posts left out)` : ""} read in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
  });

  eleventyConfig.addGlobalData("newsroom", () => data);
  eleventyConfig.addCollection("posts", () => data.posts);

  const filters = createFilters(options);
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  eleventyConfig.addFilter("absoluteUrl", (url: string) => (options.site.url ? new URL(url, options.site.url).href : url));

  registerTemplates(eleventyConfig, options);
}

/** Adding the plugin twice would register its pages twice: Eleventy keeps the first. */
newsroom.eleventyPluginOptions = { unique: true };

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
