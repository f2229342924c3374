/**
 * One post's search record (src/features/search/indexer.ts `searchRecord`), built inside each test: the
 * body indexed, what a result shows (meta), the filters the search page offers, the sort key.
 */
import { expect, test } from "vitest";
import type { Post } from "../../../../src/posts/post.ts";
import { searchRecord } from "../../../../src/features/search/indexer.ts";

const base = {
  url: "/2019/10/18/song-ma/",
  title: "Thị trấn Sông Mã",
  text: "Thị trấn ngày càng khang trang.",
  date: new Date("2019-10-17T17:00:00.000Z"),
  year: "2019",
  month: "10",
  day: "18",
  category: undefined,
  tags: [],
  image: undefined,
  image_alt: undefined,
} as unknown as Post;
const settings = { language: "vi", displayDate: (post: Post) => `ngày ${post.day}` };

test("a post without image, topics or đ: body, title and date only; date filters always", () => {
  expect(searchRecord(base, settings)).toStrictEqual({
    url: "/2019/10/18/song-ma/",
    content: "Thị trấn ngày càng khang trang.",
    language: "vi",
    meta: { title: "Thị trấn Sông Mã", t: "Thị trấn Sông Mã", date: "ngày 18" },
    filters: { year: ["2019"], month: ["2019-10"], day: ["2019-10-18"] },
    sort: { date: "2019-10-17T17:00:00Z" },
  });
});

test("the image and its text are shown with a result when the post has them", () => {
  const record = searchRecord({ ...base, image: "/images/song-ma.jpg", image_alt: "Cầu Sông Mã" } as Post, settings);
  expect(record.meta).toEqual({
    title: "Thị trấn Sông Mã",
    t: "Thị trấn Sông Mã",
    date: "ngày 18",
    image: "/images/song-ma.jpg",
    image_alt: "Cầu Sông Mã",
  });
});

test("section and tags are filters when the post has them", () => {
  const record = searchRecord({ ...base, category: "Xã hội", tags: ["Sông Mã", "đô thị"] } as Post, settings);
  expect(record.filters).toEqual({
    year: ["2019"],
    month: ["2019-10"],
    day: ["2019-10-18"],
    category: ["Xã hội"],
    tag: ["Sông Mã", "đô thị"],
  });
});

test("#20: đ is written d in the indexed text and title (accent-free phrases match), its places kept to put it back", () => {
  const record = searchRecord({ ...base, title: "Đường điện về bản", text: "Đường điện mới, đường điện sáng." } as Post, settings);
  expect(record.content).toBe("Dường diện mới, dường diện sáng.");
  expect(record.meta.title).toBe("Đường điện về bản"); // shown as written
  expect(record.meta.t).toBe("Dường diện về bản"); // searched and ranked as the title
  expect(record.meta.d).toBe("! # $ #"); // words 0, 1, 3 and 4: differences 0, 1, 2, 1 in punctuation digits
});

test("the sort key is the UTC instant to the second, text that sorts as time does", () => {
  const record = searchRecord({ ...base, date: new Date("2021-06-14T23:00:59.999Z") } as Post, settings);
  expect(record.sort).toEqual({ date: "2021-06-14T23:00:59Z" });
});
