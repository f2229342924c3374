/** A locale pack: every string the plugin writes, and the date forms of that language. */
import type { DateTime } from "luxon";
import type { LunarDay } from "../lunar.ts";

/** Forms of the calendar day alone (the time of day never shows), so each is made once per day (filters.ts `perDay`). */
export interface DateForms {
  /** Weekday and full date: "Thứ Sáu, ngày 18 tháng 10 năm 2019". */
  long(date: DateTime): string;
  /** The date line of an article: "Ngày 18 tháng 10 năm 2019". */
  article(date: DateTime): string;
  /** Numeric: "18/10/2019". */
  short(date: DateTime): string;
  /** The lunar date after an article's date: "(20/9 năm Kỷ Hợi)". */
  lunar(day: LunarDay): string;
}

export interface UiStrings {
  home: string;
  latestNews: string;
  /** Link to the page of newer posts (lists go newest first). */
  newerPosts: string;
  olderPosts: string;
  /** "Trang 2" */
  page(n: number): string;
  /** Article navigation. */
  previousArticle: string;
  nextArticle: string;
  author: string;
  category: string;
  tags: string;
  /** Heading of the index of sections: "Chuyên mục". */
  sections: string;
  /** Heading of a tag's page: "Từ khóa: Sông Mã". */
  tagTitle(name: string): string;
  /** "12 bài viết" */
  postCount(n: number): string;
  /** Menu label of the section menu (for screen readers). */
  sectionMenu: string;
  /** Heading of the related articles under an article: "Tin liên quan". */
  relatedArticles: string;
  /** Heading of the same-section list under an article: "Tin cùng chuyên mục Kinh tế". */
  sameSection(section: string): string;
  /** Label of the front page's lead story (for screen readers): "Tin nổi bật". */
  leadStory: string;
  /** Link from a front-page section block to the section's page: "Xem thêm". */
  moreInSection: string;
  /** "5 phút đọc" */
  readingTime(minutes: number): string;
  skipToContent: string;
  noPosts: string;
  /** Title of the 404 page: "Không tìm thấy trang" */
  notFoundTitle: string;
  notFoundMessage: string;
  /** Title of the offline page: "Bạn đang ngoại tuyến" */
  offlineTitle: string;
  /** The offline page's explanation. */
  offlineMessage: string;
}

/** Strings of the date archives and the "search by date" widget. */
export interface ArchiveStrings {
  /** "Năm 2019" */
  yearTitle(year: number): string;
  /** "Tháng 10 năm 2019" */
  monthTitle(year: number, month: number): string;
  /** "Ngày 18 tháng 10 năm 2019" */
  dayTitle(year: number, month: number, day: number): string;
  /** Breadcrumb step of a month: "Tháng 10" */
  monthLabel(month: number): string;
  /** Breadcrumb step of a day: "Ngày 18" */
  dayLabel(day: number): string;
  /** Calendar column headers, Monday first: ["T2", …, "CN"] */
  weekdaysShort: string[];
  /** The same, in full, for screen readers: ["Thứ Hai", …, "Chủ Nhật"] */
  weekdaysLong: string[];
  /** Name of the archive index: "Lưu trữ" */
  archive: string;
  /** "12 bài viết" */
  postCount(count: number): string;
  monthsOfYear: string;
  latestOfYear: string;
  postsOfMonth: string;
  postsOfDay: string;
  /** Label of the date widget: "Tìm kiếm theo ngày" */
  dateSearchLabel: string;
  dateSearchButton: string;
  /** Link shown for readers without JavaScript. */
  dateSearchBrowse: string;
  /** Shown on a day page reached from an empty day; `{date}` is the day asked for. */
  dateSearchEarlier: string;
  /** Shown when no earlier day has posts and a later one is shown instead. */
  dateSearchLater: string;
}

/** Strings of the search page and search boxes. Strings with `{…}` are filled in the browser. */
export interface SearchStrings {
  /** "Tìm kiếm" */
  title: string;
  queryLabel: string;
  placeholder: string;
  button: string;
  filters: string;
  year: string;
  month: string;
  category: string;
  from: string;
  to: string;
  sort: string;
  sortRelevance: string;
  sortNewest: string;
  any: string;
  /** "{count} kết quả cho “{query}”" */
  results: string;
  /** "{count} bài viết" (filters without words) */
  resultsNoQuery: string;
  noResults: string;
  loading: string;
  /** First results shown from the newest posts while older years are still searched: "{count} kết quả … đang tìm trong các năm trước…" */
  searchingOlder: string;
  /** The complete results arrived after the reader began reading the first ones: a button to show them. */
  showAllYears: string;
  /** The index could not be loaded (offline before a first visit, say). */
  failed: string;
  more: string;
  /** The search box on archive pages: "Tìm trong tháng này" … */
  inYear: string;
  inMonth: string;
  inDay: string;
  /** Shown without JavaScript. */
  needsJavaScript: string;
}

/** A field's label and hint in the web editor. */
export interface CmsFieldStrings {
  label: string;
  hint?: string;
}

/** Strings of the web editor (Decap CMS, option `cms`): its page, the posts collection, the fields. */
export interface CmsStrings {
  /** The editor page's title: "Quản trị nội dung". */
  title: string;
  /** The posts collection: "Bài viết", one: "Bài viết". */
  posts: string;
  post: string;
  /** Each front matter field by its key, and `body`. */
  fields: Record<string, CmsFieldStrings>;
  /** The date field's hint, naming the site's time zone. */
  dateHint(timeZone: string): string;
  /** The category field's hint when the site declares its sections. */
  categoryHint: string;
  /** Decap's own interface language, when Decap has it ("vi", "en"). */
  decapLocale: string;
  /**
   * The article page's date line (`dates.article`) for the editor's preview, which runs in the
   * browser: a pattern of {d}, {M} and {y} ("Ngày {d} tháng {M} năm {y}"), or Intl's long date
   * (year, month name, day) in a locale.
   */
  articleDate: { pattern: string } | { locale: string };
}

export interface LocalePack {
  dates: DateForms;
  ui: UiStrings;
  archive: ArchiveStrings;
  search: SearchStrings;
  cms: CmsStrings;
}
