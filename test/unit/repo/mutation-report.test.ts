/**
 * The committed mutation report (reports/mutation/, made by `npm run mutation`) keeps its promise:
 * at least 85% of at least 500 mutants detected over the modules that decide what readers get, every
 * undetected mutant listed in EQUIVALENT.md with its reason, and the report made from the code as it
 * is now. Excluded from the mutation run itself (vitest.mutation.config.ts): the run writes the report.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readEquivalents, readReport, summarize } from "../../../scripts/mutation-report.mjs";

const root = path.resolve(import.meta.dirname, "../../..");
const { report, summary } = readReport();

describe("the committed mutation report", () => {
  test("detects at least 85% of at least 500 mutants", () => {
    expect(summary.valid).toBeGreaterThanOrEqual(500);
    expect(summary.score).toBeGreaterThanOrEqual(85);
  });

  test("covers the modules that decide what readers get", () => {
    expect(Object.keys(report.files).toSorted()).toEqual(
      expect.arrayContaining([
        "src/cli/build.ts",
        "src/posts/frontmatter.ts",
        "src/posts/load-posts.ts",
        "src/posts/post-schema.ts",
        "src/posts/post.ts",
        "src/kernel/dates.ts",
        "src/options/fields.ts",
        "src/options/resolve.ts",
        "src/options/schema.ts",
        "src/kernel/slug.ts",
        "src/kernel/text.ts",
        "src/features/offline/service-worker.ts",
        "src/features/search/indexer.ts",
        "src/features/search/parts.ts",
        "src/features/archives/archives.ts",
        "src/features/search/options.ts",
        "src/features/cms/options.ts",
        "src/cli/output-guard.ts",
      ]),
    );
  });

  test("lists every undetected mutant in EQUIVALENT.md with a reason, and nothing else", () => {
    expect(summary.unexplained, "undetected mutants to kill with a test or list in EQUIVALENT.md").toEqual([]);
    expect(summary.stale, "rows of EQUIVALENT.md naming no undetected mutant").toEqual([]);
    expect(summary.unreasoned, "rows of EQUIVALENT.md without a reason").toEqual([]);
  });

  test("was made from the code as it is now (run npm run mutation after changing these modules)", () => {
    const changed = Object.entries(report.files)
      .filter(([file, { source }]) => readFileSync(path.join(root, file), "utf8") !== source)
      .map(([file]) => file);
    expect(changed).toEqual([]);
  });
});

describe("reading EQUIVALENT.md", () => {
  const mutant = {
    mutatorName: "ConditionalExpression",
    replacement: "a ||\n  b",
    status: "Survived",
    location: { start: { line: 3, column: 7 } },
  };
  const killed = { ...mutant, status: "Killed", location: { start: { line: 9, column: 1 } } };
  const fake = { files: { "src/x.ts": { mutants: [mutant, killed] } } };

  test("matches a row to its mutant by place, mutator and replacement, pipes escaped", () => {
    const rows = readEquivalents(
      "| where | m | r | why |\n|---|---|---|---|\n| src/x.ts:3:7 | ConditionalExpression | `a \\|\\| b` | only a cache's size |\n",
    );
    expect(rows).toEqual([{ key: "src/x.ts:3:7 ConditionalExpression a || b", reason: "only a cache's size" }]);
    expect(summarize(fake, rows)).toMatchObject({ valid: 2, detected: 1, score: 50, unexplained: [], stale: [], unreasoned: [] });
  });

  test("names undetected mutants without a row, rows without a mutant, and rows without a reason", () => {
    const rows = readEquivalents("| src/x.ts:9:1 | ConditionalExpression | `a \\|\\| b` | |\n");
    expect(summarize(fake, rows)).toMatchObject({
      unexplained: ["src/x.ts:3:7 ConditionalExpression a || b"],
      stale: ["src/x.ts:9:1 ConditionalExpression a || b"],
      unreasoned: ["src/x.ts:9:1 ConditionalExpression a || b"],
    });
  });
});
