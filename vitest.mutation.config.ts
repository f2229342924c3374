// The tests the mutation run (npm run mutation, stryker.config.mjs) runs against each mutant: the unit
// tests and the post loader's property test. They exercise the mutated modules directly and take
// seconds; the integration tests that build sites with Eleventy would make every run minutes long.
import { relative } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Quick files first: a mutant's run stops at its first failing test, so a mutant the quick unit
 * tests catch never waits for a slow file (vitest's own order runs the slowest first). Files that
 * failed in the run before come first, as in vitest's order: they often catch the next mutant too.
 */
class QuickFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const stats = (file: TestSpecification) => {
      const key = `${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`;
      return { result: cache.getFileTestResults(key), size: cache.getFileStats(key)?.size ?? 0 };
    };
    return [...files].sort((a, b) => {
      const [x, y] = [stats(a), stats(b)];
      if (Boolean(x.result?.failed) !== Boolean(y.result?.failed)) return x.result?.failed ? -1 : 1;
      if (x.result && y.result) return x.result.duration - y.result.duration;
      return x.size - y.size;
    });
  }
}

export default defineConfig({
  test: {
    name: "mutation",
    include: ["test/unit/**/*.test.ts", "test/integration/load-posts-property.test.ts"],
    // The committed report's own test reads what the run is writing.
    exclude: ["test/unit/repo/mutation-report.test.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    sequence: { sequencer: QuickFirst },
  },
});
