/**
 * The Vietnamese lunar calendar (âm lịch), for the optional lunar date after an article's date.
 * Computed by @dqcai/vn-lunar, which follows Hồ Ngọc Đức's tables for Vietnam's time zone
 * (UTC+7): the Chinese calendar libraries (UTC+8) put some new moons on another day, and with
 * them Tết (1985: 21 January in Vietnam, 20 February in China; 2007: 17 and 18 February).
 */
import { LunarCalendar } from "@dqcai/vn-lunar";
import type { DateTime } from "luxon";

/** A day of the lunar calendar. */
export interface LunarDay {
  day: number;
  month: number;
  /** A leap month (tháng nhuận) repeats the month before it. */
  leap: boolean;
  /** The year's name in the sexagenary cycle: "Kỷ Hợi". */
  yearName: string;
}

/** The lunar day of a calendar date (the date as the site's zone sees it). */
export function lunarDay(date: DateTime): LunarDay {
  const calendar = LunarCalendar.fromSolar(date.day, date.month, date.year);
  const { day, month, leap } = calendar.lunarDate;
  return { day, month, leap, yearName: calendar.yearCanChi };
}
