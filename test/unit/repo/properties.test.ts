/** Property tests (fast-check): invariants that must hold for any input, not just the examples. */
import fc from "fast-check";
import { DateTime, IANAZone } from "luxon";
import { describe, expect, test } from "vitest";
import { groupArchives } from "../../../src/features/archives/archives.ts";
import { nearestDay } from "../../../src/features/archives/client/nearest-day.js";
import { coverRange } from "../../../src/features/search/client/date-range.js";
import { dateParts } from "../../../src/kernel/dates.ts";
import { localePack } from "../../../src/kernel/i18n/index.ts";
import type { Post } from "../../../src/posts/post.ts";
import { isUrlSafeSlug, slugify } from "../../../src/kernel/slug.ts";

const ZONES = [
  "UTC",
  "Asia/Ho_Chi_Minh",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Asia/Kathmandu",
  "America/St_Johns",
];
const zone = fc.constantFrom(...ZONES);
const instant = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2040-12-31T23:59:59Z"), noInvalidDate: true });
const vietnamese = fc.string({
  unit: fc.constantFrom(
    ..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ 0123456789-,.!?/:&'\"<>()[]{}#%".split(
      "",
    ),
  ),
  maxLength: 80,
});

describe("slugify", () => {
  test("is always empty or ASCII and URL-safe", () => {
    fc.assert(
      fc.property(fc.oneof(vietnamese, fc.string({ maxLength: 60 })), (title) => {
        const slug = slugify(title);
        expect(slug === "" || isUrlSafeSlug(slug)).toBe(true);
        expect(/^[ -~]*$/.test(slug)).toBe(true); // printable ASCII
      }),
      { numRuns: 500 },
    );
  });

  test("is stable: the same for NFC and NFD, and a slug slugifies to itself", () => {
    fc.assert(
      fc.property(vietnamese, (title) => {
        const slug = slugify(title);
        expect(slugify(title.normalize("NFD"))).toBe(slug);
        expect(slugify(slug)).toBe(slug);
      }),
      { numRuns: 500 },
    );
  });
});

describe("date grouping", () => {
  test("a post's year, month and day are the calendar date luxon gives in the site's zone", () => {
    fc.assert(
      fc.property(instant, zone, (date, z) => {
        const expected = DateTime.fromJSDate(date, { zone: z });
        expect(dateParts(date, z)).toEqual({ yyyy: expected.toFormat("yyyy"), MM: expected.toFormat("MM"), dd: expected.toFormat("dd") });
      }),
      { numRuns: 1000 },
    );
    expect(ZONES.every((z) => IANAZone.isValidZone(z))).toBe(true);
  });

  test("archives put every post in exactly the day, month and year of its zone date, with right counts", () => {
    const strings = localePack("vi").archive;
    const permalinks = { year: "/{yyyy}/", month: "/{yyyy}/{MM}/", day: "/{yyyy}/{MM}/{dd}/", index: "/archive/" };
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 60 }), zone, (dates, z) => {
        const posts = dates
          .map((date, i) => {
            const p = dateParts(date, z);
            return { url: `/p${i}/`, title: `P${i}`, date, year: p.yyyy, month: p.MM, day: p.dd } as Post;
          })
          .sort((a, b) => b.date.getTime() - a.date.getTime());
        const archives = groupArchives(posts, { permalinks, pageSize: 7, yearPostCount: 7, strings });
        for (const post of posts) {
          const local = DateTime.fromJSDate(post.date, { zone: z });
          const day = archives.days.filter((d) => d.posts.includes(post));
          expect(day.map((d) => d.key)).toEqual([local.toISODate()]);
          expect(archives.months.filter((m) => m.posts.includes(post)).map((m) => m.key)).toEqual([local.toFormat("yyyy-MM")]);
        }
        expect(archives.years.reduce((sum, y) => sum + y.count, 0)).toBe(posts.length);
        expect(new Set(archives.days.map((d) => d.key)).size).toBe(archives.days.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the date widget's nearest day", () => {
  const day = fc
    .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  test("returns a day with posts: the request itself, else the greatest earlier one, else the first", () => {
    fc.assert(
      fc.property(fc.uniqueArray(day, { maxLength: 40 }), day, (unsorted, requested) => {
        const days = [...unsorted].sort();
        const found = nearestDay(days, requested);
        if (days.length === 0) {
          expect(found).toBeUndefined();
          return;
        }
        const earlier = days.filter((d) => d <= requested);
        if (earlier.length > 0) {
          expect(found).toEqual({ day: earlier.at(-1), match: earlier.at(-1) === requested ? "exact" : "earlier" });
        } else {
          expect(found).toEqual({ day: days[0], match: "later" });
        }
      }),
      { numRuns: 1000 },
    );
  });

  test("date ranges are covered exactly: every day in the range, and none outside, is matched once", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (from, length) => {
        const to = DateTime.fromISO(from, { zone: "UTC" }).plus({ days: length }).toISODate()!;
        const cover = coverRange(from, to)!;
        const covers = (d: string) =>
          Number(cover.year.includes(d.slice(0, 4))) + Number(cover.month.includes(d.slice(0, 7))) + Number(cover.day.includes(d));
        for (let i = -3; i <= length + 3; i += Math.max(1, Math.floor(length / 50))) {
          const d = DateTime.fromISO(from, { zone: "UTC" }).plus({ days: i }).toISODate()!;
          expect(covers(d), d).toBe(i >= 0 && i <= length ? 1 : 0);
        }
        expect(covers(to)).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
