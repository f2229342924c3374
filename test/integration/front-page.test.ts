/** The front page (lead story, section blocks, latest list) and what an article shows under it (related, same section, lunar date). */
import { afterAll, beforeAll, expect, test } from "vitest";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
const categories = ["Thời sự", "Kinh tế", "Văn hóa"];

beforeAll(async () => {
  site = createSite({
    "posts/lu-1.md": postFile(
      { title: "Mưa lũ gây sạt lở đất ở Mường La", date: "2019-10-18 08:00", category: "Thời sự", tags: ["thiên tai"] },
      "Mưa lớn kéo dài gây sạt lở đất, nhiều hộ dân ở Mường La phải di dời khẩn cấp.",
    ),
    "posts/lu-2.md": postFile(
      { title: "Khắc phục hậu quả sạt lở đất sau mưa lũ", date: "2019-10-20", category: "Thời sự", tags: ["thiên tai"] },
      "Bộ đội giúp dân Mường La khắc phục sạt lở đất sau mưa lũ.",
    ),
    "posts/ntm.md": postFile(
      { title: "Nông thôn mới ở Sông Mã", date: "2019-10-21", category: "Kinh tế", featured: true },
      "Các xã đạt chuẩn nông thôn mới.",
    ),
    "posts/kt-2.md": postFile({ title: "Cà phê Sơn La xuất khẩu", date: "2019-10-22", category: "Kinh tế" }, "Cà phê được mùa."),
    "posts/vh.md": postFile({ title: "Lễ hội hoa ban", date: "2019-10-23", category: "Văn hóa" }, "Hoa ban nở trắng núi rừng."),
    "posts/newest.md": postFile({ title: "Tin mới nhất trong ngày", date: "2019-10-24" }, "Không chuyên mục."),
  });
  await site.build({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh", sections: { categories }, lunarDate: true });
});
afterAll(() => site.remove());

test("the front page leads with the newest featured post, then a block per section in menu order, then the latest list without the lead", () => {
  const home = site.page("/");
  expect(home.querySelector("h1")!.text).toBe("Newsroom");
  expect(home.querySelector(".lead-title a")!.text).toBe("Nông thôn mới ở Sông Mã");
  const blocks = home.querySelectorAll(".section-block");
  expect(blocks.map((b) => b.querySelector(".block-heading")!.text)).toEqual(["Thời sự", "Kinh tế", "Văn hóa"]);
  expect(blocks[0]!.querySelectorAll("li a").map((a) => a.text)).toEqual([
    "Khắc phục hậu quả sạt lở đất sau mưa lũ",
    "Mưa lũ gây sạt lở đất ở Mường La",
  ]);
  // The lead is not repeated in its section's block, nor in the latest list.
  expect(blocks[1]!.querySelectorAll("li a").map((a) => a.text)).toEqual(["Cà phê Sơn La xuất khẩu"]);
  expect(blocks[1]!.querySelector(".section-block-more")!.getAttribute("href")).toBe("/chuyen-muc/kinh-te/");
  const latest = home.querySelectorAll(".post-list .post-card-title").map((t) => t.text);
  expect(latest).toHaveLength(5);
  expect(latest).not.toContain("Nông thôn mới ở Sông Mã");
});

test("without a featured post the newest leads; with the options off, the front page is the plain list", async () => {
  const plain = createSite({
    "posts/a.md": postFile({ title: "Bài cũ", date: "2020-01-01", category: "Thời sự" }),
    "posts/b.md": postFile({ title: "Bài mới", date: "2020-01-02", category: "Thời sự" }),
  });
  try {
    await plain.build({ locale: "vi" });
    expect(plain.page("/").querySelector(".lead-title a")!.text).toBe("Bài mới");
    await plain.build({ locale: "vi", frontPage: { lead: false, sectionPosts: 0 } });
    const home = plain.page("/");
    expect(home.querySelector(".lead-story")).toBeNull();
    expect(home.querySelector(".section-block")).toBeNull();
    expect(home.querySelector("h1")!.text).toBe("Tin mới nhất");
    expect(home.querySelectorAll(".post-card-title").map((t) => t.text)).toEqual(["Bài mới", "Bài cũ"]);
  } finally {
    plain.remove();
  }
});

test("an article lists its related articles and the newest of its section, each linking to its page", () => {
  const article = site.page("/2019/10/18/mua-lu-gay-sat-lo-dat-o-muong-la/");
  const [related, same] = article.querySelectorAll(".related section");
  expect(related!.querySelector("h2")!.text).toBe("Tin liên quan");
  expect(related!.querySelectorAll("li a").map((a) => [a.text, a.getAttribute("href")])).toEqual([
    ["Khắc phục hậu quả sạt lở đất sau mưa lũ", "/2019/10/20/khac-phuc-hau-qua-sat-lo-dat-sau-mua-lu/"],
  ]);
  // The only other news post is already related: no same-section list.
  expect(same).toBeUndefined();
  const economy = site.page("/2019/10/22/ca-phe-son-la-xuat-khau/");
  const heading = economy.querySelector(".related h2 a")!;
  expect([heading.text, heading.getAttribute("href")]).toEqual(["Tin cùng chuyên mục Kinh tế", "/chuyen-muc/kinh-te/"]);
  expect(economy.querySelectorAll(".related li a").map((a) => a.text)).toEqual(["Nông thôn mới ở Sông Mã"]);
});

test("with lunarDate on, the article's date line adds the Vietnamese lunar date", () => {
  const article = site.page("/2019/10/18/mua-lu-gay-sat-lo-dat-o-muong-la/");
  expect(article.querySelector(".article-lunar-date")!.text).toBe("(20/9 năm Kỷ Hợi)");
});
