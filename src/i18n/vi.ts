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
  archive: {
    yearTitle: (y) => `Năm ${y}`,
    monthTitle: (y, m) => `Tháng ${m} năm ${y}`,
    dayTitle: (y, m, d) => `Ngày ${d} tháng ${m} năm ${y}`,
    monthLabel: (m) => `Tháng ${m}`,
    dayLabel: (d) => `Ngày ${d}`,
    weekdaysShort: ["T2", "T3", "T4", "T5", "T6", "T7", "CN"],
    weekdaysLong: ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"],
    archive: "Lưu trữ",
    postCount: (n) => `${n.toLocaleString("vi")} bài viết`,
    monthsOfYear: "Các tháng trong năm",
    latestOfYear: "Bài viết mới nhất trong năm",
    postsOfMonth: "Bài viết trong tháng",
    postsOfDay: "Bài viết trong ngày",
    dateSearchLabel: "Tìm kiếm theo ngày",
    dateSearchButton: "Xem",
    dateSearchBrowse: "Xem lưu trữ theo tháng",
    dateSearchEarlier: "Không có bài viết nào ngày {date}. Dưới đây là các bài viết của ngày gần nhất trước đó.",
    dateSearchLater: "Không có bài viết nào ngày {date} hoặc trước đó. Dưới đây là các bài viết của ngày gần nhất sau đó.",
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}
