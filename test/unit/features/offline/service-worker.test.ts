import { expect, test } from "vitest";
import {
  generatedFolderGlob,
  generatedPagePatterns,
  precacheGlobs,
  serviceWorkerConfig,
} from "../../../../src/features/offline/service-worker.ts";
import { defaults, resolveOptions } from "../../../../src/options/index.ts";
import { serviceWorkerOn } from "../../../../src/render/site-data.ts";

const offline = defaults.offline;

const generated = ["/{yyyy}/{MM}/{dd}/{slug}/", "/{yyyy}/", "/{yyyy}/{MM}/", "/{yyyy}/{MM}/{dd}/", "/page/"];

test("a small search index goes whole with the worker; a large one only with what every search needs", () => {
  const small = precacheGlobs({
    options: { ...offline, fullIndexUpTo: 1000 },
    search: { bundle: "/pagefind/", bytes: 1000 },
    files: [],
    generated,
  });
  expect(small.fullIndex).toBe(true);
  expect(small.own).toContain("pagefind/**/*");
  const large = precacheGlobs({
    options: { ...offline, fullIndexUpTo: 1000 },
    search: { bundle: "/pagefind/", bytes: 1001 },
    files: [],
    generated,
  });
  expect(large.fullIndex).toBe(false);
  expect(large.own).not.toContain("pagefind/**/*");
  expect(large.own).toEqual(
    expect.arrayContaining([
      "pagefind/*.{js,json,pagefind,pf_meta}",
      "pagefind/filter/*",
      "pagefind/parts/*/*.{json,pf_meta}",
      "pagefind/parts/*/filter/*",
    ]),
  );
});

test("the site's own globs skip the generated pages and the index instead of walking them", () => {
  const { site, own, fullIndex } = precacheGlobs({
    options: { ...offline, precache: ["fonts/*.woff2"] },
    search: { bundle: "/pagefind/", bytes: 1 },
    files: ["/archive/days.json"],
    generated,
  });
  expect(site).toEqual({ globs: ["fonts/*.woff2"], ignores: ["[0-9][0-9][0-9][0-9]/**", "page/**", "pagefind/**"] });
  expect(own).toEqual(["assets/newsroom/*.{css,js}", "archive/days.json", "pagefind/**/*"]);
  expect(fullIndex).toBe(true);
});

test("the generated pages are the articles, archives, home pages and the section and tag pages that are on", () => {
  const options = resolveOptions({});
  expect(generatedPagePatterns(options)).toEqual([...generated, "/chuyen-muc/{slug}/", "/tag/{slug}/"]);
  const skipped = precacheGlobs({ options: offline, search: undefined, files: [], generated: generatedPagePatterns(options) });
  expect(skipped.site.ignores).toEqual(["[0-9][0-9][0-9][0-9]/**", "page/**", "chuyen-muc/**", "tag/**"]);
  const off = resolveOptions({ sections: false, tags: { url: "/the/{slug}/" } });
  expect(generatedPagePatterns(off)).toEqual([...generated, "/the/{slug}/"]);
});

test("generated folders come from the URL patterns' first segment", () => {
  expect(generatedFolderGlob("/{yyyy}/{MM}/{dd}/{slug}/")).toBe("[0-9][0-9][0-9][0-9]/**");
  expect(generatedFolderGlob("/tin/{yyyy}/{slug}/")).toBe("tin/**");
  expect(generatedFolderGlob("/{slug}/")).toBeUndefined();
  expect(generatedFolderGlob("/nam-{yyyy}/")).toBe("nam-[0-9][0-9][0-9][0-9]/**");
});

test("the worker's URLs carry the path prefix", () => {
  const config = serviceWorkerConfig({
    outputDir: "/tmp/x",
    options: { ...offline, page: "/ngoai-tuyen/", maxPages: 50 },
    prefix: (url) => `/tin${url}`,
    search: { bundle: "/pagefind/", bytes: 1 },
    warmPages: ["/", "/search/"],
    files: [],
    generated: [],
  });
  expect(config).toEqual({
    workbox: "/tin/assets/newsroom/workbox/",
    searchBundle: "/tin/pagefind/",
    searchEntries: "(?:^|/)(?:pagefind-entry|parts)\\.json$",
    searchCaches: {},
    offlinePage: "/tin/ngoai-tuyen/",
    warmPages: ["/tin/", "/tin/search/"],
    maxPages: 50,
  });
});

test("the service worker is written by production builds only", () => {
  const options = resolveOptions({});
  expect(serviceWorkerOn(options, false)).toBe(true);
  expect(serviceWorkerOn(options, true)).toBe(false);
  expect(serviceWorkerOn(resolveOptions({ offline: { enabled: false } }), false)).toBe(false);
});

test("offline options are validated, every problem named", () => {
  expect(() =>
    resolveOptions({ offline: { enabled: "yes" as never, page: "offline", fullIndexUpTo: -1, maxPages: 0, precache: [""] } }),
  ).toThrowError(
    /offline\.enabled: expected true or false[\s\S]*offline\.page: expected a pattern that starts and ends with "\/"[\s\S]*offline\.fullIndexUpTo[\s\S]*offline\.maxPages[\s\S]*offline\.precache/,
  );
});
