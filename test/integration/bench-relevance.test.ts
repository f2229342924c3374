// #20 item 6: the known-item search measurement end to end on a built site — the targets' URLs
// agree with the pages the plugin writes (site-local dates), the queries run cold through the
// site's client in a measuring process, and the table's numbers come out.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { knownItemSearch, type KnownItemReport, nodeTable, QUERY_TYPES } from "../../bench/relevance.ts";
import { createSite, type FixtureSite, postFile } from "../helpers/site.ts";

/** Four years; two dates late in the UTC day, so that the page's date is the next day in Asia/Ho_Chi_Minh. */
const POSTS: [string, string, string][] = [
  ["2019-03-02T20:30:00Z", "Đảng bộ thị trấn Sông Mã họp bàn kinh tế", "Các đồng chí bàn về kinh tế và đời sống nhân dân."],
  ["2019-11-20", "Nông dân Mộc Châu gặt lúa mùa", "Mùa lúa năm nay được mùa, bà con phấn khởi."],
  ["2020-01-05T18:00:00Z", "Đường điện trung thế về bản Mường Lạn", "Công trình đường điện đưa ánh sáng về bản xa."],
  ["2020-06-30", "Trường học mới khánh thành ở Yên Châu", "Học sinh vùng cao có trường học khang trang."],
  ["2021-08-08", "Bộ đội biên phòng giúp dân làm đường", "Cán bộ chiến sĩ cùng dân mở đường lên bản."],
  ["2021-12-01", "Chợ phiên vùng cao đông vui ngày cuối tuần", "Người dân mang nông sản xuống chợ bán."],
  ["2022-04-15", "Xây dựng nông thôn mới ở Thuận Châu", "Xã đạt chuẩn nông thôn mới sau nhiều năm cố gắng."],
  ["2022-09-02", "Lễ hội xòe Thái trên cao nguyên", "Điệu xòe nối vòng đoàn kết các dân tộc."],
];

let site: FixtureSite;
let report: KnownItemReport;

beforeAll(async () => {
  site = createSite(
    Object.fromEntries(
      POSTS.map(([date, title, body], i) => [`posts/p${i}.md`, postFile({ title: JSON.stringify(title), date, slug: `bai-${i}` }, body)]),
    ),
  );
  await site.build({
    locale: "vi",
    timeZone: "Asia/Ho_Chi_Minh",
    site: { title: "Báo", url: "https://baosonla.example.vn/" },
    search: { cache: false },
  });
  report = await knownItemSearch({ corpus: site.dir, builds: [{ label: "default", dir: site.out }], targets: 8, log: () => {} });
}, 240_000);
afterAll(() => site.remove());

test("every published post is a target, its URL the page the plugin wrote, the date seen in the site's zone", () => {
  expect(report.targets).toBe(8);
  const urls = new Set(report.queries.map((q) => q.url));
  expect(urls.size).toBe(8);
  expect(urls).toContain("/2019/03/03/bai-0/");
  expect(urls).toContain("/2020/01/06/bai-2/");
  for (const url of urls) expect(site.exists(url)).toBe(true);
});

test("four queries per target on the build, measured cold through the site's client; the table has one row per query type", () => {
  expect(report.queries).toHaveLength(32);
  const manifest = JSON.parse(readFileSync(path.join(site.out, "pagefind", "parts.json"), "utf8")) as { parts: unknown[] };
  expect(report.builds[0]!.parts).toBe(manifest.parts.length);
  for (const q of report.queries) {
    expect(q.node.firstBytes).toBeGreaterThan(0);
    expect(q.node.completeBytes).toBeGreaterThanOrEqual(q.node.firstBytes);
    expect(q.node.completeMs).toBeGreaterThan(0);
  }
  // A whole title finds its post on a site this small.
  expect(report.queries.filter((q) => q.type === "title").map((q) => q.node.rank)).toEqual(Array(8).fill(1));
  expect(report.rows.map((r) => r.type)).toEqual([...QUERY_TYPES]);
  const title = report.rows.find((r) => r.type === "title")!;
  expect([title.successAt1, title.successAt10, title.mrrAt10]).toEqual([1, 1, 1]);
  const table = nodeTable([{ report }]);
  expect(table).toHaveLength(2 + 4);
  expect(table[5]).toMatch(/^\| full title \| default \(\d+ parts?\) \| 1\.000 \| 1\.000 \| 1\.000 \| /);
});
