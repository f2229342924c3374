// Reads the mutation run's report (reports/mutation/mutation.json, StrykerJS's JSON format) against
// reports/mutation/EQUIVALENT.md, the mutants that survive because no test could tell them apart from
// the code (each with its reason). Used by `npm run mutation` to print what is left to do, and by
// test/unit/repo/mutation-report.test.ts to hold the committed report to its promise.
import { readFileSync } from "node:fs";
import path from "node:path";

export const REPORT_DIR = path.resolve(import.meta.dirname, "../reports/mutation");
export const REPORT_FILE = path.join(REPORT_DIR, "mutation.json");
export const EQUIVALENT_FILE = path.join(REPORT_DIR, "EQUIVALENT.md");

/**
 * @typedef {{ mutatorName: string, replacement?: string, status: string, location: { start: { line: number, column: number } } }} Mutant
 * @typedef {{ files: Record<string, { source?: string, mutants: Mutant[] }> }} Report
 */

/** A mutant as the report and EQUIVALENT.md name it: `src/kernel/slug.ts:13:9 EqualityOperator \`a > b\``. */
export function mutantKey(file, mutant) {
  const { line, column } = mutant.location.start;
  return `${file}:${line}:${column} ${mutant.mutatorName} ${oneLine(mutant.replacement ?? "")}`;
}

function oneLine(code) {
  return code.replace(/\s+/g, " ").trim();
}

/**
 * The rows of EQUIVALENT.md's table: `| src/x.ts:12:3 | Mutator | \`replacement\` | reason |`, pipes
 * inside cells written `\|`. Returns each row's key (as mutantKey makes it) and reason.
 */
export function readEquivalents(markdown) {
  const rows = [];
  for (const line of markdown.split("\n")) {
    if (!/^\|\s*src\//.test(line)) continue;
    const cells = line
      .slice(1, line.trimEnd().endsWith("|") ? line.trimEnd().length - 1 : undefined)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, "|"));
    const [where, mutator, replacement, reason] = cells;
    rows.push({ key: `${where} ${mutator} ${oneLine(replacement.replace(/^`(.*)`$/, "$1"))}`, reason: reason ?? "" });
  }
  return rows;
}

/** Mutants a test can tell from the code: Stryker's own definition of the score. */
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

/**
 * The report in numbers, and what it leaves unexplained: undetected mutants with no row in
 * EQUIVALENT.md, rows naming no undetected mutant (stale), rows without a reason.
 */
/**
 * @param {Report} report
 * @param {{ key: string, reason: string }[]} equivalentRows
 */
export function summarize(report, equivalentRows) {
  const files = [];
  const undetected = new Map();
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const count = (statuses) => mutants.filter((m) => statuses.has(m.status)).length;
    files.push({ file, detected: count(DETECTED), undetected: count(UNDETECTED), ignored: count(new Set(["Ignored"])) });
    for (const m of mutants) if (UNDETECTED.has(m.status)) undetected.set(mutantKey(file, m), m);
  }
  const listed = new Set(equivalentRows.map((row) => row.key));
  const detected = files.reduce((sum, f) => sum + f.detected, 0);
  const valid = detected + files.reduce((sum, f) => sum + f.undetected, 0);
  return {
    files,
    valid,
    detected,
    score: valid === 0 ? 0 : (100 * detected) / valid,
    unexplained: [...undetected.keys()].filter((key) => !listed.has(key)),
    stale: equivalentRows.filter((row) => !undetected.has(row.key)).map((row) => row.key),
    unreasoned: equivalentRows.filter((row) => row.reason.length < 10).map((row) => row.key),
  };
}

/** Reads the committed report and EQUIVALENT.md (an absent EQUIVALENT.md lists nothing). */
export function readReport() {
  /** @type {Report} */
  const report = JSON.parse(readFileSync(REPORT_FILE, "utf8"));
  let markdown = "";
  try {
    markdown = readFileSync(EQUIVALENT_FILE, "utf8");
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
  }
  return { report, summary: summarize(report, readEquivalents(markdown)) };
}
