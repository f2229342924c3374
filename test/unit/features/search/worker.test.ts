/**
 * The indexing thread checks every answer of Pagefind's (src/features/search/worker.js): an error stops the
 * build naming the post it came from (the README's promise), with Pagefind's own words. Pagefind
 * is a stand-in here: its real binary does not refuse records on demand.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { indexRecords } from "../../../../src/features/search/worker.js";

const pagefind = vi.hoisted(() => ({
  refuse: undefined as string | undefined,
  startErrors: [] as string[],
  writeErrors: [] as string[],
  deleted: 0,
  closed: 0,
  events: [] as string[],
}));
vi.mock("pagefind", () => ({
  createIndex: async () => ({
    errors: pagefind.startErrors,
    index: {
      addCustomRecord: async (record: { url: string }) => ({ errors: record.url === pagefind.refuse ? ["content is empty"] : [] }),
      writeFiles: async ({ outputPath }: { outputPath: string }) => {
        pagefind.events.push(`write ${path.basename(outputPath)}`);
        mkdirSync(outputPath, { recursive: true });
        for (const file of ["pagefind.js", "pagefind-ui.js", "pagefind-entry.json"]) writeFileSync(path.join(outputPath, file), "");
        return { errors: pagefind.writeErrors };
      },
      deleteIndex: async () => void pagefind.deleted++,
    },
  }),
  close: async () => void pagefind.closed++,
}));

let out: string;
beforeEach(() => {
  out = mkdtempSync(path.join(tmpdir(), "newsroom-worker-"));
  Object.assign(pagefind, { refuse: undefined, startErrors: [], writeErrors: [], deleted: 0, closed: 0, events: [] });
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const record = (slug: string) => ({
  url: `/2019/10/18/${slug}/`,
  content: "Đảng bộ thị trấn Sông Mã",
  language: "vi",
  meta: { title: slug },
  filters: {},
  sort: {},
  source: `posts/${slug}.md`,
});
const job = () => ({
  language: "vi",
  bundles: [{ outputPath: path.join(out, "pagefind"), records: [record("dang-bo"), record("song-ma")], runtime: true }],
});

test("a record Pagefind refuses stops the indexing, naming the post's file and URL and Pagefind's words", async () => {
  pagefind.refuse = "/2019/10/18/song-ma/";
  await expect(indexRecords(job())).rejects.toThrow(
    "search: could not index posts/song-ma.md (/2019/10/18/song-ma/): Pagefind says: content is empty",
  );
  // The index is deleted from Pagefind's service and the service closed all the same.
  expect([pagefind.deleted, pagefind.closed]).toEqual([1, 1]);
});

test("an index Pagefind cannot start or write is named with Pagefind's words", async () => {
  pagefind.startErrors = ["unknown language"];
  await expect(indexRecords(job())).rejects.toThrow("search: could not start the search index: Pagefind says: unknown language");
  pagefind.startErrors = [];
  pagefind.writeErrors = ["disk full"];
  await expect(indexRecords(job())).rejects.toThrow(
    `search: could not write the search index to ${path.join(out, "pagefind")}: Pagefind says: disk full`,
  );
});

test("every record accepted: the bundle is written and counted, without Pagefind's unused UI", async () => {
  await expect(indexRecords(job())).resolves.toMatchObject({ records: 2 });
  expect(readdirSync(path.join(out, "pagefind")).toSorted()).toEqual(["pagefind-entry.json", "pagefind.js"]);
});

test("100k out of memory: a bundle's records are taken only once the bundle before it is written", async () => {
  async function* bundles() {
    for (const key of ["2019", "2020", "2021"]) {
      pagefind.events.push(`take ${key}`);
      yield { outputPath: path.join(out, key), records: [record(`bai-${key}`)], runtime: key === "2021" };
    }
  }
  await expect(indexRecords({ language: "vi", bundles: bundles() })).resolves.toMatchObject({ records: 3 });
  expect(pagefind.events).toEqual(["take 2019", "write 2019", "take 2020", "write 2020", "take 2021", "write 2021"]);
});
