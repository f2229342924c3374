import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

const options = { locale: "vi", timeZone: "Asia/Ho_Chi_Minh", pageSize: 2, now: new Date("2025-01-01T00:00:00Z") };

describe("date archives", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = createSite({
      // 00:30 on 1 January 2020 in Ho Chi Minh City (still 31 December in UTC).
      "posts/new-year.md": postFile({ title: "Giao thừa", date: "2019-12-31T17:30:00Z" }),
      "posts/last-minute.md": postFile({ title: "Phút cuối năm", date: "2019-12-31 23:59" }),
      "posts/leap.md": postFile({ title: "Ngày nhuận", date: "2024-02-29" }),
      "posts/seed.md": postFile({ title: "Chú trọng xây dựng Đảng bộ", date: "2019-10-18" }),
      ...Object.fromEntries(
        ["06:00", "08:00", "10:00", "14:30", "19:00"].map((time, i) => [
          `posts/busy-${i}.md`,
          postFile({ title: `Tin bận rộn ${i}`, date: `2021-06-15 ${time}` }),
        ]),
      ),
      "posts/draft-only-year.md": postFile({ title: "Nháp năm 2017", date: "2017-03-03", draft: true }),
      "posts/draft-same-day.md": postFile({ title: "Nháp cùng ngày", date: "2019-10-18", draft: true }),
      "posts/future.md": postFile({ title: "Tương lai", date: "2026-06-01" }),
    });
    await site.build(options);
  });
  afterAll(() => site.remove());

  const links = (url: string, selector: string) =>
    site
      .page(url)
      .querySelectorAll(selector)
      .map((a) => a.getAttribute("href"));

  test("year, month and day pages exist for periods with posts, and an archive index", () => {
    for (const url of [
      "/2019/",
      "/2019/10/",
      "/2019/10/18/",
      "/2019/12/31/",
      "/2020/",
      "/2020/01/",
      "/2020/01/01/",
      "/2024/02/29/",
      "/archive/",
    ]) {
      expect(site.exists(url), url).toBe(true);
    }
  });

  test("a post at 00:30 on 1 January site time is in the new year, whatever UTC says", () => {
    expect(links("/2020/01/01/", ".post-card-title a")).toEqual(["/2020/01/01/giao-thua/"]);
    expect(links("/2019/12/31/", ".post-card-title a")).toEqual(["/2019/12/31/phut-cuoi-nam/"]);
    expect(links("/2019/12/", ".post-card-title a")).toEqual(["/2019/12/31/phut-cuoi-nam/"]);
    expect(site.page("/2020/").querySelector(".archive-count")?.text).toBe("1 bài viết");
  });

  test("29 February has its page and its cell in a 29-day calendar", () => {
    expect(site.page("/2024/02/29/").querySelector("h1")?.text).toBe("Ngày 29 tháng 2 năm 2024");
    const month = site.page("/2024/02/");
    const days = month.querySelectorAll(".calendar td.calendar-day").map((td) => td.text.trim());
    expect(days.at(-1)).toBe("29");
    expect(days).toHaveLength(29);
    expect(month.querySelectorAll(".calendar .has-posts a").map((a) => a.getAttribute("href"))).toEqual(["/2024/02/29/"]);
  });

  test("the month calendar has Vietnamese weekday headers starting Monday", () => {
    const headers = site
      .page("/2019/10/")
      .querySelectorAll(".calendar thead th")
      .map((th) => th.text.trim());
    expect(headers).toEqual(["T2", "T3", "T4", "T5", "T6", "T7", "CN"]);
    const firstWeek = site
      .page("/2019/10/")
      .querySelector(".calendar tbody tr")!
      .querySelectorAll("td")
      .map((td) => td.text.trim());
    expect(firstWeek).toEqual(["", "1", "2", "3", "4", "5", "6"]); // 1 October 2019 was a Tuesday
  });

  test("a day with more posts than the page size: every post is reachable through rel=next", () => {
    const found: string[] = [];
    let url: string | undefined = "/2021/06/15/";
    const visited: string[] = [];
    while (url) {
      visited.push(url);
      const page = site.page(url);
      found.push(...page.querySelectorAll(".post-card-title a").map((a) => a.getAttribute("href")!));
      const next = page.querySelector('a[rel="next"]')?.getAttribute("href");
      if (next) expect(page.querySelector('link[rel="next"]')?.getAttribute("href")).toBe(next);
      url = next ?? undefined;
    }
    expect(visited).toEqual(["/2021/06/15/", "/2021/06/15/page/2/", "/2021/06/15/page/3/"]);
    expect(found).toEqual([4, 3, 2, 1, 0].map((i) => `/2021/06/15/tin-ban-ron-${i}/`));
    expect(site.page("/2021/06/15/page/3/").querySelector('a[rel="prev"]')?.getAttribute("href")).toBe("/2021/06/15/page/2/");
    expect(site.page("/2021/06/15/page/2/").querySelector("h1")?.text).toBe("Ngày 15 tháng 6 năm 2021 – Trang 2");
  });

  test("drafts and future posts are in no archive, and a period with only a draft has no page", () => {
    expect(site.exists("/2017/")).toBe(false);
    expect(site.exists("/2017/03/03/")).toBe(false);
    expect(site.exists("/2026/")).toBe(false);
    expect(links("/2019/10/18/", ".post-card-title a")).toEqual(["/2019/10/18/chu-trong-xay-dung-dang-bo/"]);
    const index = site.readOutput("archive/index.html");
    expect(index).not.toContain("2017");
    expect(index).not.toContain("2026");
    expect(JSON.parse(site.readOutput("archive/days.json")).days).not.toContain("2017-03-03");
  });

  test("breadcrumbs and neighbouring periods", () => {
    const day = site.page("/2019/10/18/");
    expect(day.querySelectorAll(".breadcrumb li").map((li) => li.text.trim())).toEqual(["Trang chủ", "2019", "Tháng 10", "Ngày 18"]);
    expect(day.querySelectorAll(".breadcrumb a").map((a) => a.getAttribute("href"))).toEqual(["/", "/2019/", "/2019/10/"]);
    expect(day.querySelector(".period-newer")?.getAttribute("href")).toBe("/2019/12/31/");
    expect(day.querySelector(".period-older")).toBeNull();
    const month = site.page("/2019/12/");
    expect(month.querySelector(".period-older")?.text).toContain("Tháng 10 năm 2019");
    expect(month.querySelector(".period-newer")?.getAttribute("href")).toBe("/2020/01/");
  });

  test("the year page lists its months with counts, in calendar order", () => {
    const year = site.page("/2019/");
    expect(year.querySelectorAll(".archive-month-list li").map((li) => li.text.replace(/\s+/g, " ").trim())).toEqual([
      "Tháng 10 1 bài viết",
      "Tháng 12 1 bài viết",
    ]);
  });

  test("the archive index lists every year and month with counts", () => {
    const index = site.page("/archive/");
    expect(index.querySelectorAll(".archive-year h2 a").map((a) => a.getAttribute("href"))).toEqual([
      "/2024/",
      "/2021/",
      "/2020/",
      "/2019/",
    ]);
    expect(index.querySelectorAll(".archive-year h2 .archive-count").map((s) => s.text)).toEqual([
      "1 bài viết",
      "5 bài viết",
      "1 bài viết",
      "2 bài viết",
    ]);
  });

  test("the day index for the date widget lists the non-empty days, oldest first", () => {
    expect(JSON.parse(site.readOutput("archive/days.json"))).toEqual({
      days: ["2019-10-18", "2019-12-31", "2020-01-01", "2021-06-15", "2024-02-29"],
    });
  });

  test("article and archive pages carry the search-by-date widget, usable without JavaScript", () => {
    for (const url of ["/2019/10/18/chu-trong-xay-dung-dang-bo/", "/2019/10/", "/archive/"]) {
      const form = site.page(url).querySelector("form.date-search");
      expect(form, url).not.toBeNull();
      expect(form?.getAttribute("action")).toBe("/archive/");
      expect(form?.querySelector("label")?.text).toBe("Tìm kiếm theo ngày");
      const input = form?.querySelector("input");
      expect(input?.getAttribute("type")).toBe("date");
      expect(form?.querySelector(`label[for="${input?.getAttribute("id")}"]`)).not.toBeNull();
      // #21 item 10: no min or max, which made the browser refuse days outside the archive in its own words.
      expect([input?.hasAttribute("min"), input?.hasAttribute("max")]).toEqual([false, false]);
      expect(form?.querySelector("a.date-search-browse")?.getAttribute("href")).toBe("/archive/");
    }
    expect(site.exists("/assets/newsroom/date-search.js")).toBe(true);
    expect(site.exists("/assets/newsroom/nearest-day.js")).toBe(true);
  });

  test("the article's date line links to its day", () => {
    const article = site.page("/2019/10/18/chu-trong-xay-dung-dang-bo/");
    expect(article.querySelector(".article-date-link")?.getAttribute("href")).toBe("/2019/10/18/");
    expect(article.querySelectorAll(".breadcrumb a").map((a) => a.getAttribute("href"))).toEqual([
      "/",
      "/2019/",
      "/2019/10/",
      "/2019/10/18/",
    ]);
  });
});

test("archive URL patterns are configurable", async () => {
  const site = createSite({ "posts/a.md": postFile({ title: "Tin", date: "2020-05-05" }) });
  try {
    await site.build({
      archives: { year: "/nam/{yyyy}/", month: "/thang/{yyyy}-{MM}/", day: "/ngay/{yyyy}-{MM}-{dd}/", index: "/luu-tru/" },
    });
    for (const url of ["/nam/2020/", "/thang/2020-05/", "/ngay/2020-05-05/", "/luu-tru/", "/luu-tru/days.json"])
      expect(site.exists(url), url).toBe(true);
    expect(site.page("/2020/05/05/tin/").querySelector("form.date-search")?.getAttribute("data-day-url")).toBe("/ngay/{yyyy}-{MM}-{dd}/");
  } finally {
    site.remove();
  }
});
