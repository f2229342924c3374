/**
 * #20: phrase ranking for Vietnamese. Posts where the query's syllables stand next to each other,
 * in order, rank above posts that repeat the same syllables apart many times (decoys, which
 * Pagefind alone ranks first: it scores each word on its own), with and without accents and with
 * đ/d folded; a quoted phrase matches without accents. In one index and in parts.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fold } from "../../src/features/search/client/highlight.js";
import { loadPagefind, type PagefindApi, searchAll } from "../helpers/pagefind.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

const FILLER = "Người dân trong vùng cùng nhau làm việc chăm chỉ suốt cả mùa vụ năm nay.";
const PHRASES = ["đảng bộ", "xây dựng", "nông thôn mới"];

/** Posts holding each phrase once, adjacent; decoys holding its syllables many times, never adjacent in order. */
function posts(): Record<string, string> {
  const files: Record<string, string> = {};
  let day = 1;
  const date = () => `20${String(18 + (day % 3)).padStart(2, "0")}-0${(day % 9) + 1}-${String((day++ % 27) + 1).padStart(2, "0")}`;
  PHRASES.forEach((phrase, p) => {
    const syllables = phrase.split(" ");
    for (let i = 0; i < 3; i++) {
      files[`posts/adjacent-${p}-${i}.md`] = postFile(
        { title: `Tin số ${p}${i} của tỉnh`, date: date() },
        `${FILLER} ${FILLER} Hôm qua, ${phrase} được nhắc đến. ${FILLER}`,
      );
    }
    for (let i = 0; i < 4; i++) {
      // Each syllable many times, separated, and in reverse order: never the phrase itself.
      const apart = Array.from({ length: 6 }, () => syllables.toReversed().join(` ${FILLER} `)).join(` ${FILLER} `);
      files[`posts/decoy-${p}-${i}.md`] = postFile({ title: `Bài viết ${p}${i} khác`, date: date() }, `${apart}`);
    }
  });
  return files;
}

for (const [name, partSize] of [
  ["one index", 5000],
  ["parts", 8],
] as const) {
  describe(`${name}`, () => {
    let site: FixtureSite;
    let pagefind: PagefindApi;
    beforeAll(async () => {
      site = createSite(posts());
      await site.build({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh", search: { partSize, cache: false } });
      pagefind = await loadPagefind(site.out);
    });
    afterAll(() => site.remove());

    test("the build has the layout this block tests", () => {
      const manifest = JSON.parse(site.readOutput("pagefind/parts.json")) as { parts: unknown[] };
      expect(manifest.parts.length > 1).toBe(name === "parts");
    });

    for (const phrase of PHRASES) {
      for (const query of [phrase, fold(phrase)]) {
        test(`"${query}": every post with the phrase adjacent ranks above every post with its syllables apart`, async () => {
          const ranked = (await searchAll(pagefind, query)).map((r) => r.url);
          const p = PHRASES.indexOf(phrase);
          const adjacent = ranked.filter((url) => url.includes(`/tin-so-${p}`));
          const decoys = ranked.filter((url) => url.includes(`/bai-viet-${p}`));
          expect(adjacent).toHaveLength(3);
          expect(decoys.length).toBeGreaterThan(0); // the decoys are found, and rank below
          expect(Math.max(...adjacent.map((url) => ranked.indexOf(url)))).toBeLessThan(
            Math.min(...decoys.map((url) => ranked.indexOf(url))),
          );
        });
      }
    }

    test('a quoted phrase without accents matches the accented phrase, and only where it is adjacent: "dang bo"', async () => {
      const ranked = (await searchAll(pagefind, '"dang bo"')).map((r) => r.url);
      expect(ranked.toSorted()).toEqual(ranked.filter((url) => url.includes("/tin-so-0")).toSorted());
      expect(ranked).toHaveLength(3);
    });

    test("đ comes back in what readers see, where the index holds d", async () => {
      const [first] = await searchAll(pagefind, "dang bo");
      expect(first!.content).toContain("đảng bộ được nhắc đến");
      expect(first!.excerpt).toContain("<mark>đảng</mark> <mark>bộ</mark>");
    });
  });
}
