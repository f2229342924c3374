/**
 * Bytes of Pagefind files a fresh page fetches for a first query (and its first 10 results),
 * measured in Node: the root's pagefind.js, parts.json, then whatever the site's parts client
 * (src/features/search/client/search-parts.js) and Pagefind fetch. `tsx bench/query-bytes.ts <site dir> <query>…`
 */
import path from "node:path";
import { type Fetched, openIndex, stopCounting } from "./pagefind-node.ts";

export async function coldQueryBytes(
  siteDir: string,
  query: string,
  filters?: Record<string, unknown>,
): Promise<{ bytes: number; files: number; results: number; fetched: Fetched[] }> {
  const fetched: Fetched[] = [];
  try {
    const index = await openIndex(siteDir, fetched);
    const response = await index.search(query, filters ? { filters } : {});
    await Promise.all(response.results.slice(0, 10).map((r) => r.data()));
    return { bytes: fetched.reduce((sum, f) => sum + f.bytes, 0), files: fetched.length, results: response.results.length, fetched };
  } finally {
    stopCounting();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = path.resolve(process.argv[2] ?? "_site");
  for (const query of process.argv.slice(3).length > 0 ? process.argv.slice(3) : ["dang bo"]) {
    const { bytes, files, results, fetched } = await coldQueryBytes(site, query);
    console.log(`${query}: ${(bytes / 1024).toFixed(0)} KB in ${files} files, ${results} hits`);
    for (const f of fetched)
      console.log(`  ${(f.bytes / 1024).toFixed(1).padStart(8)} KB  ${path.relative(site, new URL(f.url).pathname)}`);
  }
}
