/** A site extends the markdown renderer (option markdown.setup) with a real markdown-it plugin; the safety defaults hold. */
import footnote from "markdown-it-footnote";
import type MarkdownIt from "markdown-it";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
const body = [
  "Đảng bộ Sông Mã[^1] họp bàn.",
  "",
  "<script>alert(1)</script> và [liên kết](javascript:alert(2)) và {{ title }}.",
  "",
  "[^1]: Thị trấn Sông Mã, tỉnh Sơn La.",
].join("\n");

beforeAll(async () => {
  site = createSite({ "posts/a.md": postFile({ title: "Chú thích", date: "2020-01-01" }, body) });
  await site.build({
    markdown: {
      setup: (md: MarkdownIt) => {
        md.use(footnote as unknown as Parameters<MarkdownIt["use"]>[0]); // its types are markdown-it's CommonJS ones
        // A careless plugin: raw HTML on, every link accepted. Newsroom puts its defaults back.
        md.set({ html: true });
        md.validateLink = () => true;
      },
    },
  });
});
afterAll(() => site.remove());

test("the plugin's syntax is rendered (footnotes)", () => {
  const page = site.page("/2020/01/01/chu-thich/");
  expect(page.querySelector(".article-body sup.footnote-ref a")?.getAttribute("href")).toBe("#fn1");
  expect(page.querySelector(".article-body .footnotes li")?.text).toContain("Thị trấn Sông Mã, tỉnh Sơn La.");
});

test("raw HTML stays text, javascript: links are not made, template syntax stays literal", () => {
  const html = site.readOutput("2020/01/01/chu-thich/index.html");
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(html).not.toContain('href="javascript:');
  expect(site.page("/2020/01/01/chu-thich/").querySelector(".article-body")?.text).toContain("{{ title }}");
});

test("markdown.setup must be a function", async () => {
  const error = await site.build({ markdown: { setup: "footnote" as never } }).then(
    () => undefined,
    (e: unknown) => e,
  );
  const messages: string[] = [];
  // Eleventy wraps a plugin's error (originalError); ours keeps its own causes.
  for (
    let current = error as { message?: string; cause?: unknown; originalError?: unknown } | undefined;
    current;
    current = (current.originalError ?? current.cause) as typeof current
  ) {
    messages.push(current.message ?? "");
  }
  expect(messages.join("\n")).toMatch(/markdown\.setup: expected a function/);
});
