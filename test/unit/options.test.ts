import { describe, expect, test } from "vitest";
import { checkPermalink, defaults, resolveOptions } from "../../src/core/options.ts";

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
