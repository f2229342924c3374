// The tests the mutation run (npm run mutation, stryker.config.mjs) runs against each mutant: the unit
// tests and the post loader's property test. They exercise the mutated modules directly and take
// seconds; the integration tests that build sites with Eleventy would make every run minutes long.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "mutation",
    include: ["test/unit/**/*.test.ts", "test/integration/load-posts-property.test.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
