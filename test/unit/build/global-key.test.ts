// #23 item 1 (render only what changed) and 3 (byte-identical): the global key changes with each input it covers, and not otherwise;
// the template scan refuses site templates that read what no key covers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { type GlobalInputs, globalKey, scanSiteTemplates, versions } from "../../../src/build/global-key.ts";
import { resolveOptions } from "../../../src/options/resolve.ts";

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "newsroom-global-"));
  writeBase();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function inputs(more: Partial<GlobalInputs> = {}): GlobalInputs {
  return {
    options: resolveOptions({ site: { title: "Báo" } }),
    pathPrefix: "/",
    projectRoot: root,
    directories: { includes: path.join(root, "_includes"), data: path.join(root, "_data") },
    skip: [path.join(root, "posts"), path.join(root, "_site")],
    ...more,
  };
}

test("each input the key covers changes it", () => {
  const before = globalKey(inputs());
  expect(globalKey(inputs())).toBe(before);
  const changes: [string, () => string][] = [
    ["an include", () => (write("_includes/newsroom/footer.njk", "<footer>x</footer>\n"), globalKey(inputs()))],
    ["a data file", () => (write("_data/site.json", '{"a":1}\n'), globalKey(inputs()))],
    ["the config", () => (write("eleventy.config.mjs", "export default () => 1;\n"), globalKey(inputs()))],
    ["code the config imports", () => (write("lib/helper.ts", "export const a = 2;\n"), globalKey(inputs()))],
    ["the lockfile", () => (write("package-lock.json", '{"v":2}\n'), globalKey(inputs()))],
    ["an option", () => globalKey(inputs({ options: resolveOptions({ site: { title: "Báo" }, pageSize: 3 }) }))],
    [
      "a function option",
      () => globalKey(inputs({ options: resolveOptions({ site: { title: "Báo" }, markdown: { setup: (md) => md } }) })),
    ],
    ["the path prefix", () => globalKey(inputs({ pathPrefix: "/tin/" }))],
    ["Eleventy's version", () => globalKey(inputs(), { ...versions(), eleventy: "3.9.9" })],
    ["the plugin's version", () => globalKey(inputs(), { ...versions(), plugin: "9.9.9" })],
    ["Node's ICU", () => globalKey(inputs(), { ...versions(), icu: "0.1" })],
  ];
  for (const [what, key] of changes) {
    const snapshot = { ...process.env };
    expect(key(), what).not.toBe(before);
    Object.assign(process.env, snapshot);
    // Put the file back: the next change is measured against `before`.
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root);
    writeBase();
  }
});

function writeBase() {
  write("eleventy.config.mjs", "export default () => {};\n");
  write("_includes/newsroom/footer.njk", "<footer>{{ newsroom.site.title }}</footer>\n");
  write("_data/site.json", "{}\n");
  write("posts/a.md", "---\ntitle: A\n---\n");
  write("_site/index.html", "<p>old</p>\n");
  write("_site/.newsroom-output", "");
  write("lib/helper.ts", "export const a = 1;\n");
  write("package-lock.json", "{}\n");
}

test("posts, the output, its staging folder, dot-folders, node_modules and the clock leave it alone", () => {
  const before = globalKey(inputs());
  write("posts/b.md", "---\ntitle: B\n---\n");
  write("posts/data.json", "{}\n");
  write("_site/index.html", "<p>new</p>\n");
  write("_site/data.json", "{}\n");
  write("_site.staging-123/x.json", "{}\n");
  write("_site.previous-123/x.json", "{}\n");
  write(".cache/newsroom-pages/manifest.json", "{}\n");
  write("node_modules/x/index.js", "1\n");
  write("other-output/.newsroom-output", "");
  write("other-output/x.json", "{}\n");
  write("README.md", "# about\n");
  expect(globalKey(inputs({ options: resolveOptions({ site: { title: "Báo" }, now: new Date("2031-01-01") }) }))).toBe(before);
});

test("the scan passes templates that read the chrome and the page's own data", () => {
  write("_includes/newsroom/header.njk", '{{ newsroom.ui.home }}{{ newsroom.urls.search }}{% include "newsroom/search-box.njk" %}\n');
  expect(scanSiteTemplates({ includes: path.join(root, "_includes") }, ["newsroom/article.njk"])).toEqual([]);
});

test("the scan refuses reads no key covers, through includes, naming file and line", () => {
  write("_includes/newsroom/footer.njk", '<footer>\n{% include "widgets/latest.njk" %}\n</footer>\n');
  write("_includes/widgets/latest.njk", "{% for p in newsroom.posts %}{{ p.title }}{% endfor %}\n{{ collections.all | length }}\n");
  write("_includes/my-article.njk", "---\nlayout: newsroom/base.njk\n---\n{{ page.date }}{% include someVariable %}\n");
  write("_includes/unused.njk", "{{ collections.all }}\n");
  const refusals = scanSiteTemplates({ includes: path.join(root, "_includes") }, ["my-article.njk"]).map(
    (r) => `${path.relative(root, r.file)}:${r.line} ${r.read}`,
  );
  expect(refusals.sort()).toEqual([
    "_includes/my-article.njk:4 page.date",
    "_includes/my-article.njk:4 {% include someVariable",
    "_includes/widgets/latest.njk:1 newsroom.posts",
    "_includes/widgets/latest.njk:2 collections",
  ]);
});
