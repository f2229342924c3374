// ESLint: JavaScript's and typescript-eslint's recommended rules over the plugin, its browser
// scripts, the tests and the bench. Formatting is Prettier's job (npm run format:check).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "dist.*/", ".stryker-tmp/", "_site/", "bench/.work/", "reports/", ".cache/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Tests and Eleventy's untyped API need `any` at the edges; each use is local.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["src/features/*/client/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["src/features/offline/client/service-worker.js", "src/features/offline/client/service-worker-removal.js"],
    languageOptions: { globals: { ...globals.serviceworker, workbox: "readonly" } },
  },
);
