/**
 * #22 items 1 and 2: the options resolved by one schema, and no option silently ignored — the
 * `false`/`true` shorthand of each optional feature, a group given as anything else named, an
 * unknown key refused at any depth with the nearest known name, the checks across groups.
 */
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { defaults, nearestName, resolveOptions } from "../../../src/options/resolve.ts";
import type { NewsroomOptions, NewsroomUserOptions } from "../../../src/options/types.ts";

/** The problem lines of the error resolveOptions throws (none when it accepts the options). */
function problems(user: unknown): string[] {
  try {
    resolveOptions(user as NewsroomUserOptions);
    return [];
  } catch (error) {
    return (error as Error).message
      .split("\n")
      .slice(1)
      .map((line) => line.replace(/^ {2}- /, ""));
  }
}

/** The optional features with a group of settings: what `false` resolves to, and whether they are on when absent. */
const FEATURES: [keyof NewsroomOptions, Record<string, unknown>, boolean][] = [
  ["search", { enabled: false }, true],
  ["offline", { enabled: false }, true],
  ["feeds", { enabled: false }, true],
  ["sections", { enabled: false }, true],
  ["tags", { enabled: false }, true],
  ["images", { enabled: false }, true],
  ["manifest", { enabled: false }, true],
  ["cms", { enabled: false }, false],
  ["related", { count: 0, sameSection: 0 }, true],
  ["frontPage", { lead: false, sectionPosts: 0 }, true],
];

describe("#22 item 2: the shorthand of an optional feature", () => {
  test.each(FEATURES)("%s: false turns it off, its other settings kept at their defaults", (name, off) => {
    expect(resolveOptions({ [name]: false })).toHaveProperty(name, { ...(defaults[name] as object), ...off });
  });

  test.each(FEATURES)("%s: true turns it on with its defaults", (name) => {
    const on = { ...(defaults[name] as object), ...("enabled" in (defaults[name] as object) ? { enabled: true } : {}) };
    expect(resolveOptions({ [name]: true })).toHaveProperty(name, on);
  });

  test.each(FEATURES)("%s: absent, it is in its default state (on, except the editor)", (name, off, onByDefault) => {
    const resolved = resolveOptions()[name] as unknown as Record<string, unknown>;
    expect(resolved).toEqual(defaults[name]);
    expect(Object.entries(off).every(([key, value]) => resolved[key] === value)).toBe(!onByDefault);
  });

  test.each(FEATURES)("%s: a string or a number is named, with what it takes", (name) => {
    for (const [value, found] of [
      ["no", '"no"'],
      [0, "number 0"],
      ["false", '"false"'],
      [null, "null"],
      [["x"], 'the list ["x"]'],
    ] as const) {
      const [line] = problems({ [name]: value });
      expect(line).toMatch(
        new RegExp(`^${name}: expected true \\(on, with its defaults\\), false \\(off\\) or an object of its settings \\{ .+ \\}`),
      );
      expect(line?.endsWith(`, found ${found}`)).toBe(true);
    }
  });

  test("cms: true gives the editor at /admin/ with Decap's defaults; an object without enabled gives it too; enabled: false does not", () => {
    expect(resolveOptions({ cms: true }).cms).toMatchObject({ enabled: true, path: "/admin/", backend: { name: "git-gateway" } });
    const github = { name: "github", repo: "owner/site" };
    expect(resolveOptions({ cms: { backend: github } }).cms).toMatchObject({ enabled: true, backend: github });
    expect(resolveOptions({ cms: { enabled: false, backend: github } }).cms.enabled).toBe(false);
  });

  test("a feature given as an object stays on unless it says enabled: false", () => {
    expect(resolveOptions({ search: { page: "/tim-kiem/" } }).search).toEqual({ ...defaults.search, page: "/tim-kiem/" });
    expect(resolveOptions({ offline: { enabled: false, maxPages: 3 } }).offline).toEqual({
      ...defaults.offline,
      enabled: false,
      maxPages: 3,
    });
  });

  test("the flags font, robots and lunarDate take true and false, and name anything else", () => {
    expect(resolveOptions({ font: false, robots: false, lunarDate: true })).toMatchObject({ font: false, robots: false, lunarDate: true });
    expect(problems({ robots: "no", lunarDate: 1 })).toEqual([
      "lunarDate: expected true or false, found number 1",
      'robots: expected true or false, found "no"',
    ]);
  });

  test("the shorthand does not touch the caller's objects", () => {
    const cms = { backend: { name: "github", repo: "owner/site" } };
    const user = { cms, search: false as const };
    resolveOptions(user);
    expect(user).toEqual({ cms: { backend: { name: "github", repo: "owner/site" } }, search: false });
    expect(cms).not.toHaveProperty("enabled");
  });
});

describe("#22 item 2: a group that is not an optional feature takes an object only", () => {
  test('site: "Báo Sơn La" is named, with what was meant', () => {
    expect(problems({ site: "Báo Sơn La" })).toEqual([
      'site: expected the site\'s settings, an object such as { title: "Báo Sơn La", url: "https://baosonla.example.vn/" }, found "Báo Sơn La"',
    ]);
  });

  test.each([
    ["archives", false, "boolean false", "year, month, day, index"],
    ["layouts", true, "boolean true", "article, home, archive, archiveIndex, search, topic, topicIndex, offline"],
    ["markdown", "markdown-it", '"markdown-it"', "setup, html"],
    ["newPost", "{slug}.md", '"{slug}.md"', "file, author"],
    ["dateRange", 1900, "number 1900", "from, yearsAhead"],
  ])("%s: %o is named", (name, value, found, fields) => {
    expect(problems({ [name]: value })).toEqual([`${name}: expected an object of its settings { ${fields} }, found ${found}`]);
  });
});

describe("#22 item 2: unknown keys are refused at every depth, with the nearest known name", () => {
  test("at depth 2: a misspelt field of a group", () => {
    expect(problems({ search: { partsize: 100 } })).toEqual(["search.partsize: unknown option (did you mean partSize?)"]);
    expect(problems({ site: { titel: "Báo Sơn La" } })).toEqual(["site.titel: unknown option (did you mean title?)"]);
    expect(problems({ offline: { maxPage: 10 } })).toEqual(["offline.maxPage: unknown option (did you mean maxPages?)"]);
    expect(problems({ cms: { media_folder: "uploads" } })).toEqual(["cms.media_folder: unknown option (did you mean mediaFolder?)"]);
  });

  test("at depth 2, far from every known name: the known ones are listed", () => {
    expect(problems({ search: { engine: "lunr" } })).toEqual(["search.engine: unknown option (known: enabled, page, cache, partSize)"]);
  });

  test("at depth 3: a misspelt key of a list's item", () => {
    expect(problems({ sections: { categories: ["Thời sự", { name: "Kinh tế", lable: "Kinh tế – Tài chính" }] } })).toEqual([
      "sections.categories[1].lable: unknown option (did you mean label?)",
    ]);
    expect(problems({ manifest: { icons: [{ src: "/i.png", sizes: "512x512", type: "image/png", purpse: "maskable" }] } })).toEqual([
      "manifest.icons[0].purpse: unknown option (did you mean purpose?)",
    ]);
  });

  test("every unknown key and every wrong value at once", () => {
    expect(problems({ timezone: "UTC", search: { partsize: 1, cahce: false }, pageSize: 0 })).toEqual([
      "pageSize: expected a whole number of at least 1, found number 0",
      "search.partsize: unknown option (did you mean partSize?)",
      "search.cahce: unknown option (did you mean cache?)",
      "timezone: unknown option (did you mean timeZone?)",
    ]);
  });

  test("Decap's backend settings are Decap's: any key passes through", () => {
    const backend = { name: "github", repo: "owner/site", branch: "main", base_url: "https://auth.example", squash_merges: true };
    expect(resolveOptions({ cms: { enabled: true, backend } }).cms.backend).toEqual(backend);
  });

  test("the nearest name: case apart, a letter or two apart, or none", () => {
    expect(nearestName("partsize", ["partSize", "page"])).toBe("partSize");
    expect(nearestName("lable", ["name", "label", "slug"])).toBe("label");
    expect(nearestName("engine", ["enabled", "page", "cache", "partSize"])).toBeUndefined();
  });

  // mutation gap: options/resolve.ts nearestName keeps the nearest candidate, the first of a tie
  test("the nearest name: the nearest of several within reach, the first on a tie", () => {
    expect(nearestName("pag", ["pages", "page"])).toBe("page");
    expect(nearestName("pag", ["page", "pages"])).toBe("page");
    expect(nearestName("pag", ["page", "pan"])).toBe("page");
  });
});

describe("#22 item 1: checks across groups (refinements)", () => {
  test("two of the site's single pages at one URL: the one moved from its default is named", () => {
    expect(problems({ offline: { page: "/search/" } })).toEqual([
      'offline.page: expected a URL of its own (search.page is at "/search/"), found "/search/"',
    ]);
    expect(problems({ archives: { index: "/search/" } })).toEqual([
      'archives.index: expected a URL of its own (search.page is at "/search/"), found "/search/"',
    ]);
    expect(problems({ tags: { index: "/" } })).toEqual(['tags.index: expected a URL of its own (the home page is at "/"), found "/"']);
  });

  // mutation gap: options/schema.ts sharedPages names the later page when both were moved
  test("two single pages both moved to one URL: the later one is named, the earlier as the other", () => {
    expect(problems({ search: { page: "/x/" }, offline: { page: "/x/" } })).toEqual([
      'offline.page: expected a URL of its own (search.page is at "/x/"), found "/x/"',
    ]);
  });

  test("a feature that is off leaves its URL free", () => {
    expect(resolveOptions({ search: false, offline: { page: "/search/" } }).offline.page).toBe("/search/");
    expect(resolveOptions({ cms: { enabled: false, path: "/tag/" } }).cms.path).toBe("/tag/");
  });

  test("site.language is taken from the locale when not set", () => {
    expect(resolveOptions({ locale: "vi" }).site.language).toBe("vi");
    expect(defaults.site.language).toBe("");
  });
});

// mutation gap: options/resolve.ts the thrown error keeps zod's error, with each issue's input, as its cause
describe("the error's cause", () => {
  test("is the ZodError, whose issues keep the value written", () => {
    let thrown: unknown;
    try {
      resolveOptions({ timeZone: "Asia/Hanoi" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const cause = (thrown as Error).cause;
    expect(cause).toBeInstanceOf(z.ZodError);
    expect((cause as z.ZodError).issues).toEqual([expect.objectContaining({ path: ["timeZone"], input: "Asia/Hanoi" })]);
  });
});
