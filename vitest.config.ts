import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts", "test/package/**/*.test.ts"],
          // Integration tests change the working directory to their fixture site: forks allow that.
          pool: "forks",
          testTimeout: 60_000,
          // Fixture sites are built in beforeAll hooks (one holds a 5 MB post): give slow machines room.
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          pool: "forks",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page's first search waits for Pagefind (and, the first time, the service worker's
          // downloads) while other test files load the machine: give polls room.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
