// Mutation testing (npm run mutation): StrykerJS changes the modules that decide what readers get,
// one small change (a "mutant") at a time, and runs the tests that reach that code against each; a
// mutant no test notices shows a behaviour the tests do not hold. Reports: reports/mutation/.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts", pool: "forks", related: true },
  coverageAnalysis: "perTest",
  mutate: [
    "src/posts/post.ts",
    "src/posts/post-schema.ts",
    "src/posts/frontmatter.ts",
    "src/posts/load-posts.ts",
    "src/kernel/dates.ts",
    "src/kernel/slug.ts",
    "src/kernel/text.ts",
    "src/options/fields.ts",
    "src/options/schema.ts",
    "src/options/resolve.ts",
    // Each feature's option schema, composed into the root schema above.
    "src/features/*/options.ts",
    "src/features/archives/archives.ts",
    // Search records and the đ/Đ folding (the rest of the indexer drives Pagefind: integration tests).
    "src/features/search/indexer.ts:28-98",
    "src/features/search/parts.ts",
    "src/features/offline/service-worker.ts",
    "src/cli/build.ts",
    "src/cli/output-lock.ts",
    "src/cli/output-guard.ts",
  ],
  // Code that runs when a module is loaded (constants, the defaults object) would need every test
  // file run again for each of its mutants, most of the run's time: those mutants are listed as
  // ignored. Mutants also reached from inside tests are still tested, by those tests. So test files
  // import the modules at their top: a module first imported inside a test counts its load-time code
  // (and that of every module it loads) as covered by that one test, which then judges it alone.
  ignoreStatic: true,
  // Re-runs test only the mutants whose code or tests changed since the last run.
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, reportTests: false, reportMutants: false },
  concurrency: 2,
  timeoutMS: 10_000,
  tempDirName: ".stryker-tmp",
  ignorePatterns: ["_site", "_site.*", ".cache", "bench/.work", "dist.*", "reports", ".stryker-tmp", "tmp"],
  thresholds: { high: 90, low: 85, break: null },
};
