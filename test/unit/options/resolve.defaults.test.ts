import { describe, expect, test } from "vitest";
import { defaults, resolveOptions } from "../../../src/options/index.ts";
import { checkPermalink } from "../../../src/options/fields.ts";

describe("resolveOptions", () => {
  test("no options give the documented defaults, language taken from locale", () => {
    const options = resolveOptions();
    expect(options.locale).toBe("en");
    expect(options.timeZone).toBe("UTC");
    expect(options.permalink).toBe("/{yyyy}/{MM}/{dd}/{slug}/");
    expect(options.site.language).toBe("en");
    expect(options.layouts).toEqual(defaults.layouts);
  });

  test("nested options merge over the defaults without touching the caller's objects", () => {
    const site = { title: "Báo Sơn La" };
    const user = { locale: "vi", site };
    const options = resolveOptions(user);
    expect(options.site).toEqual({ title: "Báo Sơn La", description: "", url: "", language: "vi" });
    expect(site).toEqual({ title: "Báo Sơn La" });
    expect(defaults.site.title).toBe("Newsroom");
    expect(options.site).not.toBe(site);
  });

  test("undefined values keep the default", () => {
    expect(resolveOptions({ pageSize: undefined }).pageSize).toBe(10);
  });

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["timeZone", { timeZone: "Asia/Hanoi City" }, /timeZone: expected an IANA time zone .*found "Asia\/Hanoi City"/],
    ["locale", { locale: "not a locale!" }, /locale: expected a BCP 47 locale/],
    ["pageSize", { pageSize: 0 }, /pageSize: expected a whole number of at least 1, found number 0/],
    ["pageSize type", { pageSize: "10" }, /pageSize: expected a whole number of at least 1, found "10"/],
    ["permalink", { permalink: "/{yyyy}/{title}/" }, /permalink: expected a pattern containing "\{slug\}"/],
    ["permalink token", { permalink: "/{yyyy}/{week}/{slug}/" }, /unknown \{week\}/],
    ["site.url", { site: { url: "baosonla.vn" } }, /site\.url: expected an absolute http\(s\) URL/],
    ["drafts", { drafts: "yes" }, /drafts: expected "auto", true or false, found "yes"/],
    ["unknown key", { timezone: "UTC" }, /timezone: unknown option/],
    ["layouts", { layouts: { article: "" } }, /layouts\.article: expected a layout path/],
  ];
  test.each(cases)("a wrong %s names itself, the expected form and the value found", (_, user, message) => {
    expect(() => resolveOptions(user as never)).toThrow(message);
  });

  test("every problem is reported at once, prefixed with the package name", () => {
    expect(() => resolveOptions({ pageSize: -1, timeZone: "Mars/Olympus" })).toThrow(
      /^eleventy-plugin-newsroom: invalid plugin options:\n {2}- timeZone.*\n {2}- pageSize/,
    );
  });

  test("options must be an object", () => {
    expect(() => resolveOptions("vi" as never)).toThrow(/options must be an object, found "vi"/);
  });
});

test("checkPermalink accepts patterns with known tokens only", () => {
  expect(checkPermalink("/{yyyy}/{MM}/{dd}/{slug}/")).toBeUndefined();
  expect(checkPermalink("/tin-tuc/{slug}/")).toBeUndefined();
  expect(checkPermalink("{slug}/")).toMatch(/starts and ends/);
});

describe("sections, tags, date range and search parts", () => {
  test("defaults: sections at /chuyen-muc/{slug}/, tags at /tag/{slug}/, no declared sections, years 1900 to 100 ahead, parts of 5,000", () => {
    const options = resolveOptions();
    expect(options.sections).toEqual({ enabled: true, url: "/chuyen-muc/{slug}/", index: "/chuyen-muc/", categories: [], feeds: true });
    expect(options.tags).toEqual({ enabled: true, url: "/tag/{slug}/", index: "/tag/" });
    expect(options.dateRange).toEqual({ from: 1900, yearsAhead: 100 });
    expect(options.search.partSize).toBe(5000);
  });

  test.each([
    [{ sections: { url: "/chuyen-muc/" } }, /sections\.url: expected a pattern containing "\{slug\}"/],
    [{ tags: { index: "/tag/{slug}/" } }, /tags\.index: expected a fixed path without tokens/],
    [{ sections: { categories: ["Thời sự", "Thời sự"] } }, /"Thời sự" is declared twice/],
    [{ sections: { categories: ["Kinh tế", { name: "Kinh te" }] } }, /two sections have the slug "kinh-te"/],
    [{ sections: { categories: [{ name: "A", slug: "Có dấu" }] } }, /the slug of "A" is not lowercase ASCII/],
    [{ sections: { categories: [{ label: "x" }] } }, /a section without a name/],
    [{ dateRange: { from: "1900" } }, /dateRange\.from: expected a year/],
    [{ search: { partSize: 0 } }, /search\.partSize: expected a whole number of posts/],
  ])("%o is refused by name", (options, message) => {
    expect(() => resolveOptions(options as never)).toThrow(message);
  });
});
