/** A locale pack: every string the plugin writes, and the date forms of that language. */
import type { DateTime } from "luxon";

export interface DateForms {
  /** Weekday and full date: "Thứ Sáu, ngày 18 tháng 10 năm 2019". */
  long(date: DateTime): string;
  /** The date line of an article: "Ngày 18 tháng 10 năm 2019". */
  article(date: DateTime): string;
  /** Numeric: "18/10/2019". */
  short(date: DateTime): string;
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
  /** "5 phút đọc" */
  readingTime(minutes: number): string;
  skipToContent: string;
  noPosts: string;
}

export interface LocalePack {
  dates: DateForms;
  ui: UiStrings;
}
