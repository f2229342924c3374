/**
 * A `fetch` for `file:` URLs, so that Pagefind's own `pagefind.js` runs in Node against a built
 * bundle on disk. Installed once per process; every file served is told to the listeners (tests
 * and the bench count what a search downloads).
 */
import { readFile } from "node:fs/promises";

type Listener = (url: string, bytes: number) => void;
const listeners = new Set<Listener>();
let installed = false;

/** Installs the shim (once) and adds `listener`, told of each file served. */
export function serveFilesToFetch(listener?: Listener): void {
  if (listener) listeners.add(listener);
  if (installed) return;
  installed = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith("file:")) return realFetch(input, init);
    try {
      const content = await readFile(new URL(url));
      for (const tell of listeners) tell(url, content.byteLength);
      return new Response(content, { status: 200 });
    } catch {
      return new Response("not found", { status: 404 });
    }
  }) as typeof fetch;
}
