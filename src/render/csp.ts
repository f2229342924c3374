/**
 * The Content-Security-Policy Newsroom's pages work under: no inline scripts or styles
 * anywhere; Pagefind needs `'wasm-unsafe-eval'` (its WebAssembly) and a same-origin worker.
 * Documented in the README; the browser tests serve the site with it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
