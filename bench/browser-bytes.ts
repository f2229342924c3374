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
 *
 * The server sends text files (scripts, JSON, HTML, CSS, SVG) gzipped when the browser accepts it, as
 * static hosts do (GitHub Pages, Netlify, Cloudflare, nginx's `gzip on`), and counts both: the files'
 * own bytes (`bodyBytes`) and the bytes it sent (`wireBytes`: gzipped text, the other files as they
 * are; Pagefind's index files are gzipped already and never compressed again).
 *
 * The page's moments are stamped in the page itself, on a wall clock the server's request times
 * share (see stampMoments): the list marked `data-newsroom-search-pending` (the client's first
 * results are in; older parts are searched next), the first results listed, the complete results
 * (the list no longer pending). `first` counts the requests before the pending mark and the
 * fragments until the first results showed; with `untilComplete`, the measurement waits for the
 * complete results and the requests after them.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { CHROMIUM, launchBrowser } from "../test/helpers/browser.ts";

export interface BrowserQuery {
  /** The page's path and query string. */
  url: string;
  /** The /pagefind/ requests' files, their bytes as they are on disk. */
  bodyBytes: number;
  /** Body bytes the server sent for them: text files gzipped, as static hosts send them. */
  wireBytes: number;
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
  /** What was fetched: path, body bytes, whether by the worker, ms after navigation the request came in; in order. */
  files: { path: string; bytes: number; wire: number; worker: boolean; at: number }[];
  /** The requests of the first results: those before the client had them, and the fragments until they showed. */
  first: { bodyBytes: number; wireBytes: number; requests: number; byWorker: number };
  /** Milliseconds from navigation to the first results listed, and to the complete results (0: not seen). */
  firstMs: number;
  completeMs: number;
}

export interface BrowserQueryOptions {
  /** Wait for the complete results (no `data-newsroom-search-pending` on the list), not only the first listed. */
  untilComplete?: boolean;
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

/** What a static host compresses: text. WebAssembly and Pagefind's own (gzipped) index files go as they are. */
const COMPRESSED = new Set([".html", ".css", ".js", ".json", ".xml", ".svg"]);

interface Served {
  path: string;
  bytes: number;
  /** Body bytes sent. */
  wire: number;
  referer: string;
  /** now() when the request came in. */
  at: number;
}

/** A static server that records every request under /pagefind/ (like test/helpers/server.ts, plus the counting). */
async function countingServer(root: string) {
  const served: Served[] = [];
  const gzipped = new Map<string, Buffer>();
  let inFlight = 0;
  let lastActivity = performance.now();
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end("not found");
    const content = readFileSync(file);
    const gzip = COMPRESSED.has(path.extname(file)) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    // Every query asks for the same scripts: each file is compressed once per server.
    const body = gzip ? (gzipped.get(file) ?? gzipped.set(file, gzipSync(content)).get(file)!) : content;
    const counted = pathname.startsWith("/pagefind/");
    if (counted) {
      inFlight++;
      lastActivity = performance.now();
      served.push({ path: pathname, bytes: content.length, wire: body.length, referer: req.headers.referer ?? "", at: now() });
      res.on("close", () => {
        inFlight--;
        lastActivity = performance.now();
      });
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      ...(gzip ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}),
    });
    res.end(body);
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
export async function browserColdQueries(siteDir: string, urls: string[], options: BrowserQueryOptions = {}): Promise<BrowserQuery[]> {
  const server = await countingServer(path.resolve(siteDir));
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const results: BrowserQuery[] = [];
    for (const url of urls) results.push(await measureOne(browser, server, url, options));
    return results;
  } finally {
    await browser?.close();
    await server.close();
  }
}

/** A wall-clock time in milliseconds, finer than Date.now(): the server's and the page's agree to well under a millisecond. */
const now = () => performance.timeOrigin + performance.now();

/**
 * The page's moments, stamped as they happen (runs in the page, before its scripts): `pending`, the
 * list first marked pending (the client's first results are in: older parts are searched next),
 * stamped inside setAttribute itself, before the page's next request can leave; `first`, the list
 * first showing items (or "no results" said); `complete`, the last change to the list or the status
 * while the list is not pending (0 while it is).
 */
function stampMoments() {
  const marks = { pending: 0, first: 0, complete: 0 };
  (window as unknown as { __newsroomBench: typeof marks }).__newsroomBench = marks;
  const PENDING = "data-newsroom-search-pending";
  // No named inner functions (a bundler would wrap them in a helper the page lacks).
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name: string, value: string) {
    if (name === PENDING && !marks.pending) marks.pending = performance.timeOrigin + performance.now();
    return setAttribute.call(this, name, value);
  };
  const toggleAttribute = Element.prototype.toggleAttribute;
  Element.prototype.toggleAttribute = function (name: string, force?: boolean) {
    const on = toggleAttribute.call(this, name, force);
    if (name === PENDING && on && !marks.pending) marks.pending = performance.timeOrigin + performance.now();
    return on;
  };
  new MutationObserver((records) => {
    const form = document.querySelector<HTMLFormElement>("form[data-newsroom-search]");
    const list = document.querySelector("[data-newsroom-search-results]");
    const statusLine = document.querySelector("[data-newsroom-search-status]");
    if (!form || !list) return;
    const status = statusLine?.textContent?.trim() ?? "";
    const strings = JSON.parse(form.dataset.strings ?? "{}") as Record<string, string>;
    const q = new URLSearchParams(location.search).get("q") ?? "";
    const none = (strings.noResults ?? "\u0000").replace(/\{query\}/g, q);
    const shown = list.querySelectorAll("li").length > 0 || status === none || (!!strings.failed && status === strings.failed);
    const pending = list.hasAttribute(PENDING);
    // Set some other way (dataset): the observer's time, a little late.
    if (pending && !marks.pending) marks.pending = performance.timeOrigin + performance.now();
    if (shown && !marks.first) marks.first = performance.timeOrigin + performance.now();
    // Pending again (a search step that set it late): not complete after all.
    if (pending) marks.complete = 0;
    else if (shown && records.some((r) => list.contains(r.target) || !!statusLine?.contains(r.target)))
      marks.complete = performance.timeOrigin + performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

async function measureOne(
  browser: Browser,
  server: Awaited<ReturnType<typeof countingServer>>,
  url: string,
  { untilComplete = false }: BrowserQueryOptions = {},
): Promise<BrowserQuery> {
  server.served.length = 0;
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.addInitScript(stampMoments);
  const sizes: Promise<number>[] = [];
  // Context-level: also reports the requests of the page's dedicated workers (Playwright attaches to them).
  context.on("requestfinished", (request) => {
    if (!new URL(request.url()).pathname.startsWith("/pagefind/")) return;
    sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  try {
    const page = await context.newPage();
    const navigated = now();
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
    let { status, listed } = (await outcome.jsonValue()) as { status: string; listed: number };
    const marks = () =>
      page.evaluate(() => (window as unknown as { __newsroomBench: { pending: number; first: number; complete: number } }).__newsroomBench);
    await server.settled();
    if (untilComplete) {
      // Complete, and still complete once the requests have settled (the pending mark can come late).
      const deadline = performance.now() + 120_000;
      while ((await marks()).complete === 0) {
        if (performance.now() > deadline) throw new Error(`${url}: the results list still pending after 120 s`);
        await page.waitForFunction(
          () => (window as unknown as { __newsroomBench: { complete: number } }).__newsroomBench.complete > 0,
          undefined,
          {
            timeout: 120_000,
            polling: 50,
          },
        );
        await server.settled();
      }
      status = ((await page.locator("[data-newsroom-search-status]").textContent()) ?? "").trim();
      listed = await page.locator("[data-newsroom-search-results] li").count();
    }
    const moments = await marks();
    // Chromium's requestfinished events can trail the server's last byte a little.
    const deadline = performance.now() + 5000;
    while (sizes.length < server.served.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const transferred = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    const files = server.served.map((s) => ({
      path: s.path,
      bytes: s.bytes,
      wire: s.wire,
      worker: /\/pagefind-worker\.js(\?|$)/.test(s.referer),
      at: s.at - navigated,
    }));
    // The first results: what was asked for before the client had them (the list marked pending, or
    // without that the first items shown), and the fragments asked for until that page showed —
    // not the older parts' files asked for meanwhile (as in Node: bench/relevance.ts).
    const cut = moments.pending > 0 && moments.pending < moments.first ? moments.pending : moments.first;
    const firstFiles = files.filter((f, i) => {
      const at = server.served[i]!.at;
      return moments.first > 0 && (at < cut || (at <= moments.first && /\/fragment\/[^/]+$/.test(f.path)));
    });
    return {
      url,
      transferred,
      bodyBytes: files.reduce((a, f) => a + f.bytes, 0),
      wireBytes: files.reduce((a, f) => a + f.wire, 0),
      requests: files.length,
      byWorker: files.filter((f) => f.worker).length,
      seenByChromium: sizes.length,
      status,
      listed,
      files,
      first: {
        bodyBytes: firstFiles.reduce((a, f) => a + f.bytes, 0),
        wireBytes: firstFiles.reduce((a, f) => a + f.wire, 0),
        requests: firstFiles.length,
        byWorker: firstFiles.filter((f) => f.worker).length,
      },
      firstMs: moments.first > 0 ? moments.first - navigated : 0,
      completeMs: moments.complete > 0 ? moments.complete - navigated : 0,
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
      `${r.url}: ${(r.bodyBytes / 1024).toFixed(0)} KB of files, ${(r.wireBytes / 1024).toFixed(0)} KB sent (Chromium: ${(r.transferred / 1024).toFixed(0)} KB transferred), ${r.requests} requests (${r.byWorker} by the worker; Chromium saw ${r.seenByChromium}); "${r.status}", ${r.listed} listed`,
    );
    for (const f of r.files)
      console.log(
        `  ${(f.bytes / 1024).toFixed(1).padStart(8)} KB ${(f.wire / 1024).toFixed(1).padStart(8)} KB sent  ${f.worker ? "worker" : "page  "}  ${f.path}`,
      );
  }
}
