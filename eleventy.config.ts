import type UserConfig from "@11ty/eleventy/UserConfig";
import newsroom from "eleventy-plugin-newsroom";

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(newsroom, {
    locale: "vi",
    timeZone: "Asia/Ho_Chi_Minh",
    postsDir: "posts",
    pageSize: 10,
    // "Ngày 18 tháng 10 năm 2019 (20/9 năm Kỷ Hợi)", as Vietnamese papers date their articles.
    lunarDate: true,
    // The paper's sections, in the order of its menu: a post with any other category stops the build.
    sections: {
      categories: ["Thời sự", "Xây dựng Đảng", "Kinh tế", "Nông nghiệp", "Xã hội", "Văn hóa", "Giáo dục", "Y tế", "Du lịch", "Thể thao"],
    },
    // The web editor at /admin/ (npm run cms edits posts/ locally through decap-server).
    cms: { enabled: true, previewStyles: ["/assets/site.css"] },
    // The paper's icon: the installed site's, and every page's <link rel="icon">.
    manifest: { icons: [{ src: "/images/favicon.svg", sizes: "any", type: "image/svg+xml" }] },
    site: {
      title: "Báo Sơn La điện tử",
      description: "Tin tức thời sự, chính trị, kinh tế, văn hóa tỉnh Sơn La",
      url: "https://baosonla.example.vn/",
    },
  });
  eleventyConfig.addPassthroughCopy("images");
  eleventyConfig.addPassthroughCopy("assets");
  eleventyConfig.ignores.add("README.md");
  eleventyConfig.ignores.add("BENCHMARKS.md");
  eleventyConfig.ignores.add("test/**");
  eleventyConfig.ignores.add("bench/**");
  eleventyConfig.ignores.add("src/**");
  eleventyConfig.ignores.add(".stryker-tmp/**");
  eleventyConfig.ignores.add("reports/**");
  // The guides and screenshots are the repository's documentation, not pages of the demo site.
  eleventyConfig.ignores.add("docs/**");

  return {
    dir: { input: ".", includes: "_includes", output: "_site" },
    templateFormats: ["njk", "md", "11ty.js"],
  };
}
