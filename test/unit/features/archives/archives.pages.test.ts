/**
 * The archive pages a build writes (src/features/archives/archives.ts), each built inside its test: every
 * period's posts, counts and breadcrumbs, the pages of a period with rel prev/next, the
 * neighbouring periods, the calendar and the date widget's index of days.
 */
import { expect, test } from "vitest";
import { dayIndex, groupArchives, type ArchivePage } from "../../../../src/features/archives/archives.ts";
import { localePack } from "../../../../src/kernel/i18n/index.ts";
import type { Post } from "../../../../src/posts/post.ts";

const permalinks = { year: "/{yyyy}/", month: "/{yyyy}/{MM}/", day: "/{yyyy}/{MM}/{dd}/", index: "/archive/" };
const settings = { permalinks, pageSize: 2, yearPostCount: 3, strings: localePack("vi").archive };

/** Posts newest first, as the published list is; `p<i>` in that order. */
function posts(...days: string[]): Post[] {
  return days.map((d, i) => {
    const [year, month, day] = d.split("-") as [string, string, string];
    return { url: `/p${i}/`, title: `P${i}`, year, month, day } as Post;
  });
}
const urls = (list: readonly Post[]) => list.map((p) => p.url);
const summary = (page: ArchivePage) => ({
  url: page.url,
  posts: urls(page.posts),
  page: `${page.pageNumber + 1}/${page.pageCount}`,
  previous: page.previousPageUrl,
  next: page.nextPageUrl,
  newer: page.newerPeriod?.url,
  older: page.olderPeriod?.url,
});

test("each period holds its posts newest first, and counts them", () => {
  const archives = groupArchives(posts("2019-10-18", "2019-10-18", "2019-10-02", "2019-09-30", "2018-01-01"), settings);
  expect(archives.years.map((y) => [y.level, y.key, y.count, urls(y.posts)])).toEqual([
    ["year", "2019", 4, ["/p0/", "/p1/", "/p2/", "/p3/"]],
    ["year", "2018", 1, ["/p4/"]],
  ]);
  expect(archives.months.map((m) => [m.level, m.key, m.count, urls(m.posts)])).toEqual([
    ["month", "2019-10", 3, ["/p0/", "/p1/", "/p2/"]],
    ["month", "2019-09", 1, ["/p3/"]],
    ["month", "2018-01", 1, ["/p4/"]],
  ]);
  expect(archives.days.map((d) => [d.level, d.key, d.count, urls(d.posts)])).toEqual([
    ["day", "2019-10-18", 2, ["/p0/", "/p1/"]],
    ["day", "2019-10-02", 1, ["/p2/"]],
    ["day", "2019-09-30", 1, ["/p3/"]],
    ["day", "2018-01-01", 1, ["/p4/"]],
  ]);
  expect(archives.years[0]!.months.map((m) => m.key)).toEqual(["2019-10", "2019-09"]);
  expect(archives.years[1]!.months.map((m) => m.key)).toEqual(["2018-01"]);
  expect(archives.months[0]!.days.map((d) => d.key)).toEqual(["2019-10-18", "2019-10-02"]);
});

test("the same month or day number in another year or month is another period", () => {
  const archives = groupArchives(posts("2020-10-18", "2019-10-18", "2019-09-18"), settings);
  expect(archives.months.map((m) => m.key)).toEqual(["2020-10", "2019-10", "2019-09"]);
  expect(archives.days.map((d) => d.key)).toEqual(["2020-10-18", "2019-10-18", "2019-09-18"]);
});

test("breadcrumbs: a year's is itself, a month's its year and itself, a day's all three", () => {
  const archives = groupArchives(posts("2019-10-18"), settings);
  const link = (url: string, title: string, label: string) => ({ url, title, label });
  const year = link("/2019/", "Năm 2019", "2019");
  const month = link("/2019/10/", "Tháng 10 năm 2019", "Tháng 10");
  const day = link("/2019/10/18/", "Ngày 18 tháng 10 năm 2019", "Ngày 18");
  expect(archives.years[0]!.trail).toEqual([year]);
  expect(archives.months[0]!.trail).toEqual([year, month]);
  expect(archives.days[0]!.trail).toEqual([year, month, day]);
});

test("a month's and a day's posts are paginated, pageSize a page, with rel prev/next between the pages", () => {
  const archives = groupArchives(posts("2019-10-18", "2019-10-18", "2019-10-18", "2019-10-18", "2019-10-18"), settings);
  expect(archives.pages.filter((p) => p.level === "day").map(summary)).toEqual([
    {
      url: "/2019/10/18/",
      posts: ["/p0/", "/p1/"],
      page: "1/3",
      previous: undefined,
      next: "/2019/10/18/page/2/",
      newer: undefined,
      older: undefined,
    },
    {
      url: "/2019/10/18/page/2/",
      posts: ["/p2/", "/p3/"],
      page: "2/3",
      previous: "/2019/10/18/",
      next: "/2019/10/18/page/3/",
      newer: undefined,
      older: undefined,
    },
    {
      url: "/2019/10/18/page/3/",
      posts: ["/p4/"],
      page: "3/3",
      previous: "/2019/10/18/page/2/",
      next: undefined,
      newer: undefined,
      older: undefined,
    },
  ]);
  expect(archives.pages.filter((p) => p.level === "month").map((p) => p.url)).toEqual([
    "/2019/10/",
    "/2019/10/page/2/",
    "/2019/10/page/3/",
  ]);
});

test("a year has one page of its latest posts; a period that fills its pages exactly has no empty page", () => {
  const archives = groupArchives(posts("2019-10-18", "2019-10-18", "2019-10-18", "2019-10-18"), settings);
  expect(archives.pages.filter((p) => p.level === "year").map(summary)).toEqual([
    {
      url: "/2019/",
      posts: ["/p0/", "/p1/", "/p2/"],
      page: "1/1",
      previous: undefined,
      next: undefined,
      newer: undefined,
      older: undefined,
    },
  ]);
  expect(archives.pages.filter((p) => p.level === "day").map((p) => p.url)).toEqual(["/2019/10/18/", "/2019/10/18/page/2/"]);
});

test("every page of a period links the newer and the older period of the same kind", () => {
  const archives = groupArchives(posts("2020-01-01", "2019-10-18", "2019-10-18", "2019-10-18", "2018-05-05"), settings);
  const days = archives.pages.filter((p) => p.level === "day").map((p) => [p.url, p.newerPeriod, p.olderPeriod]);
  const link = (url: string, title: string, label: string) => ({ url, title, label });
  expect(days).toEqual([
    ["/2020/01/01/", undefined, link("/2019/10/18/", "Ngày 18 tháng 10 năm 2019", "Ngày 18")],
    ["/2019/10/18/", link("/2020/01/01/", "Ngày 1 tháng 1 năm 2020", "Ngày 1"), link("/2018/05/05/", "Ngày 5 tháng 5 năm 2018", "Ngày 5")],
    [
      "/2019/10/18/page/2/",
      link("/2020/01/01/", "Ngày 1 tháng 1 năm 2020", "Ngày 1"),
      link("/2018/05/05/", "Ngày 5 tháng 5 năm 2018", "Ngày 5"),
    ],
    ["/2018/05/05/", link("/2019/10/18/", "Ngày 18 tháng 10 năm 2019", "Ngày 18"), undefined],
  ]);
  expect(archives.pages.filter((p) => p.level === "year").map((p) => [p.url, p.newerPeriod?.url, p.olderPeriod?.url])).toEqual([
    ["/2020/", undefined, "/2019/"],
    ["/2019/", "/2020/", "/2018/"],
    ["/2018/", "/2019/", undefined],
  ]);
});

test("archive URLs follow the site's patterns", () => {
  const archives = groupArchives(posts("2019-10-18"), {
    ...settings,
    permalinks: { year: "/nam-{yyyy}/", month: "/{yyyy}-{MM}/", day: "/{dd}-{MM}-{yyyy}/", index: "/luu-tru/" },
  });
  expect(archives.pages.map((p) => p.url)).toEqual(["/nam-2019/", "/2019-10/", "/18-10-2019/"]);
});

test("the month's calendar counts each day's posts; the date widget's index lists the days oldest first", () => {
  const archives = groupArchives(posts("2019-10-18", "2019-10-18", "2019-10-02", "2019-09-30"), settings);
  const cells = archives.months[0]!.weeks.flat().filter((c) => c && c.count > 0);
  expect(cells).toEqual([
    { day: 2, url: "/2019/10/02/", count: 1 },
    { day: 18, url: "/2019/10/18/", count: 2 },
  ]);
  expect(archives.months[1]!.weeks.flat().filter((c) => c?.url)).toEqual([{ day: 30, url: "/2019/09/30/", count: 1 }]);
  expect(dayIndex(archives)).toEqual(["2019-09-30", "2019-10-02", "2019-10-18"]);
});
