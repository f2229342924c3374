// #20 item 6: the bench's Chromium bytes to the first results and to the complete results. A stand-in
// search page lists a first result, marks the list pending while it fetches an "older part", then
// completes: the first results count only what came before the first item showed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { browserColdQueries } from "../../../bench/browser-bytes.ts";

let site: string;

beforeAll(() => {
  site = mkdtempSync(path.join(tmpdir(), "newsroom-browser-bytes-"));
  mkdirSync(path.join(site, "search"));
  mkdirSync(path.join(site, "pagefind"));
  writeFileSync(path.join(site, "pagefind", "newest.bin"), Buffer.alloc(1000));
  writeFileSync(path.join(site, "pagefind", "older.bin"), Buffer.alloc(5000));
  writeFileSync(
    path.join(site, "search", "index.html"),
    `<!doctype html><html><body>
<form data-newsroom-search data-strings='{"noResults":"Không có kết quả cho “{query}”"}'></form>
<p data-newsroom-search-status></p>
<ol data-newsroom-search-results></ol>
<script type="module" src="/page.js"></script>
</body></html>`,
  );
  // ?late: the pending mark set a moment after the first item (a step of its own), not with it.
  writeFileSync(
    path.join(site, "page.js"),
    `const list = document.querySelector("[data-newsroom-search-results]");
const status = document.querySelector("[data-newsroom-search-status]");
const late = new URLSearchParams(location.search).has("late");
const item = (text) => Object.assign(document.createElement("li"), { textContent: text });
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
status.textContent = "Đang tìm…";
await fetch("/pagefind/newest.bin");
if (!late) list.setAttribute("data-newsroom-search-pending", "");
list.append(item("newest"));
status.textContent = "1 kết quả, đang tìm các năm trước…";
if (late) { await pause(50); list.setAttribute("data-newsroom-search-pending", ""); }
await pause(1000); // well past the server's 300 ms of quiet
await fetch("/pagefind/older.bin");
await pause(200);
list.append(item("older"));
status.textContent = "2 kết quả";
list.removeAttribute("data-newsroom-search-pending");
`,
  );
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

test("first results: the requests until the first item showed; complete: until the list is no longer pending", async () => {
  const [normal, late] = await browserColdQueries(site, ["/search/?q=a", "/search/?q=a&late"], { untilComplete: true });
  for (const r of [normal!, late!]) {
    expect(r.first).toEqual({ bodyBytes: 1000, requests: 1, byWorker: 0 });
    expect(r.bodyBytes).toBe(6000);
    expect(r.requests).toBe(2);
    expect(r.listed).toBe(2);
    expect(r.status).toBe("2 kết quả");
    expect(r.firstMs).toBeGreaterThan(0);
    expect(r.completeMs).toBeGreaterThanOrEqual(r.firstMs + 1150);
  }
});

test("without untilComplete, the measurement ends with the first results (as the bench's cold-query table measures)", async () => {
  const [r] = await browserColdQueries(site, ["/search/?q=a"]);
  expect(r!.listed).toBe(1);
  expect(r!.first.bodyBytes).toBe(1000);
  expect(r!.bodyBytes).toBe(1000);
  expect(r!.completeMs).toBe(0);
});
