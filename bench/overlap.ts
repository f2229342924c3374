/**
 * Does the index split into parts answer as one index would? For fixed queries, the top 10 URLs
 * of the parted index against those of a single index of the same posts (both opened through
 * the site's client in Node), the hit counts, and whether the parted results hold a post twice.
 * `tsx bench/overlap.ts <parted site dir> <single-index site dir>`
 */
import path from "node:path";
import { openIndex, type Result } from "./pagefind-node.ts";

export const OVERLAP_QUERIES = [
  "sông mã",
  "dang bo",
  "kinh tế",
  "đường điện",
  "giáo dục",
  "nông thôn mới",
  "an ninh",
  "y te",
  "du lich",
  "thanh niên",
  "cải cách hành chính",
  "mùa màng",
];

/** Results whose URLs are loaded to look for duplicates (all of them when there are fewer). */
const DUPLICATE_CHECK = 1000;

export interface QueryOverlap {
  query: string;
  /** URLs in both top 10s. */
  common: number;
  /** The smaller top 10's length (10 unless a query has fewer hits). */
  of: number;
  partedHits: number;
  singleHits: number;
  /** Posts found twice in the parted results: by id over all of them, by URL over the first DUPLICATE_CHECK. */
  duplicates: number;
  /** How many parted results were checked by URL. */
  checked: number;
}

export interface OverlapResult {
  parts: number;
  queries: QueryOverlap[];
  /** Mean of common / of over queries that have hits. */
  average: number;
}

export async function topTenOverlap(partedSite: string, singleSite: string, queries = OVERLAP_QUERIES): Promise<OverlapResult> {
  const parted = await openIndex(partedSite);
  const single = await openIndex(singleSite);
  const rows: QueryOverlap[] = [];
  for (const query of queries) {
    const p = (await parted.search(query)).results;
    const s = (await single.search(query)).results;
    const pTop = await urls(p.slice(0, 10));
    const sTop = await urls(s.slice(0, 10));
    const sSet = new Set(sTop);
    const checkedUrls = await urls(p.slice(0, DUPLICATE_CHECK));
    const duplicates = Math.max(p.length - new Set(p.map((r) => r.id)).size, checkedUrls.length - new Set(checkedUrls).size);
    rows.push({
      query,
      common: pTop.filter((u) => sSet.has(u)).length,
      of: Math.min(pTop.length, sTop.length),
      partedHits: p.length,
      singleHits: s.length,
      duplicates,
      checked: checkedUrls.length,
    });
  }
  const scored = rows.filter((r) => r.of > 0);
  const average = scored.length > 0 ? scored.reduce((sum, r) => sum + r.common / r.of, 0) / scored.length : Number.NaN;
  return { parts: parted.parts, queries: rows, average };
}

async function urls(results: Result[]): Promise<string[]> {
  return (await Promise.all(results.map((r) => r.data()))).map((d) => d.url);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [parted, single] = [path.resolve(process.argv[2] ?? ""), path.resolve(process.argv[3] ?? "")];
  const result = await topTenOverlap(parted, single);
  for (const q of result.queries)
    console.log(
      `${q.query.padEnd(22)} ${q.common}/${q.of}  hits ${q.partedHits} parted, ${q.singleHits} single  duplicates ${q.duplicates} (of ${q.checked} checked)`,
    );
  console.log(`average overlap ${(result.average * 100).toFixed(0)}%, ${result.parts} parts`);
}
