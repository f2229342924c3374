import { describe, expect, test } from "vitest";
import { calendarWeeks, groupArchives } from "../../../../src/features/archives/archives.ts";
import { localePack } from "../../../../src/kernel/i18n/index.ts";
import type { Post } from "../../../../src/posts/post.ts";

const permalinks = { year: "/{yyyy}/", month: "/{yyyy}/{MM}/", day: "/{yyyy}/{MM}/{dd}/", index: "/archive/" };
const settings = { permalinks, pageSize: 2, yearPostCount: 3, strings: localePack("vi").archive };

/** Posts newest first, as the published list is. */
function posts(...days: string[]): Post[] {
  return days.map((d, i) => {
    const [year, month, day] = d.split("-") as [string, string, string];
    return { url: `/p${i}/`, title: `P${i}`, year, month, day } as Post;
  });
}

describe("groupArchives", () => {
  const list = posts("2020-01-01", "2019-12-31", "2019-10-18", "2019-10-18", "2019-10-18", "2019-10-02", "2018-05-05");
  const archives = groupArchives(list, settings);

  test("years, months and days, newest first, with counts", () => {
    expect(archives.years.map((y) => [y.key, y.count])).toEqual([
      ["2020", 1],
      ["2019", 5],
      ["2018", 1],
    ]);
    expect(archives.months.map((m) => [m.key, m.count])).toEqual([
      ["2020-01", 1],
      ["2019-12", 1],
      ["2019-10", 4],
      ["2018-05", 1],
    ]);
    expect(archives.days.map((d) => [d.key, d.count])).toEqual([
      ["2020-01-01", 1],
      ["2019-12-31", 1],
      ["2019-10-18", 3],
      ["2019-10-02", 1],
      ["2018-05-05", 1],
    ]);
    expect(archives.years[1]?.months.map((m) => m.key)).toEqual(["2019-12", "2019-10"]);
    expect(archives.months[2]?.days.map((d) => d.key)).toEqual(["2019-10-18", "2019-10-02"]);
  });

  test("localized titles, labels, URLs and the breadcrumb trail", () => {
    const day = archives.days[2]!;
    expect(day.title).toBe("Ngày 18 tháng 10 năm 2019");
    expect(day.url).toBe("/2019/10/18/");
    expect(day.trail.map((t) => t.label)).toEqual(["2019", "Tháng 10", "Ngày 18"]);
    expect(day.trail.map((t) => t.url)).toEqual(["/2019/", "/2019/10/", "/2019/10/18/"]);
    expect(archives.months[2]?.title).toBe("Tháng 10 năm 2019");
    expect(archives.years[1]?.title).toBe("Năm 2019");
  });

  test("days and months are paginated; years show their latest posts on one page", () => {
    const dayPages = archives.pages.filter((p) => p.period.key === "2019-10-18");
    expect(dayPages.map((p) => [p.url, p.posts.map((x) => x.url), p.previousPageUrl, p.nextPageUrl])).toEqual([
      ["/2019/10/18/", ["/p2/", "/p3/"], undefined, "/2019/10/18/page/2/"],
      ["/2019/10/18/page/2/", ["/p4/"], "/2019/10/18/", undefined],
    ]);
    const year = archives.pages.filter((p) => p.period.key === "2019");
    expect(year).toHaveLength(1);
    expect(year[0]?.posts).toHaveLength(3);
  });

  test("neighbouring periods of the same kind", () => {
    const page = archives.pages.find((p) => p.url === "/2019/10/")!;
    expect(page.newerPeriod?.url).toBe("/2019/12/");
    expect(page.olderPeriod?.url).toBe("/2018/05/");
    const newestDay = archives.pages.find((p) => p.url === "/2020/01/01/")!;
    expect(newestDay.newerPeriod).toBeUndefined();
    expect(newestDay.olderPeriod?.title).toBe("Ngày 31 tháng 12 năm 2019");
  });

  test("every post is on exactly one month page and one day page, and no period is empty", () => {
    for (const level of ["month", "day"] as const) {
      const seen = archives.pages.filter((p) => p.level === level).flatMap((p) => p.posts.map((x) => x.url));
      expect(seen.sort()).toEqual(list.map((p) => p.url).sort());
    }
    expect(archives.pages.every((p) => p.posts.length > 0)).toBe(true);
    expect(groupArchives([], settings).pages).toEqual([]);
  });
});

describe("calendarWeeks", () => {
  test("February 2024 starts on a Thursday and has 29 days", () => {
    const weeks = calendarWeeks(2024, 2, []);
    expect(weeks[0]?.map((c) => c?.day ?? null)).toEqual([null, null, null, 1, 2, 3, 4]);
    expect(weeks.at(-1)?.map((c) => c?.day ?? null)).toEqual([26, 27, 28, 29, null, null, null]);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  test("days with posts link to their page", () => {
    const archives = groupArchives(posts("2019-10-18"), settings);
    const cells = archives.months[0]!.weeks.flat();
    expect(cells.filter((c) => c?.url).map((c) => [c?.day, c?.url, c?.count])).toEqual([[18, "/2019/10/18/", 1]]);
    expect(archives.months[0]!.weeks[0]?.[0]).toBeNull(); // 1 October 2019 is a Tuesday
  });
});
