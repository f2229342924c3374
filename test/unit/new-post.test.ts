import { expect, test } from "vitest";
import { splitFrontMatter } from "../../src/content/frontmatter.ts";
import { newPost } from "../../src/content/new-post.ts";
import { readPostHead } from "../../src/content/post.ts";
import { defaults } from "../../src/core/options.ts";

const now = new Date("2019-10-17T18:30:00Z"); // 01:30 on 18 October in Hà Nội

test("a new post is dated now in the site's zone, filed under its slug, and reads back as the same post", () => {
  const post = newPost('  Chú trọng xây dựng Đảng bộ: "trong sạch" ', {
    timeZone: "Asia/Ho_Chi_Minh",
    newPost: { file: "{yyyy}/{MM}/{slug}.md", author: "Lò Văn Hùng" },
    now,
  });
  expect(post.file).toBe("2019/10/chu-trong-xay-dung-dang-bo-trong-sach.md");
  const split = splitFrontMatter(post.text);
  expect(split.ok).toBe(true);
  if (!split.ok) return;
  expect(split.source.data).toEqual({
    title: 'Chú trọng xây dựng Đảng bộ: "trong sạch"',
    date: "2019-10-18 01:30",
    summary: "",
    author: "Lò Văn Hùng",
  });
  const head = readPostHead("p.md", split.source.data, {
    timeZone: "Asia/Ho_Chi_Minh",
    permalink: defaults.permalink,
    archives: defaults.archives,
    imageExists: () => false,
  });
  expect(head.problems).toEqual([]);
  expect(head.head?.url).toBe("/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach/");
});

test("titles YAML would misread stay text; a title without letters is refused", () => {
  const post = newPost("007", { timeZone: "UTC", newPost: defaults.newPost, now });
  const split = splitFrontMatter(post.text);
  expect(split.ok && split.source.data.title).toBe("007");
  expect(post.text).not.toContain("author:");
  expect(() => newPost("!!!", { timeZone: "UTC", newPost: defaults.newPost, now })).toThrow(/at least one letter or digit/);
});
