// #20 item 6: the bench's Chromium bytes to the first results and to the complete results. A stand-in
// search page behaves as the site's does: the newest part's answer, the list marked pending, that
// page's fragments, the first items; meanwhile an older part's file; then the complete results.
// The first results count what came before the pending mark and the first page's fragments.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, test } from "vitest";
import { browserColdQueries } from "../../../bench/browser-bytes.ts";

let site: string;
/** A script under /pagefind/ (?gz asks for it first): text a static host sends gzipped. */
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `từ ${i % 37}`))};\n`;

beforeAll(() => {
  site = mkdtempSync(path.join(tmpdir(), "newsroom-browser-bytes-"));
  mkdirSync(path.join(site, "search"));
  mkdirSync(path.join(site, "pagefind"));
  mkdirSync(path.join(site, "pagefind", "fragment"));
  writeFileSync(path.join(site, "pagefind", "newest.pf_index"), Buffer.alloc(1000));
  writeFileSync(path.join(site, "pagefind", "fragment", "n.pf_fragment"), Buffer.alloc(300));
  writeFileSync(path.join(site, "pagefind", "older.pf_index"), Buffer.alloc(5000));
  writeFileSync(path.join(site, "pagefind", "fragment", "o.pf_fragment"), Buffer.alloc(400));
  writeFileSync(path.join(site, "pagefind", "words.js"), SCRIPT);
  writeFileSync(
    path.join(site, "search", "index.html"),
    `<!doctype html><html><body>
<form data-newsroom-search data-strings='{"noResults":"Không có kết quả cho “{query}”"}'></form>
<p data-newsroom-search-status></p>
<ol data-newsroom-search-results></ol>
<script type="module" src="/page.js"></script>
</body></html>`,
  );
  // ?late: a page that marks the list pending a moment after its first items (no onFirst moment to go by).
  writeFileSync(
    path.join(site, "page.js"),
    `const list = document.querySelector("[data-newsroom-search-results]");
const status = document.querySelector("[data-newsroom-search-status]");
const late = new URLSearchParams(location.search).has("late");
const item = (text) => Object.assign(document.createElement("li"), { textContent: text });
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
status.textContent = "Đang tìm…";
if (new URLSearchParams(location.search).has("gz")) await fetch("/pagefind/words.js");
await fetch("/pagefind/newest.pf_index");
let older;
if (!late) {
  list.setAttribute("data-newsroom-search-pending", "");
  older = fetch("/pagefind/older.pf_index");
}
await fetch("/pagefind/fragment/n.pf_fragment");
list.append(item("newest"));
status.textContent = "1 kết quả, đang tìm các năm trước…";
if (late) {
  await pause(50);
  list.setAttribute("data-newsroom-search-pending", "");
  older = fetch("/pagefind/older.pf_index");
}
await older;
await pause(1000); // well past the server's 300 ms of quiet
list.removeAttribute("data-newsroom-search-pending");
await fetch("/pagefind/fragment/o.pf_fragment");
list.replaceChildren(item("older"), item("newest"));
status.textContent = "2 kết quả";
`,
  );
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

test("first results: the requests before the pending mark and the first page's fragments; complete: everything, once no longer pending", async () => {
  const [normal, late] = await browserColdQueries(site, ["/search/?q=a", "/search/?q=a&late"], { untilComplete: true });
  for (const r of [normal!, late!]) {
    expect(r.first).toEqual({ bodyBytes: 1300, wireBytes: 1300, requests: 2, byWorker: 0 });
    expect(r.bodyBytes).toBe(6700);
    expect(r.requests).toBe(4);
    expect(r.listed).toBe(2);
    expect(r.status).toBe("2 kết quả");
    expect(r.firstMs).toBeGreaterThan(0);
    // The complete results shown after the older part's file, the pause and the last fragment.
    expect(r.completeMs).toBeGreaterThanOrEqual(r.firstMs + 1000);
    expect(r.completeMs).toBeGreaterThan(r.files.at(-1)!.at);
  }
});

test("without untilComplete, the measurement ends once the first results are listed and requests settle (the cold-query table)", async () => {
  const [r] = await browserColdQueries(site, ["/search/?q=a"]);
  expect(r!.listed).toBe(1);
  expect(r!.first.bodyBytes).toBe(1300);
  expect(r!.bodyBytes).toBe(6300);
  expect(r!.completeMs).toBe(0);
});

test("text is sent gzipped, as static hosts send it, and counted both ways; Pagefind's gzipped index files as they are", async () => {
  const [r] = await browserColdQueries(site, ["/search/?q=a&gz"]);
  const script = r!.files.find((f) => f.path === "/pagefind/words.js")!;
  expect(script.bytes).toBe(Buffer.byteLength(SCRIPT));
  expect(script.wire).toBe(gzipSync(SCRIPT).length);
  expect(script.wire).toBeLessThan(script.bytes / 3);
  const index = r!.files.find((f) => f.path === "/pagefind/newest.pf_index")!;
  expect(index.wire).toBe(index.bytes);
  expect(r!.first.bodyBytes).toBe(1300 + script.bytes);
  expect(r!.first.wireBytes).toBe(1300 + script.wire);
  expect(r!.wireBytes).toBe(r!.bodyBytes - script.bytes + script.wire);
});
