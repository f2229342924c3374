/**
 * The one rule of imports (`npm run lint` checks it; README, "How the code is laid out"): a module
 * imports only from its own layer or the layers below it, and a feature never imports another.
 *
 *   kernel ← options ← posts ← features/<name> ← render ← build ← index ← cli
 *
 * A feature's option schema (features/<name>/options.ts) is the one exception to the order: the
 * root schema (options/schema.ts) composes the features' schemas, so each of them imports only
 * the kernel and options/fields.ts. A feature's browser scripts (features/<name>/client/) import
 * only their own feature's scripts and its contract.d.ts. Type-only imports count: a type is a
 * dependency too.
 */
const LAYERS = ["kernel", "options", "posts", "features", "render", "build", "index", "cli"];
const layerPath = (layer) => (layer === "index" ? "^src/index\\.ts$" : `^src/${layer}/`);

/** One rule per layer: nothing in it imports a layer above it. */
const FEATURE_OPTIONS = "^src/features/[^/]+/options\\.ts$";
const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `${layer}-imports-upward`,
  comment: `${layer} sits below ${LAYERS.slice(i + 1).join(", ")}: it must not import them`,
  severity: "error",
  from: { path: layerPath(layer) },
  to: { path: LAYERS.slice(i + 1).map(layerPath), ...(layer === "options" ? { pathNot: FEATURE_OPTIONS } : {}) },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: "feature-imports-another-feature",
      comment: "features do not import one another: what one needs from another comes through the build's context",
      severity: "error",
      from: { path: "^src/features/([^/]+)/" },
      to: { path: "^src/features/", pathNot: "^src/features/$1/" },
    },
    {
      name: "feature-options-import-more-than-fields",
      comment: "a feature's option schema is composed by the options layer: it imports only the kernel and options/fields.ts",
      severity: "error",
      from: { path: FEATURE_OPTIONS },
      to: { path: "^src/", pathNot: ["^src/kernel/", "^src/options/fields\\.ts$"] },
    },
    {
      name: "browser-script-imports-build-code",
      comment: "a feature's browser scripts import only their own feature's scripts and its contract.d.ts",
      severity: "error",
      from: { path: "^src/features/([^/]+)/client/" },
      to: { path: "^src/", pathNot: ["^src/features/$1/client/", "^src/features/$1/contract\\.d\\.ts$"] },
    },
    {
      name: "no-circular",
      comment: "an import circle makes the layers meaningless",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: "^src/",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js", ".d.ts"] },
  },
};
