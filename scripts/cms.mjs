/**
 * `npm run cms`: the web editor on this machine. Starts Decap's local backend (decap-server, which
 * reads and writes the posts in this folder: no account, no git) and the Eleventy dev server
 * together, prints the editor's address, and stops both on Ctrl-C or when either stops.
 *
 *   npm run cms                  editor at http://localhost:8080/admin/, decap-server on 8081
 *   npm run cms -- --port=8090   another port for the dev server
 *   DECAP_PORT=8082 npm run cms  another port for decap-server (set `cms.localBackend` to match)
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
// Eleventy's command (its package exports no path to it), as `npm start` runs it.
const eleventy = path.resolve("node_modules/@11ty/eleventy/cmd.cjs");
const decapServer = require.resolve("decap-server");
const decapPort = process.env.DECAP_PORT ?? "8081";
const args = process.argv.slice(2);
const port = args.find((a) => a.startsWith("--port="))?.slice("--port=".length) ?? "8080";

const children = [
  spawn(process.execPath, [decapServer], {
    stdio: "inherit",
    env: { ...process.env, PORT: decapPort },
  }),
  spawn(process.execPath, ["--import", "tsx", eleventy, "--config=eleventy.config.ts", "--serve", ...args], { stdio: "inherit" }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  process.exitCode = code;
}
for (const child of children) child.on("exit", (code) => stop(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));

setTimeout(() => {
  if (!stopping)
    console.log(
      `\n[newsroom] web editor: http://localhost:${port}/admin/ (local backend: decap-server on port ${decapPort}; posts are saved into this folder)\n`,
    );
}, 4000);
