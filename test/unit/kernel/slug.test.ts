import { expect, test } from "vitest";
import { isUrlSafeSlug, slugify } from "../../../src/kernel/slug.ts";

test("Vietnamese titles fold to ASCII slugs, Đ and đ included", () => {
  expect(slugify("Chú trọng xây dựng Đảng bộ trong sạch, vững mạnh")).toBe("chu-trong-xay-dung-dang-bo-trong-sach-vung-manh");
  expect(slugify("ĐƯỜNG ĐIỆN về bản")).toBe("duong-dien-ve-ban");
  expect(slugify("Ơn nghĩa, ưu tiên: Ỷ lại?")).toBe("on-nghia-uu-tien-y-lai");
});

test("text in NFD gives the same slug as NFC", () => {
  const title = "Sông Mã đổi mới";
  expect(slugify(title.normalize("NFD"))).toBe(slugify(title));
  expect(slugify(title)).toBe("song-ma-doi-moi");
});

test("punctuation and spaces collapse into single hyphens", () => {
  expect(slugify("  Cà phê -- Sơn La!!  ")).toBe("ca-phe-son-la");
  expect(slugify("Tin 27/7")).toBe("tin-27-7");
});

test("isUrlSafeSlug accepts only lowercase ASCII words joined by single hyphens", () => {
  expect(isUrlSafeSlug("song-ma-2019")).toBe(true);
  for (const bad of ["Sông-mã", "a b", "a--b", "-a", "a-", "a/b", "a?b", "", "ABC"]) expect(isUrlSafeSlug(bad), bad).toBe(false);
});
