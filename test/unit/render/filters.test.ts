import { describe, expect, test } from "vitest";
import { createFilters, perDay } from "../../../src/render/filters.ts";
import { dateParts } from "../../../src/kernel/dates.ts";
import type { Post } from "../../../src/posts/post.ts";

const vi = createFilters({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh", wordsPerMinute: 200, excerptLength: 40 });
const en = createFilters({ locale: "en", timeZone: "America/New_York", wordsPerMinute: 200, excerptLength: 40 });
// 17:00 UTC on 17 October is midnight on Friday 18 October in Ho Chi Minh City, still the 17th in New York.
const seedDate = new Date("2019-10-17T17:00:00Z");

describe("date filters", () => {
  test("a post's date made once per calendar day of the site's zone gives each post its own day's form", () => {
    let made = 0;
    const longDate = perDay((post: { date: Date; year: string; month: string; day: string }) => {
      made++;
      return vi.longDate(post.date);
    });
    // Each side of midnight in Ho Chi Minh City (17:00 UTC), and two posts on one day.
    const instants = [
      "2019-10-17T16:59:59Z",
      "2019-10-17T17:00:00Z",
      "2019-10-18T16:59:00Z",
      "2019-10-18T17:01:00Z",
      "2019-10-17T03:00:00Z",
    ];
    for (const iso of instants) {
      const date = new Date(iso);
      const { yyyy, MM, dd } = dateParts(date, "Asia/Ho_Chi_Minh");
      expect(longDate({ date, year: yyyy, month: MM, day: dd })).toBe(vi.longDate(date));
    }
    expect(made).toBe(3);
  });

  test("Vietnamese forms in the site's zone", () => {
    expect(vi.longDate(seedDate)).toBe("Thứ Sáu, ngày 18 tháng 10 năm 2019");
    expect(vi.articleDate(seedDate)).toBe("Ngày 18 tháng 10 năm 2019");
    expect(vi.shortDate(seedDate)).toBe("18/10/2019");
    expect(vi.isoDate(seedDate)).toBe("2019-10-18T00:00:00+07:00");
  });

  test("Sunday is Chủ Nhật, and single-digit days and months are not padded in words", () => {
    expect(vi.longDate("2021-03-07")).toBe("Chủ Nhật, ngày 7 tháng 3 năm 2021");
    expect(vi.shortDate("2021-03-07")).toBe("07/03/2021");
  });

  test("another locale and zone give their own forms for the same instant", () => {
    expect(en.longDate(seedDate)).toBe("Thursday, October 17, 2019");
    expect(en.isoDate(seedDate)).toBe("2019-10-17T13:00:00-04:00");
  });

  test("filters accept Dates, ISO strings and epoch milliseconds alike", () => {
    expect(vi.articleDate("2019-10-18")).toBe("Ngày 18 tháng 10 năm 2019");
    expect(vi.articleDate(seedDate.getTime())).toBe("Ngày 18 tháng 10 năm 2019");
    expect(() => vi.articleDate("hôm qua")).toThrow(/expected/);
  });
});

describe("excerpt and reading time", () => {
  const post = {
    summary: undefined,
    text: "Một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba",
    wordCount: 600,
  } as unknown as Post;

  test("excerpt gives the post's own excerpt; another length prefers the summary, else cuts the body at a word", () => {
    expect(vi.excerpt({ ...post, excerpt: "Đoạn trích." })).toBe("Đoạn trích.");
    expect(vi.excerpt({ ...post, summary: "Tóm tắt." }, 30)).toBe("Tóm tắt.");
    expect(vi.excerpt(post, 39)).toBe("Một hai ba bốn năm sáu bảy tám chín…");
    expect(vi.excerpt("<p>Đảng bộ <b>thị trấn</b></p>", 100)).toBe("Đảng bộ thị trấn");
  });

  test("excerpt refuses a length that is not a whole number of characters from 1, naming the filter", () => {
    for (const length of [0, -5, 2.5, Number.NaN, "40" as unknown as number]) {
      expect(() => vi.excerpt(post, length), String(length)).toThrow(/excerpt: expected a length in characters/);
    }
    expect(vi.excerpt(post, 1)).toMatch(/…$/);
  });

  test("reading time in the site's language", () => {
    expect(vi.readingTime(post)).toBe("3 phút đọc");
    expect(en.readingTime("<p>short</p>")).toBe("1 min read");
  });

  // #21 item 10: an empty post showed "1 phút đọc".
  test("no reading time for a post or text without words", () => {
    expect(vi.readingTime({ ...post, text: "", wordCount: 0 })).toBe("");
    expect(en.readingTime("<p> </p><img src=a.jpg alt=''>")).toBe("");
  });
});
