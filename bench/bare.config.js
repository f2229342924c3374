// The baseline: bare Eleventy, the same posts as article pages with one layout.
// No archives, no search, no plugin. Markdown bodies are not run through a template engine.
export default function (eleventyConfig) {
  eleventyConfig.setUseGitIgnore(false); // the corpus lives in the git-ignored bench/.work/
  eleventyConfig.addGlobalData("layout", "bare.njk");
  eleventyConfig.addGlobalData("permalink", () => (data) => `/${data.page.fileSlug}/`);
  eleventyConfig.addTemplate(
    "_includes/bare.njk",
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><article><h1>{{ title }}</h1><p>{{ summary }}</p>{{ content | safe }}</article></body></html>`,
  );
  return { markdownTemplateEngine: false, templateFormats: ["md", "njk"] };
}
