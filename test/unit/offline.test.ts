import { expect, test } from "vitest";
import { precacheGlobs, serviceWorkerConfig } from "../../src/offline.ts";
import { defaults, resolveOptions } from "../../src/options.ts";
import { serviceWorkerOn } from "../../src/site-data.ts";

const offline = defaults.offline;

test("a small search index goes whole with the worker; a large one only with what every search needs", () => {
  const small = precacheGlobs({ options: { ...offline, fullIndexUpTo: 1000 }, search: { bundle: "/pagefind/", bytes: 1000 }, files: [] });
  expect(small.fullIndex).toBe(true);
  expect(small.globs).toContain("pagefind/**/*");
  const large = precacheGlobs({ options: { ...offline, fullIndexUpTo: 1000 }, search: { bundle: "/pagefind/", bytes: 1001 }, files: [] });
  expect(large.fullIndex).toBe(false);
  expect(large.globs).not.toContain("pagefind/**/*");
  expect(large.globs).toEqual(expect.arrayContaining(["pagefind/*.{js,json,pagefind,pf_meta}", "pagefind/filter/*"]));
});

test("without search, only the site's own files go with the worker", () => {
  const { globs, fullIndex } = precacheGlobs({ options: { ...offline, precache: ["fonts/*.woff2"] }, search: undefined, files: ["/archive/days.json"] });
  expect(fullIndex).toBe(false);
  expect(globs).toEqual(["fonts/*.woff2", "assets/newsroom/*.{css,js}", "archive/days.json"]);
});

test("the worker's URLs carry the path prefix", () => {
  const config = serviceWorkerConfig({
    outputDir: "/tmp/x",
    options: { ...offline, page: "/ngoai-tuyen/", maxPages: 50 },
    prefix: (url) => `/tin${url}`,
    search: { bundle: "/pagefind/", bytes: 1 },
    warmPages: ["/", "/search/"],
    files: [],
  });
  expect(config).toEqual({
    workbox: "/tin/assets/newsroom/workbox/",
    searchBundle: "/tin/pagefind/",
    searchEntry: "/tin/pagefind/pagefind-entry.json",
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
