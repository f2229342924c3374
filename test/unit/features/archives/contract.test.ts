/**
 * #22 item 4: the date widget's contract (src/features/archives/contract.d.ts) against a built
 * site: days.json, the form's and the notice's attributes are what the contract declares, and
 * what the browser script (client/date-search.js, nearest-day.js) does with them lands on pages
 * that exist. Before #22 these were agreed on by spelling only.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  DateNoticeAttribute,
  DateNoticeData,
  DateSearchAttribute,
  DateSearchData,
  DateSearchField,
  DaysIndex,
} from "../../../../src/features/archives/contract.js";
import { dayUrl, nearestDay } from "../../../../src/features/archives/client/nearest-day.js";
import { dataAttribute, namesOf } from "../../../helpers/contract.ts";
import { createSite, type FixtureSite, postFile } from "../../../helpers/site.ts";

const INDEX_FIELDS = namesOf<keyof DaysIndex>({ days: true });
const FORM = namesOf<DateSearchAttribute>({ "data-newsroom-date-search": true });
const FORM_DATA = namesOf<keyof DateSearchData>({ daysUrl: true, dayUrl: true });
const FIELD = namesOf<DateSearchField>({ date: true });
const NOTICE = namesOf<DateNoticeAttribute>({ "data-newsroom-date-notice": true });
const NOTICE_DATA = namesOf<keyof DateNoticeData>({ day: true, earlier: true, later: true });

describe("the date widget's contract", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = createSite({
      "posts/a.md": postFile({ title: "Sông Mã", date: "2019-10-18" }),
      "posts/b.md": postFile({ title: "Mộc Châu", date: "2019-10-20 08:00" }),
      "posts/c.md": postFile({ title: "Bắc Yên", date: "2021-06-15" }),
      "posts/d.md": postFile({ title: "Bắc Yên chiều", date: "2021-06-15 17:00" }),
      "posts/draft.md": postFile({ title: "Nháp", date: "2020-01-01", draft: true }),
    });
    // A path prefix, as a deploy under a folder has: the attributes carry it, the files do not.
    await site.build({ search: false, offline: false, archives: { index: "/luu-tru/" } }, { pathPrefix: "/tin/" });
  });
  afterAll(() => site.remove());

  /** The output file of a site URL the browser would fetch (path prefix dropped). */
  const unprefixed = (url: string) => {
    expect(url.startsWith("/tin/"), url).toBe(true);
    return url.slice("/tin".length);
  };

  const form = () => {
    const found = site.page("/").querySelector(`form[${FORM[0]}]`);
    expect(found, "the home page's date widget").not.toBeNull();
    return found!;
  };

  test("the form carries every attribute the script reads, and the field it reads", () => {
    for (const name of FORM_DATA) expect(form().getAttribute(dataAttribute(name)), name).toMatch(/^\/tin\/./);
    expect(form().querySelector(`input[name="${FIELD[0]}"]`)?.getAttribute("type")).toBe("date");
  });

  test("days.json, where data-days-url points, is exactly a DaysIndex: the days with posts, oldest first", () => {
    const index: unknown = JSON.parse(site.readOutput(unprefixed(form().getAttribute(dataAttribute("daysUrl"))!).slice(1)));
    expect(Object.keys(index as object)).toEqual(INDEX_FIELDS);
    const { days } = index as DaysIndex;
    expect(days).toEqual(["2019-10-18", "2019-10-20", "2021-06-15"]);
  });

  test("every day nearestDay picks from days.json opens an existing page through data-day-url", () => {
    const { days } = JSON.parse(site.readOutput("luu-tru/days.json")) as DaysIndex;
    const pattern = form().getAttribute(dataAttribute("dayUrl"))!;
    const landings = ["2019-10-18", "2019-10-19", "2019-01-01", "2030-01-01"].map((requested) => nearestDay(days, requested));
    expect(landings.map((found) => found?.match)).toEqual(["exact", "earlier", "later", "earlier"]);
    for (const found of landings) expect(site.exists(unprefixed(dayUrl(pattern, found!.day))), found!.day).toBe(true);
  });

  test("a day page's notice carries its day and both messages", () => {
    const notice = site.page("/2019/10/20/").querySelector(`[${NOTICE[0]}]`);
    expect(notice, "the day page's notice").not.toBeNull();
    const data = Object.fromEntries(NOTICE_DATA.map((name) => [name, notice!.getAttribute(dataAttribute(name))]));
    expect(data.day).toBe("2019-10-20");
    expect(data.earlier).toContain("{date}");
    expect(data.later).toContain("{date}");
    expect(data.earlier).not.toBe(data.later);
  });
});
