import { describe, expect, test } from "vitest";
import type { Post } from "../../../../src/posts/post.ts";
import { dPositions, foldD, searchRecord } from "../../../../src/features/search/indexer.ts";
import { foldQuery, restoreD, restoreExcerptD } from "../../../../src/features/search/client/search-parts.js";
import fc from "fast-check";

describe("foldD, dPositions and restoreD (#20: đ searchable without accents, shown as written)", () => {
  test("foldD: NFC, đ/Đ as d/D, other accents kept", () => {
    expect(foldD("Đảng bộ đang xây dựng đường điện")).toBe("Dảng bộ dang xây dựng dường diện");
    expect(foldD("Đảng".normalize("NFD"))).toBe("Dảng");
  });
  test("dPositions: the words with đ and, where a word mixes d and đ, which letters", () => {
    expect(dPositions("Sông Mã")).toBe("");
    // "dđ" (word 1): letters d, đ → mask 0b10 = 2 → "$"; digits are punctuation only.
    expect(dPositions("Đảng dđ x đi")).toBe("! #.$ $");
    expect(dPositions("a b").match(/[\p{L}\p{N}]/u)).toBeNull();
  });
  // mutation gap: features/search/indexer.ts the mask's limit, 30 d/D letters in one word
  test("dPositions: a word of up to 30 d/D letters has its mask, a longer one none (every d/D read as đ/Đ)", () => {
    const thirty = `đ${"d".repeat(29)}`;
    expect(dPositions(thirty)).toBe("!.#");
    expect(restoreD(foldD(thirty), dPositions(thirty))).toBe(thirty);
    const longer = `đ${"d".repeat(30)}`;
    expect(dPositions(longer)).toBe("!");
    expect(restoreD(foldD(longer), dPositions(longer))).toBe("đ".repeat(31));
  });
  test("dPositions: numbers of two digits (a word's index from 16, a mask with its fifth bit) read back by restoreD", () => {
    // "ddddĐ" (word 0): mask 0b10000 = 16 → "#!"; "đi" is word 17 = 0x11 → "##".
    const text = `ddddĐ ${"x ".repeat(16)}đi`;
    expect(dPositions(text)).toBe("!.#! ##");
    expect(restoreD(foldD(text), dPositions(text))).toBe(text);
  });
  test("restoreD puts back exactly what foldD took, for any text (property)", () => {
    const alphabet = fc.constantFrom("d", "D", "đ", "Đ", "a", "ư", "ờ", " ", "  ", ",", "\n", "x");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (letters) => {
        const text = letters.join("");
        expect(restoreD(foldD(text), dPositions(text))).toBe(text.normalize("NFC"));
      }),
    );
  });
  test("restoreExcerptD: an excerpt of the folded text, with marks and entities, gets its đ back at its place", () => {
    const text = "Những năm qua, Đảng bộ thị trấn Sông Mã & đường điện";
    const content = foldD(text);
    const excerpt = "năm qua, <mark>Dảng</mark> <mark>bộ</mark> thị trấn Sông Mã &amp; dường";
    expect(restoreExcerptD(excerpt, content, dPositions(text))).toBe(
      "năm qua, <mark>Đảng</mark> <mark>bộ</mark> thị trấn Sông Mã &amp; đường",
    );
    expect(restoreExcerptD("không có trong bài", content, dPositions(text))).toBe("không có trong bài");
  });
  test("foldQuery folds the reader's đ as the index does, keeping quotes", () => {
    expect(foldQuery('"Đảng bộ" điện')).toBe('"Dảng bộ" diện');
  });
});

describe("searchRecord", () => {
  const post = {
    url: "/2019/10/18/seed/",
    title: "Chú trọng xây dựng Đảng bộ",
    text: "Những năm qua, Đảng bộ thị trấn Sông Mã".normalize("NFD"),
    date: new Date("2019-10-17T17:00:00Z"),
    year: "2019",
    month: "10",
    day: "18",
    category: "Xây dựng Đảng",
    tags: ["Sông Mã", "Đảng bộ"],
    image: "/images/a.svg",
    image_alt: "Thị trấn",
  } as Post;
  const record = searchRecord(post, { language: "vi", displayDate: () => "Thứ Sáu, ngày 18 tháng 10 năm 2019" });

  test("body text in NFC as content; title, display date and image as meta", () => {
    expect(record.content).toBe("Những năm qua, Dảng bộ thị trấn Sông Mã");
    expect(record.meta).toMatchObject({
      title: post.title,
      date: "Thứ Sáu, ngày 18 tháng 10 năm 2019",
      image: "/images/a.svg",
      image_alt: "Thị trấn",
    });
    expect(record.meta.t).toBe("Chú trọng xây dựng Dảng bộ");
    expect(record.meta.d).toBe("%"); // word 3, "Đảng" (punctuation digits: ! # $ % …)
  });

  test("date filters in the site's zone, topic filters, and a sort key that sorts as time does", () => {
    expect(record.filters).toEqual({
      year: ["2019"],
      month: ["2019-10"],
      day: ["2019-10-18"],
      category: ["Xây dựng Đảng"],
      tag: ["Sông Mã", "Đảng bộ"],
    });
    expect(record.sort).toEqual({ date: "2019-10-17T17:00:00Z" });
    const later = searchRecord({ ...post, date: new Date("2019-10-18T09:00:00Z") }, { language: "vi", displayDate: () => "" });
    expect(later.sort.date! > record.sort.date!).toBe(true);
  });
});
