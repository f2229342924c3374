import type { LocalePack } from "./types.ts";

/** Vietnamese, as Vietnamese newspapers write it. */
export const vi: LocalePack = {
  dates: {
    long: (d) => `${capitalize(d.setLocale("vi").toFormat("cccc"))}, ngày ${d.day} tháng ${d.month} năm ${d.year}`,
    article: (d) => `Ngày ${d.day} tháng ${d.month} năm ${d.year}`,
    short: (d) => d.toFormat("dd/MM/yyyy"),
  },
  ui: {
    home: "Trang chủ",
    latestNews: "Tin mới nhất",
    newerPosts: "Tin mới hơn",
    olderPosts: "Tin cũ hơn",
    page: (n) => `Trang ${n}`,
    previousArticle: "Bài trước",
    nextArticle: "Bài tiếp theo",
    author: "Tác giả",
    category: "Chuyên mục",
    tags: "Từ khóa",
    readingTime: (m) => `${m} phút đọc`,
    skipToContent: "Bỏ qua để đến nội dung",
    noPosts: "Chưa có bài viết nào.",
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}
