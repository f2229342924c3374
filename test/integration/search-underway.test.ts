/**
 * #23: the search index of a build is written on the indexing thread while the main thread goes on with the build's
 * long synchronous steps (related lists, page keys): the thread is handed its first part when it starts, and a build
 * awaits `underway` before those steps. Before, the thread asked the main thread for its records and waited until
 * that work was over (a 20,000-post deploy's newest part then began ~6 s late).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { SearchIndexer } from "../../src/features/search/indexer.ts";
import { consoleLog } from "../../src/kernel/log.ts";
import { post } from "../helpers/posts.ts";

test("the index is written while the main thread is busy, once the build has awaited `underway`", async () => {
  const outputDir = mkdtempSync(path.join(tmpdir(), "newsroom-underway-"));
  const posts = Array.from({ length: 3 }, (_, i) => post(i, 18, { text: `Đảng bộ thị trấn Sông Mã ${i}`, tags: [] }));
  const settings = { outputDir, language: "vi", displayDate: () => "18/10/2019", partSize: 5000, cache: undefined, reuseRecords: false };
  try {
    const indexer = new SearchIndexer(consoleLog);
    indexer.start(posts, settings);
    await indexer.underway;
    // The main thread busy (no event loop turn) until the part's files are written where the run stages them, or for 20 s.
    const written = () =>
      readdirSync(outputDir).some(
        (name) => name.startsWith(".newsroom-index-") && existsSync(path.join(outputDir, name, "all", "pagefind-entry.json")),
      );
    const deadline = performance.now() + 20_000;
    while (!written() && performance.now() < deadline) {
      /* busy, as the related lists and page keys keep it */
    }
    expect(written()).toBe(true);
    expect((await indexer.finish())?.records).toBe(3);
    expect(existsSync(path.join(outputDir, "pagefind", "pagefind-entry.json"))).toBe(true);
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}, 60_000);
