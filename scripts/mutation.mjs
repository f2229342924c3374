// npm run mutation — StrykerJS over the modules that decide what readers get (stryker.config.mjs).
// `npm run mutation -- --force` tests every mutant again instead of only those whose code or tests
// changed since reports/mutation/stryker-incremental.json.
//
// StrykerJS 10's command line refuses Node 20 (its package asks for Node 22), although the run
// itself works on Node 20: its Stryker class is started directly, which skips that check only.
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const core = path.join(root, "node_modules/@stryker-mutator/core/dist/src/stryker.js");
const { Stryker } = await import(pathToFileURL(core).href);

const force = process.argv.includes("--force");
const started = Date.now();
const results = await new Stryker({ configFile: path.join(root, "stryker.config.mjs"), ...(force ? { force } : {}) }).runMutationTest();
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`[mutation] ${results.length} mutants in ${minutes} min; report: reports/mutation/mutation.json`);
