/**
 * #22 item 4: the search page's contract (src/features/search/contract.d.ts) against a built
 * site: the page's attributes, strings and fields, the records' meta and filters, and parts.json
 * are what the contract declares, which is what the browser scripts (client/search.js,
 * search-parts.js) read. Before #22 these were agreed on by spelling only.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  Part,
  PartsManifest,
  SearchField,
  SearchFilters,
  SearchFormAttribute,
  SearchFormData,
  SearchMeta,
  SearchMoreAttribute,
  SearchPageStrings,
  SearchResultsAttribute,
  SearchStatusAttribute,
} from "../../../../src/features/search/contract.js";
import { dataAttribute, namesOf } from "../../../helpers/contract.ts";
import { loadPagefind, searchAll } from "../../../helpers/pagefind.ts";
import { createSite, type FixtureSite, postFile } from "../../../helpers/site.ts";

const FORM = namesOf<SearchFormAttribute>({ "data-newsroom-search": true });
const FORM_DATA = namesOf<keyof SearchFormData>({ bundle: true, baseUrl: true, firstDay: true, lastDay: true, strings: true });
const STRINGS = namesOf<keyof SearchPageStrings>({
  results: true,
  resultsNoQuery: true,
  noResults: true,
  loading: true,
  searchingOlder: true,
  showAllYears: true,
  failed: true,
});
const ELEMENTS = namesOf<SearchStatusAttribute | SearchResultsAttribute | SearchMoreAttribute>({
  "data-newsroom-search-status": true,
  "data-newsroom-search-results": true,
  "data-newsroom-search-more": true,
});
const FIELDS = namesOf<SearchField>({ q: true, year: true, month: true, category: true, from: true, to: true, sort: true });
const META = namesOf<keyof SearchMeta>({ title: true, t: true, date: true, image: true, image_alt: true, d: true });
const FILTERS = namesOf<keyof SearchFilters>({ year: true, month: true, day: true, category: true, tag: true });
const MANIFEST = namesOf<keyof PartsManifest>({ version: true, parts: true });
const PART = namesOf<keyof Part>({ key: true, first: true, last: true, posts: true, hash: true, path: true });

describe("the search page's contract", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = createSite({
      "posts/seed.md": postFile(
        {
          title: "Đảng bộ Sông Mã",
          date: "2019-10-18",
          category: "Xây dựng Đảng",
          tags: ["Sông Mã"],
          image: "/img/a.jpg",
          image_alt: "Thị trấn",
        },
        "Đảng bộ thị trấn Sông Mã luôn chú trọng công tác xây dựng Đảng.",
      ),
      "posts/later.md": postFile({ title: "Lễ hội hoa ban", date: "2020-03-02 08:00" }, "Lễ hội hoa ban ở Mộc Châu."),
      "img/a.jpg": Buffer.from([]),
    });
    await site.build({ locale: "vi", images: false, offline: false }, { pathPrefix: "/tin/" });
  });
  afterAll(() => site.remove());

  const form = () => {
    const found = site.page("/search/").querySelector(`form[${FORM[0]}]`);
    expect(found, "the search form").not.toBeNull();
    return found!;
  };
  const data = () =>
    Object.fromEntries(FORM_DATA.map((name) => [name, form().getAttribute(dataAttribute(name))])) as Record<
      keyof SearchFormData,
      string | undefined
    >;

  test("the form carries every attribute the script reads", () => {
    expect(data()).toEqual({
      bundle: "/tin/pagefind/",
      baseUrl: "/tin/",
      firstDay: "2019-10-18",
      lastDay: "2020-03-02",
      strings: expect.any(String),
    });
    expect(site.exists(`${data().bundle!.slice("/tin".length)}pagefind.js`)).toBe(true);
  });

  test("data-strings holds every string the script writes", () => {
    const strings = JSON.parse(data().strings!) as Record<string, unknown>;
    for (const name of STRINGS) expect(strings[name], name).toMatch(/\S/);
  });

  test("the page has each element the script fills, once, and the form's fields are the script's", () => {
    const page = site.page("/search/");
    for (const attribute of ELEMENTS) expect(page.querySelectorAll(`[${attribute}]`), attribute).toHaveLength(1);
    const names = form()
      .querySelectorAll("[name]")
      .map((field) => field.getAttribute("name"));
    expect(names.sort()).toEqual([...FIELDS].sort());
  });

  test("the records' meta and filters are the declared ones, with the display fields filled", async () => {
    const pagefind = await loadPagefind(site.out);
    const results = await searchAll(pagefind, null, { filters: { any: [{ year: "2019" }, { year: "2020" }] } });
    expect(results).toHaveLength(2);
    for (const result of results) {
      expect(META).toEqual(expect.arrayContaining(Object.keys(result.meta)));
      expect(FILTERS).toEqual(expect.arrayContaining(Object.keys(result.filters)));
      for (const name of ["title", "t", "date"] as const) expect(result.meta[name], name).toMatch(/\S/);
    }
    const seed = results.find((result) => result.meta.title === "Đảng bộ Sông Mã");
    expect(seed?.meta).toMatchObject({ t: "Dảng bộ Sông Mã", image: "/img/a.jpg", image_alt: "Thị trấn" });
    expect(seed?.meta.d).toMatch(/\S/);
    expect(seed?.filters).toMatchObject({
      year: ["2019"],
      month: ["2019-10"],
      day: ["2019-10-18"],
      category: ["Xây dựng Đảng"],
      tag: ["Sông Mã"],
    });
  });

  test("parts.json is a PartsManifest", () => {
    const manifest = JSON.parse(site.readOutput("pagefind/parts.json")) as PartsManifest;
    expect(Object.keys(manifest).sort()).toEqual([...MANIFEST].sort());
    expect(manifest.version).toBe(2);
    for (const part of manifest.parts) expect(Object.keys(part).sort()).toEqual([...PART].sort());
  });
});
