// The full Newsroom build of a benchmark corpus: articles, archives, search index. Plain
// JavaScript importing the compiled package (dist/, through the package's self-reference), so
// the bench runs it as a user runs Eleventy: `node node_modules/@11ty/eleventy/cmd.cjs`, no tsx.
// `npm run build:lib` first (`npm run bench` does).
//   NEWSROOM_BENCH_CACHE      the index cache folder (unset: no cache, a cold build)
//   NEWSROOM_BENCH_PART_SIZE  search.partSize: a number of posts, or "false" for one index (unset: the default)
import newsroom from "eleventy-plugin-newsroom";

/** @param {string | undefined} value */
function partSize(value) {
  if (value === undefined || value === "") return {};
  if (value === "false") return { partSize: false };
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`NEWSROOM_BENCH_PART_SIZE: a whole number or "false", not ${JSON.stringify(value)}`);
  return { partSize: n };
}

/** @param {import("@11ty/eleventy/UserConfig").default} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(newsroom, {
    locale: "vi",
    timeZone: "Asia/Ho_Chi_Minh",
    site: { title: "Báo Sơn La", url: "https://baosonla.example.vn/" },
    // Cold builds by default; the harness's runs over a kept cache set NEWSROOM_BENCH_CACHE.
    search: { cache: process.env.NEWSROOM_BENCH_CACHE || false, ...partSize(process.env.NEWSROOM_BENCH_PART_SIZE) },
  });
  // The harness reads Newsroom's one summary line ("… search index 12.3 MB, 1 of 12 parts indexed (3.4 s) …"),
  // which `--quiet` hides: its lines (and only its) are let through.
  eleventyConfig.on("eleventy.before", () => {
    const logger = eleventyConfig.logger;
    if (!logger || logger.newsroomBench) return;
    const logWithOptions = logger.logWithOptions.bind(logger);
    logger.logWithOptions = (options) => logWithOptions(options.prefix === "[newsroom]" ? { ...options, force: true } : options);
    logger.newsroomBench = true;
  });
  eleventyConfig.addPassthroughCopy("images");
  return { templateFormats: ["njk", "md", "11ty.js"] };
}
