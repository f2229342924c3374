/**
 * The options, as the modules that read them have always imported them. They are declared in
 * src/options/: schema.ts (one schema per group), resolve.ts (defaults, checks and messages),
 * types.ts (the types, written from the schemas).
 */
export { defaults, resolveOptions } from "./resolve.ts";
export type * from "./types.ts";
