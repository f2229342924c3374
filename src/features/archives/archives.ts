/**
 * Date archives: posts grouped by year, month and day of the site's time zone, and the
 * flat list of archive pages Eleventy paginates over (it has no two-level pagination).
 * Pure functions; one linear pass over the posts, which arrive newest first.
 */
import { DateTime } from "luxon";
import type { DateParts } from "../../kernel/dates.ts";
import type { ArchivePermalinks } from "../../options/types.ts";
import type { ArchiveStrings } from "../../kernel/i18n/types.ts";
import { expandPermalink } from "../../kernel/permalink.ts";
import { pageUrl } from "../../kernel/urls.ts";
import type { Post } from "../../posts/post.ts";

export type ArchiveLevel = "year" | "month" | "day";

/** A non-empty period, with its posts newest first. */
export interface PeriodBase {
  level: ArchiveLevel;
  /** "2019", "2019-10" or "2019-10-18": also the value of the search filters. */
  key: string;
  year: string;
  url: string;
  /** Localized heading: "Năm 2019", "Tháng 10 năm 2019", "Ngày 18 tháng 10 năm 2019". */
  title: string;
  /** Short label for breadcrumbs: "2019", "Tháng 10", "Ngày 18". */
  label: string;
  count: number;
  posts: Post[];
  /** Links to the year, month (and day) of this period, for breadcrumbs. */
  trail: PeriodLink[];
}

export interface DayGroup extends PeriodBase {
  level: "day";
  month: string;
  day: string;
}

export interface MonthGroup extends PeriodBase {
  level: "month";
  month: string;
  /** Non-empty days, newest first. */
  days: DayGroup[];
  /** Calendar grid, weeks starting Monday; `null` fills the cells outside the month. */
  weeks: (CalendarCell | null)[][];
}

export interface YearGroup extends PeriodBase {
  level: "year";
  /** Non-empty months, newest first. */
  months: MonthGroup[];
}

export interface CalendarCell {
  day: number;
  /** The day's page, when the day has posts. */
  url: string | undefined;
  count: number;
}

export type Period = YearGroup | MonthGroup | DayGroup;

/** A link to a neighbouring period or a breadcrumb step. */
export interface PeriodLink {
  url: string;
  title: string;
  label: string;
}

/** One archive page: a period, or one page of a period's posts. */
export interface ArchivePage {
  level: ArchiveLevel;
  period: Period;
  /** 0-based page within the period. */
  pageNumber: number;
  pageCount: number;
  /** The posts listed on this page. */
  posts: Post[];
  url: string;
  /** Pages of the same period: newer posts (`rel="prev"`) and older ones (`rel="next"`). */
  previousPageUrl: string | undefined;
  nextPageUrl: string | undefined;
  /** Neighbouring non-empty periods of the same kind. */
  olderPeriod: PeriodLink | undefined;
  newerPeriod: PeriodLink | undefined;
}

export interface Archives {
  /** Newest first. */
  years: YearGroup[];
  months: MonthGroup[];
  days: DayGroup[];
  /** Every archive page to write. */
  pages: ArchivePage[];
}

export interface ArchiveSettings {
  permalinks: ArchivePermalinks;
  pageSize: number;
  /** Posts on a year page. */
  yearPostCount: number;
  strings: ArchiveStrings;
}

/** Groups posts (newest first) into years, months and days. */
export function groupArchives(posts: readonly Post[], settings: ArchiveSettings): Archives {
  const { permalinks, strings } = settings;
  const years: YearGroup[] = [];
  const months: MonthGroup[] = [];
  const days: DayGroup[] = [];
  let year: YearGroup | undefined;
  let month: MonthGroup | undefined;
  let day: DayGroup | undefined;

  for (const post of posts) {
    const parts = { yyyy: post.year, MM: post.month, dd: post.day };
    if (year?.year !== post.year) {
      year = {
        level: "year",
        key: post.year,
        year: post.year,
        url: fill(permalinks.year, parts),
        title: strings.yearTitle(Number(post.year)),
        label: post.year,
        count: 0,
        posts: [],
        trail: [],
        months: [],
      };
      year.trail = [linkTo(year)];
      years.push(year);
      month = undefined;
    }
    if (month?.month !== post.month) {
      month = {
        level: "month",
        key: `${post.year}-${post.month}`,
        year: post.year,
        month: post.month,
        url: fill(permalinks.month, parts),
        title: strings.monthTitle(Number(post.year), Number(post.month)),
        label: strings.monthLabel(Number(post.month)),
        count: 0,
        posts: [],
        trail: [],
        days: [],
        weeks: [],
      };
      month.trail = [...year.trail, linkTo(month)];
      year.months.push(month);
      months.push(month);
      day = undefined;
    }
    if (day?.day !== post.day) {
      day = {
        level: "day",
        key: `${post.year}-${post.month}-${post.day}`,
        year: post.year,
        month: post.month,
        day: post.day,
        url: fill(permalinks.day, parts),
        title: strings.dayTitle(Number(post.year), Number(post.month), Number(post.day)),
        label: strings.dayLabel(Number(post.day)),
        count: 0,
        posts: [],
        trail: [],
      };
      day.trail = [...month.trail, linkTo(day)];
      month.days.push(day);
      days.push(day);
    }
    year.posts.push(post);
    month.posts.push(post);
    day.posts.push(post);
    year.count++;
    month.count++;
    day.count++;
  }
  for (const m of months) m.weeks = calendarWeeks(Number(m.year), Number(m.month), m.days);

  const pages: ArchivePage[] = [
    ...periodPages(years, settings.yearPostCount, false),
    ...periodPages(months, settings.pageSize, true),
    ...periodPages(days, settings.pageSize, true),
  ];
  return { years, months, days, pages };
}

/** The pages of each period: one for a year (its latest posts), `pageSize` posts a page for months and days. */
function periodPages(periods: readonly Period[], pageSize: number, paginate: boolean): ArchivePage[] {
  const pages: ArchivePage[] = [];
  periods.forEach((period, index) => {
    const pageCount = paginate ? Math.max(1, Math.ceil(period.posts.length / pageSize)) : 1;
    const newer = periods[index - 1];
    const older = periods[index + 1];
    for (let n = 0; n < pageCount; n++) {
      pages.push({
        level: period.level,
        period,
        pageNumber: n,
        pageCount,
        posts: period.posts.slice(n * pageSize, (n + 1) * pageSize),
        url: pageUrl(period.url, n),
        previousPageUrl: n > 0 ? pageUrl(period.url, n - 1) : undefined,
        nextPageUrl: n < pageCount - 1 ? pageUrl(period.url, n + 1) : undefined,
        olderPeriod: older && linkTo(older),
        newerPeriod: newer && linkTo(newer),
      });
    }
  });
  return pages;
}

/**
 * The month's calendar: weeks from Monday to Sunday, `null` outside the month, days with
 * posts linked to their page.
 */
export function calendarWeeks(year: number, month: number, days: readonly DayGroup[]): (CalendarCell | null)[][] {
  const first = DateTime.utc(year, month, 1);
  const byDay = new Map(days.map((d) => [Number(d.day), d]));
  const cells: (CalendarCell | null)[] = Array.from({ length: first.weekday - 1 }, () => null);
  for (let d = 1; d <= (first.daysInMonth ?? 31); d++) {
    const group = byDay.get(d);
    cells.push({ day: d, url: group?.url, count: group?.count ?? 0 });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

function linkTo(period: Period): PeriodLink {
  return { url: period.url, title: period.title, label: period.label };
}

function fill(pattern: string, parts: DateParts): string {
  return expandPermalink(pattern, { ...parts, slug: "" });
}

/** The days that have posts, oldest first, as "yyyy-MM-dd": the date widget's index. */
export function dayIndex(archives: Archives): string[] {
  return archives.days.map((d) => d.key).reverse();
}
