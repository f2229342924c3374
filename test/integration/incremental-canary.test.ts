/**
 * #23 item 3 (never a stale page): data that changes on its own (the clock) reaches the pages through the
 * site's footer, which no key sees. The 404 page, rendered every build, shows it: the canary fires, the
 * build runs again in full, and the next builds are full until the global key changes.
 * Its own file: Eleventy, in one process, keeps the site's partials of its first build (a footer added
 * after a build in the same process would not be used), so the footer must be there from the first build.
 */
import { afterAll, expect, test } from "vitest";
import { IncrementalSite, SECTIONS } from "../helpers/incremental.ts";

const site = new IncrementalSite();
afterAll(() => site.dispose());

test("the canary fires, the build runs again in full, and the next ones are full", async () => {
  site.write({
    "_data/clock.js": "module.exports = () => `giờ ${process.hrtime.bigint()}`;\n",
    "_includes/newsroom/footer.njk": "<footer>{{ clock }}</footer>\n",
  });
  for (let i = 0; i < 3; i++)
    site.post(`p${i}`, { title: `Bài ${i}`, date: `2019-10-0${i + 1} 08:00`, category: SECTIONS[i]!, tags: [], body: `Nội dung ${i}.` });
  const all = (await site.build()).rendered;
  expect(all.length).toBeGreaterThan(5);
  expect((await site.build()).rendered).toEqual(all);
  expect(site.logged.filter((line) => line.includes("changed although nothing Newsroom fingerprints did"))).toHaveLength(1);
  expect((await site.build()).rendered).toEqual(all);
  expect(site.summary()).toMatch(/all rendered: the site's pages read something Newsroom cannot fingerprint/);
  expect(site.logged.filter((line) => line.includes("changed although nothing Newsroom fingerprints did"))).toHaveLength(1);
});
