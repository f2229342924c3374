/**
 * #23 item 3 (a killed or refused build keeps the last good site, and never a stale page): the file system
 * refuses to swap the new site in. `_site/` stays as it was; the page store, saved before the swap, holds
 * the refused build's pages, and the next build reuses them, its output equal to a full build's.
 */
import { existsSync } from "node:fs";
import { afterAll, expect, test, vi } from "vitest";

const refuse = vi.hoisted(() => ({ swap: false }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      if (refuse.swap && from.includes(".staging-"))
        throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${from}' -> '${to}'`), { code: "EXDEV" });
      return fs.rename(from, to);
    },
  };
});

const { IncrementalSite, SECTIONS } = await import("../helpers/incremental.ts");
const site = new IncrementalSite();
afterAll(() => site.dispose());

test("a refused swap keeps _site; the next build reuses the stored pages and equals a full build", async () => {
  for (let i = 0; i < 3; i++)
    site.post(`p${i}`, { title: `Bài ${i}`, date: `2019-10-0${i + 1} 08:00`, category: SECTIONS[i]!, tags: [], body: `Nội dung ${i}.` });
  await site.build();
  site.post("p9", { title: "Bài 9", date: "2019-10-09 08:00", category: SECTIONS[0]!, tags: [], body: "Mới." });
  refuse.swap = true;
  await expect(site.build()).rejects.toThrow(/could not put the new site in place/);
  refuse.swap = false;
  expect(existsSync(site.path("_site", "2019", "10", "09", "bai-9", "index.html"))).toBe(false);
  expect((await site.build()).rendered).toEqual([]);
  expect(site.summary()).toMatch(/ 0 pages rendered, \d+ reused,/);
  await site.buildReference();
  expect(site.differences()).toEqual([]);
});
