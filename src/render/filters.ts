/**
 * Template filters, as typed pure functions bound to the site's locale and zone.
 * The plugin registers each under the same name (`{{ post.date | articleDate }}`).
 */
import type { FeatureContext } from "../kernel/feature.ts";
import { type DateInput, inZone, isoDate } from "../kernel/dates.ts";
import { NewsroomError } from "../kernel/errors.ts";
import { localePack } from "../kernel/i18n/index.ts";
import { lunarDay } from "../kernel/lunar.ts";
import { defaults } from "../options/resolve.ts";
import type { Post } from "../posts/post.ts";
import { countWords, htmlToText, readingMinutes, truncateText } from "../kernel/text.ts";

export interface FilterSettings {
  locale: string;
  timeZone: string;
  wordsPerMinute: number;
  excerptLength: number;
}

export interface NewsroomFilters {
  /** "Thứ Sáu, ngày 18 tháng 10 năm 2019" */
  longDate(date: DateInput): string;
  /** "Ngày 18 tháng 10 năm 2019" */
  articleDate(date: DateInput): string;
  /** "18/10/2019" */
  shortDate(date: DateInput): string;
  /** "2019-10-18T00:00:00+07:00", for `<time datetime>` */
  isoDate(date: DateInput): string;
  /** The date in the Vietnamese lunar calendar: "(20/9 năm Kỷ Hợi)" */
  lunarDate(date: DateInput): string;
  /** A post's summary or the start of its body; or the start of any HTML/text. */
  excerpt(source: Post | string, maxLength?: number): string;
  /** "3 phút đọc", for a post or any HTML/text; "" when there is no text to read. */
  readingTime(source: Post | string): string;
}

/** The filters for these settings; any left out take the plugin's defaults (`en`, `UTC`, 200 words a minute, 200 characters). */
export function createFilters(partial: Partial<FilterSettings> = {}): NewsroomFilters {
  const settings: FilterSettings = {
    locale: partial.locale ?? defaults.locale,
    timeZone: partial.timeZone ?? defaults.timeZone,
    wordsPerMinute: partial.wordsPerMinute ?? defaults.wordsPerMinute,
    excerptLength: partial.excerptLength ?? defaults.excerptLength,
  };
  const { dates, ui } = localePack(settings.locale);
  const zone = settings.timeZone;
  return {
    longDate: memoizeByInstant((date) => dates.long(inZone(date, zone))),
    articleDate: memoizeByInstant((date) => dates.article(inZone(date, zone))),
    shortDate: memoizeByInstant((date) => dates.short(inZone(date, zone))),
    isoDate: memoizeByInstant((date) => isoDate(date, zone)),
    lunarDate: memoizeByInstant((date) => dates.lunar(lunarDay(inZone(date, zone)))),
    excerpt(source, maxLength = settings.excerptLength) {
      if (!Number.isInteger(maxLength) || maxLength < 1) {
        throw new NewsroomError(`excerpt: expected a length in characters (a whole number from 1), found ${JSON.stringify(maxLength)}`);
      }
      if (typeof source === "string") return truncateText(htmlToText(source), maxLength);
      if (maxLength === settings.excerptLength) return source.excerpt; // made once, when the post was read
      return source.summary ?? truncateText(source.text, maxLength);
    },
    readingTime(source) {
      const words = typeof source === "string" ? countWords(htmlToText(source)) : source.wordCount;
      return words === 0 ? "" : ui.readingTime(readingMinutes(words, settings.wordsPerMinute));
    },
  };
}

/**
 * Caches a date formatter by instant: a post's date is written on its article, the home
 * page and three archive pages, and luxon's zone conversion is the costly part.
 */
/**
 * A post's date in one of the locale's forms, made once per calendar day (the forms show the day alone, DateForms):
 * the search records of 100,000 posts need ~4,400 dates formatted, not 100,000 (3 s a build).
 */
export function perDay<P extends Pick<Post, "year" | "month" | "day">>(format: (post: P) => string): (post: P) => string {
  const byDay = new Map<string, string>();
  return (post) => {
    const day = `${post.year}-${post.month}-${post.day}`;
    let text = byDay.get(day);
    if (text === undefined) {
      text = format(post);
      byDay.set(day, text);
    }
    return text;
  };
}

function memoizeByInstant(format: (date: DateInput) => string): (date: DateInput) => string {
  const cache = new Map<number | string, string>();
  return (date) => {
    const key = date instanceof Date ? date.getTime() : typeof date === "number" || typeof date === "string" ? date : undefined;
    if (key === undefined || (typeof key === "number" && Number.isNaN(key))) return format(date);
    let text = cache.get(key);
    if (text === undefined) {
      text = format(date);
      cache.set(key, text);
    }
    return text;
  };
}

/**
 * Registers the date and text filters, `absoluteUrl` (a URL against `site.url`, without the path
 * prefix: for URLs already prefixed) and `prefixUrl` (the deploy path prefix, cheaply).
 */
export function registerFilters(filters: NewsroomFilters, siteUrl: string, context: FeatureContext): void {
  const { eleventyConfig } = context;
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  eleventyConfig.addFilter("absoluteUrl", (url: string) => (siteUrl ? new URL(url, siteUrl).href : url));
  eleventyConfig.addFilter("prefixUrl", context.prefix);
}
