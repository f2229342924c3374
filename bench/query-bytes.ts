/** Bytes of Pagefind files a fresh page fetches for a first query (and its first 10 results). */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

export async function coldQueryBytes(siteDir: string, query: string): Promise<{ bytes: number; files: number; results: number }> {
  const bundle = path.join(siteDir, "pagefind");
  let bytes = 0;
  let files = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    try {
      const content = await readFile(new URL(url));
      bytes += content.byteLength;
      files++;
      return new Response(content, { status: 200 });
    } catch {
      return new Response("not found", { status: 404 });
    }
  }) as typeof fetch;
  try {
    const moduleFile = path.join(bundle, "pagefind.js");
    bytes += (await readFile(moduleFile)).byteLength; // the browser fetches the module itself too
    files++;
    const pagefind = await import(`${pathToFileURL(moduleFile).href}?cold=${Math.random()}`);
    await pagefind.options({ basePath: `${pathToFileURL(bundle).href}/`, baseUrl: "/" });
    const response = await pagefind.search(query);
    await Promise.all(response.results.slice(0, 10).map((r: { data(): Promise<unknown> }) => r.data()));
    return { bytes, files, results: response.results.length };
  } finally {
    globalThis.fetch = realFetch;
  }
}
