import { expect, test } from "vitest";
import { splitFrontMatter } from "../../../src/posts/frontmatter.ts";
import { newPost, newPostProblem } from "../../../src/posts/new-post.ts";
import { readPostHead } from "../../../src/posts/post.ts";
import { NewsroomError } from "../../../src/kernel/errors.ts";
import { defaults } from "../../../src/options/index.ts";

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
    draft: true,
  });
  const head = readPostHead("p.md", split.source.data, {
    timeZone: "Asia/Ho_Chi_Minh",
    permalink: defaults.permalink,
    archives: defaults.archives,
    imageExists: () => false,
  });
  expect(head.problems).toEqual([]);
  expect(head.head?.url).toBe("/2019/10/18/chu-trong-xay-dung-dang-bo-trong-sach/");
  // #21 item 9: an empty new post stays out of the site (and off the front page) until its author publishes it.
  expect(head.head?.draft).toBe(true);
});

test("titles YAML would misread stay text; a title without letters is refused", () => {
  const post = newPost("007", { timeZone: "UTC", newPost: defaults.newPost, now });
  const split = splitFrontMatter(post.text);
  expect(split.ok && split.source.data.title).toBe("007");
  expect(post.text).not.toContain("author:");
  expect(() => newPost("!!!", { timeZone: "UTC", newPost: defaults.newPost, now })).toThrow(NewsroomError);
});

// #21 item 9: a title that makes no slug is a named error that says what to do, not a stack trace.
test("a title of emoji or punctuation is refused by name, with the fix; a slug given instead makes the post", () => {
  const settings = { timeZone: "UTC", newPost: defaults.newPost, now };
  const message =
    'the title "🔥🔥" gives no URL slug (it has no letter or digit to make one from): write a title with words, or give the slug: newsroom new "🔥🔥" --slug=tin-nong';
  expect(newPostProblem("🔥🔥")).toBe(message);
  expect(() => newPost(" 🔥🔥 ", settings)).toThrow(new NewsroomError(message));
  expect(newPostProblem("")).toBe('a title is needed, such as: newsroom new "Tiêu đề bài viết"');
  expect(newPostProblem("Tin", "Tin Nóng")).toBe(
    '--slug: expected lowercase ASCII letters, digits and single hyphens, such as "tin-nong", found "Tin Nóng"',
  );
  expect(newPostProblem("🔥🔥", "tin-nong")).toBeUndefined();

  const post = newPost("🔥🔥", { ...settings, slug: "tin-nong" });
  expect(post.file).toBe("2019/10/tin-nong.md");
  const split = splitFrontMatter(post.text);
  expect(split.ok && split.source.data).toEqual({ title: "🔥🔥", date: "2019-10-17 18:30", slug: "tin-nong", summary: "", draft: true });
});
