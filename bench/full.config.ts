// The full Newsroom build of a benchmark corpus: articles, archives, search index.
import type UserConfig from "@11ty/eleventy/UserConfig";
import newsroom from "../src/index.ts";

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(newsroom, {
    locale: "vi",
    timeZone: "Asia/Ho_Chi_Minh",
    site: { title: "Báo Sơn La", url: "https://baosonla.example.vn/" },
    // Cold builds by default; the harness's "rebuild, posts unchanged" run sets NEWSROOM_BENCH_CACHE.
    search: { cache: process.env.NEWSROOM_BENCH_CACHE ?? false },
  });
  eleventyConfig.addPassthroughCopy("images");
  return { templateFormats: ["njk", "md", "11ty.js"] };
}
