/** "Tin liên quan" and "Tin cùng chuyên mục": relevant, deterministic, and blind to what every post shares. */
import { expect, test } from "vitest";
import type { Post } from "../../../../src/posts/post.ts";
import { relatedIndexes, withRelated } from "../../../../src/features/articles/related.ts";
import { post } from "../../../helpers/posts.ts";

/** Newest first, as the build hands them over: post 0 is the newest. */
function posts(specs: { title: string; text?: string; tags?: string[]; category?: string }[]): Post[] {
  return specs.map((spec, i) =>
    post(specs.length - i, 1 + ((specs.length - i) % 28), { tags: [], text: "", ...spec, url: `/tin-${i}/`, inputPath: `posts/${i}.md` }),
  );
}

const corpus = posts([
  {
    title: "Mưa lũ gây sạt lở đất tại huyện Mường La",
    text: "Mưa lớn kéo dài gây sạt lở đất, nhiều hộ dân phải di dời.",
    tags: ["thiên tai"],
  },
  {
    title: "Xây dựng nông thôn mới ở Sông Mã",
    text: "Các xã đạt chuẩn nông thôn mới nhờ sức dân.",
    tags: ["nông thôn mới"],
    category: "Kinh tế",
  },
  {
    title: "Khắc phục hậu quả sạt lở đất sau mưa lũ",
    text: "Lực lượng vũ trang giúp dân khắc phục sạt lở.",
    tags: ["thiên tai"],
    category: "Thời sự",
  },
  { title: "Giải bóng đá thiếu niên toàn tỉnh", text: "Hai mươi đội bóng tham dự giải.", category: "Thể thao" },
  {
    title: "Nông thôn mới nâng cao ở Mộc Châu",
    text: "Mộc Châu có thêm ba xã đạt chuẩn nông thôn mới nâng cao.",
    tags: ["nông thôn mới"],
    category: "Kinh tế",
  },
  {
    title: "Cảnh báo mưa lũ và sạt lở đất vùng núi",
    text: "Trung tâm khí tượng cảnh báo mưa lũ, sạt lở đất.",
    tags: ["thiên tai"],
    category: "Thời sự",
  },
  { title: "Hội thảo chuyển đổi số", text: "Chuyển đổi số trong cơ quan nhà nước.", category: "Kinh tế" },
  { title: "Hoa ban nở trắng Tây Bắc", text: "Du khách ngắm hoa ban.", category: "Văn hóa" },
]);

test("a post's related articles are those that share its rare words and tags, best first", () => {
  const lists = withRelated(corpus, { count: 3, sameSection: 0 });
  // The two other posts on floods and landslides outrank anything that shares a common word or two.
  expect(
    lists[0]!.related
      .slice(0, 2)
      .map((l) => l.title)
      .toSorted(),
  ).toEqual(["Cảnh báo mưa lũ và sạt lở đất vùng núi", "Khắc phục hậu quả sạt lở đất sau mưa lũ"]);
  expect(lists[1]!.related.map((l) => l.title)).toEqual(["Nông thôn mới nâng cao ở Mộc Châu"]);
  // Nothing in common, nothing related: the list is not padded with unrelated posts.
  expect(lists[7]!.related).toEqual([]);
});

test("the same posts give the same lists, whoever computes them and however often", () => {
  const first = withRelated(corpus, { count: 5, sameSection: 5 });
  const again = withRelated(structuredClone(corpus), { count: 5, sameSection: 5 });
  expect(again.map((p) => [p.related, p.sameSection])).toEqual(first.map((p) => [p.related, p.sameSection]));
});

test("on equal scores the newer post comes first", () => {
  // Posts 1, 2 and 3 share exactly one rare word with post 0 ("tam"), each the same way.
  const tied = posts([
    { title: "Tam Đảo tam giác" },
    { title: "tam một" },
    { title: "tam hai" },
    { title: "tam ba" },
    ...Array.from({ length: 20 }, (_, i) => ({ title: `khác ${i} chữ${i}` })),
  ]);
  expect(relatedIndexes(tied, 3)[0]).toEqual([1, 2, 3]);
  expect(relatedIndexes(tied, 2)[0]).toEqual([1, 2]);
});

test("a word or tag on most posts relates none of them (and costs nothing: no post is compared along it)", () => {
  const many = posts(
    Array.from({ length: 60 }, (_, i) => ({ title: `Tin tức của tỉnh số ${i} mục${i}`, tags: ["Sơn La"], category: "Thời sự" })),
  );
  expect(relatedIndexes(many, 5).every((list) => list.length === 0)).toBe(true);
});

test("the same section adds a little: between equal texts, the one of the same section wins", () => {
  const sections = posts([
    { title: "Cầu treo bản Lướt", category: "Kinh tế" },
    { title: "Cầu treo mới", category: "Thời sự" },
    { title: "Cầu treo cũ", category: "Kinh tế" },
    ...Array.from({ length: 20 }, (_, i) => ({ title: `khác ${i} chữ${i}` })),
  ]);
  expect(relatedIndexes(sections, 2)[0]).toEqual([2, 1]);
});

test("same-section lists: the section's other posts nearest the post, without the related ones, up to the count", () => {
  const lists = withRelated(corpus, { count: 1, sameSection: 2 });
  const economy = lists[1]!; // "Xây dựng nông thôn mới…", Kinh tế; its related: "Nông thôn mới nâng cao…"
  expect(economy.related.map((l) => l.url)).toEqual(["/tin-4/"]);
  expect(economy.sameSection.map((l) => l.url)).toEqual(["/tin-6/"]);
  expect(lists[6]!.sameSection.map((l) => l.url)).toEqual(["/tin-1/", "/tin-4/"]);
  // No category, no same-section list; counts of 0 turn the lists off.
  expect(lists[0]!.sameSection).toEqual([]);
  expect(withRelated(corpus, { count: 0, sameSection: 0 }).every((p) => p.related.length + p.sameSection.length === 0)).toBe(true);
});

test("same-section lists: the posts just before this one (older), filled from the ones just after for the section's oldest (#23 §3b)", () => {
  // Ten posts of one section with nothing in common (no related list), and two of another in between.
  const titles = Array.from({ length: 12 }, (_, i) => ({
    title: `Tin ${i} chữ${i}`,
    category: i === 3 || i === 7 ? "Văn hóa" : "Kinh tế",
  }));
  const lists = withRelated(posts(titles), { count: 0, sameSection: 3 });
  const urls = (i: number) => lists[i]!.sameSection.map((l) => l.url);
  expect(urls(0)).toEqual(["/tin-1/", "/tin-2/", "/tin-4/"]); // the newest: the three before it, the other section skipped
  expect(urls(5)).toEqual(["/tin-6/", "/tin-8/", "/tin-9/"]);
  expect(urls(10)).toEqual(["/tin-8/", "/tin-9/", "/tin-11/"]); // one older left: the two newer nearest, newest first
  expect(urls(11)).toEqual(["/tin-8/", "/tin-9/", "/tin-10/"]);
  expect(urls(3)).toEqual(["/tin-7/"]); // a section of two
  // A newer post of the section changes no older post's list: each has three older ones, or borrows newer ones nearer than it.
  const added = withRelated(posts([{ title: "Tin mới nhất", category: "Kinh tế" }, ...titles]), { count: 0, sameSection: 3 });
  const before = lists.map((p) => p.sameSection.map((l) => l.title));
  const after = added.slice(1).map((p) => p.sameSection.map((l) => l.title));
  expect(after.map((list, i) => (JSON.stringify(list) === JSON.stringify(before[i]) ? "" : i)).filter((i) => i !== "")).toEqual([]);
});

test("same-section lists leave out the related posts and go further for as many", () => {
  const lists = withRelated(
    posts([
      { title: "Cầu treo bản Lướt sông Mã", category: "Kinh tế" },
      { title: "Hội chợ nông sản", category: "Kinh tế" },
      { title: "Cầu treo bản Lướt sắp xong", category: "Kinh tế" },
      { title: "Đường tỉnh 117", category: "Kinh tế" },
      { title: "Chợ phiên vùng cao", category: "Kinh tế" },
      ...Array.from({ length: 20 }, (_, i) => ({ title: `khác ${i} chữ${i}` })),
    ]),
    { count: 1, sameSection: 2 },
  );
  expect(lists[0]!.related.map((l) => l.url)).toEqual(["/tin-2/"]);
  expect(lists[0]!.sameSection.map((l) => l.url)).toEqual(["/tin-1/", "/tin-3/"]);
});
