/** Accents: among results with the same letters, the exact accents come first; đ in titles folds too. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadPagefind, type PagefindApi, searchAll } from "../helpers/pagefind.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

let site: FixtureSite;
let pagefind: PagefindApi;
const party = "/2019/10/18/hop-ban-nam-moi/";
const rain = "/2019/10/20/troi-mua-to/";
const urls = async (term: string) => (await searchAll(pagefind, term)).map((r) => r.url);

beforeAll(async () => {
  site = createSite({
    // The same letters, "đang" folded, with other accents, in the same place (the body, twice each):
    // only the accents tell them apart. Guards the planted bug "the ranking test has one result".
    "posts/party.md": postFile({ title: "Họp bàn năm mới", date: "2019-10-18" }, "Đảng ủy xã họp bàn. Đảng viên dự họp."),
    "posts/rain.md": postFile({ title: "Trời mưa to", date: "2019-10-20" }, "Trời đang mưa to. Mưa đang rơi."),
    // A đ word in the title only (guards the planted bug "đ words only in a title are not folded").
    "posts/title-only.md": postFile({ title: "Điện Biên mùa hoa", date: "2020-04-04" }, "Mùa hoa ban nở trắng núi rừng."),
    // "Biên" without "điện": were "dien" unknown to the index, Pagefind would drop it and find this too.
    "posts/border.md": postFile({ title: "Đồn biên phòng", date: "2020-05-05" }, "Bộ đội biên phòng tuần tra."),
  });
  await site.build({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh" });
  pagefind = await loadPagefind(site.out);
});
afterAll(() => site.remove());

test.each([
  ["Đảng", party, rain],
  ["đang", rain, party],
])("%s: both found, the exact accents first", async (query, first, second) => {
  const found = await urls(query);
  expect(found).toEqual([first, second]);
});

test("a đ word found only in a title is found without accents", async () => {
  expect(await urls("dien bien")).toEqual(["/2020/04/04/dien-bien-mua-hoa/"]);
  expect(await urls("Điện Biên")).toEqual(["/2020/04/04/dien-bien-mua-hoa/"]);
});
