/**
 * Bytes of a cold first query in Chromium: a built site served on 127.0.0.1, a fresh browser
 * context per query (empty HTTP cache, service workers blocked so that nothing is prefetched),
 * the search page opened with the query in its URL, and every request under /pagefind/ counted
 * until the results are listed — the page's own and its Pagefind web worker's.
 *
 * Counted twice, as a check: by the server (body bytes sent, and which requests came from the
 * worker: a dedicated worker's fetches carry the worker script's URL as their referrer), and by
 * Chromium (Playwright's request sizes, from the DevTools protocol's encodedDataLength: headers and
 * body as transferred). The server's count is the one reported: Chromium reports the worker's own
 * script (pagefind-worker.js, 42 KB) with a body of 0 bytes. `tsx bench/browser-bytes.ts <site dir> ["/search/?q=…" …]`
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser } from "playwright-core";
import { CHROMIUM, launchBrowser } from "../test/helpers/browser.ts";

export interface BrowserQuery {
  /** The page's path and query string. */
  url: string;
  /** Body bytes the server sent for the /pagefind/ requests (uncompressed: as the files are on disk). */
  bodyBytes: number;
  /** Bytes as transferred (headers and bodies) of the same requests, per Chromium: the worker script's body counts 0 there. */
  transferred: number;
  /** Requests under /pagefind/ the server answered. */
  requests: number;
  /** Of those, requests made by Pagefind's web worker. */
  byWorker: number;
  /** Requests under /pagefind/ Chromium reported finished (should equal `requests`). */
  seenByChromium: number;
  /** The page's status line once results were listed, and how many results it listed. */
  status: string;
  listed: number;
  /** What was fetched: path and body bytes, in order. */
  files: { path: string; bytes: number; worker: boolean }[];
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
};

interface Served {
  path: string;
  bytes: number;
  referer: string;
}

/** A static server that records every request under /pagefind/ (like test/helpers/server.ts, plus the counting). */
async function countingServer(root: string) {
  const served: Served[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end("not found");
    const size = statSync(file).size;
    const counted = pathname.startsWith("/pagefind/");
    if (counted) {
      inFlight++;
      lastActivity = performance.now();
      served.push({ path: pathname, bytes: size, referer: req.headers.referer ?? "" });
      res.on("close", () => {
        inFlight--;
        lastActivity = performance.now();
      });
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "content-length": size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    /** Resolves once no /pagefind/ request has been open for `quietMs`. */
    async settled(quietMs = 300, timeout = 30_000) {
      const deadline = performance.now() + timeout;
      while (inFlight > 0 || performance.now() - lastActivity < quietMs) {
        if (performance.now() > deadline) throw new Error(`/pagefind/ requests still open after ${timeout / 1000} s`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Measures each page URL (path and query, e.g. "/search/?q=dang+bo") in its own fresh context. */
export async function browserColdQueries(siteDir: string, urls: string[]): Promise<BrowserQuery[]> {
  const server = await countingServer(path.resolve(siteDir));
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const results: BrowserQuery[] = [];
    for (const url of urls) results.push(await measureOne(browser, server, url));
    return results;
  } finally {
    await browser?.close();
    await server.close();
  }
}

async function measureOne(browser: Browser, server: Awaited<ReturnType<typeof countingServer>>, url: string): Promise<BrowserQuery> {
  server.served.length = 0;
  const context = await browser.newContext({ serviceWorkers: "block" });
  const sizes: Promise<number>[] = [];
  // Context-level: also reports the requests of the page's dedicated workers (Playwright attaches to them).
  context.on("requestfinished", (request) => {
    if (!new URL(request.url()).pathname.startsWith("/pagefind/")) return;
    sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}${url}`);
    const outcome = await page.waitForFunction(
      () => {
        const form = document.querySelector<HTMLFormElement>("form[data-newsroom-search]");
        const status = document.querySelector("[data-newsroom-search-status]")?.textContent?.trim() ?? "";
        const listed = document.querySelectorAll("[data-newsroom-search-results] li").length;
        const strings = JSON.parse(form?.dataset.strings ?? "{}") as Record<string, string>;
        const q = new URLSearchParams(location.search).get("q") ?? "";
        const none = (strings.noResults ?? "\u0000").replace(/\{query\}/g, q);
        if (listed > 0 || status === none || (strings.failed && status === strings.failed)) return { status, listed };
        return false;
      },
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    const { status, listed } = (await outcome.jsonValue()) as { status: string; listed: number };
    await server.settled();
    // Chromium's requestfinished events can trail the server's last byte a little.
    const deadline = performance.now() + 5000;
    while (sizes.length < server.served.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const transferred = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    const files = server.served.map((s) => ({ path: s.path, bytes: s.bytes, worker: /\/pagefind-worker\.js(\?|$)/.test(s.referer) }));
    return {
      url,
      transferred,
      bodyBytes: files.reduce((a, f) => a + f.bytes, 0),
      requests: files.length,
      byWorker: files.filter((f) => f.worker).length,
      seenByChromium: sizes.length,
      status,
      listed,
      files,
    };
  } finally {
    await context.close();
  }
}

export { CHROMIUM };

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = path.resolve(process.argv[2] ?? "_site");
  const urls = process.argv.slice(3).length > 0 ? process.argv.slice(3) : ["/search/?q=dang+bo"];
  for (const r of await browserColdQueries(site, urls)) {
    console.log(
      `${r.url}: ${(r.bodyBytes / 1024).toFixed(0)} KB sent (Chromium: ${(r.transferred / 1024).toFixed(0)} KB transferred), ${r.requests} requests (${r.byWorker} by the worker; Chromium saw ${r.seenByChromium}); "${r.status}", ${r.listed} listed`,
    );
    for (const f of r.files) console.log(`  ${(f.bytes / 1024).toFixed(1).padStart(8)} KB  ${f.worker ? "worker" : "page  "}  ${f.path}`);
  }
}
