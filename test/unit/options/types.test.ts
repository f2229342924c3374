/**
 * #22 item 1: the public option types are the schemas' own — `NewsroomUserOptions` is what the
 * root schema accepts (`z.input`), `NewsroomOptions` what it gives (`z.output`), checked by the
 * compiler (`npm run typecheck`) — and the package's declarations of them need no zod.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, expectTypeOf, test } from "vitest";
import type { z } from "zod";
import type { newsroomOptions } from "../../../src/options/schema.ts";
import type { NewsroomOptions, NewsroomUserOptions } from "../../../src/options/types.ts";
import { repoRoot } from "../../helpers/cli.ts";

test("#22: NewsroomUserOptions is z.input of the schema, NewsroomOptions its z.output", () => {
  expectTypeOf<NewsroomUserOptions>().toEqualTypeOf<z.input<typeof newsroomOptions>>();
  expectTypeOf<NewsroomOptions>().toEqualTypeOf<z.output<typeof newsroomOptions>>();
});

test("#22: the shorthand is in the types: an optional feature takes a boolean, a plain group does not", () => {
  expectTypeOf<{ search: false; offline: false; tags: false; cms: true; related: false }>().toExtend<NewsroomUserOptions>();
  expectTypeOf<{ site: string }>().not.toExtend<NewsroomUserOptions>();
  expectTypeOf<{ offline: "no" }>().not.toExtend<NewsroomUserOptions>();
});

test("#22: the compiled declarations of the options are plain types, without zod", () => {
  const dist = path.join(repoRoot, "dist");
  expect(existsSync(path.join(dist, "options/types.d.ts")), "run npm run build:lib").toBe(true);
  for (const file of ["options/types.d.ts", "options/resolve.d.ts", "options/index.d.ts"]) {
    expect(readFileSync(path.join(dist, file), "utf8"), file).not.toMatch(/zod/);
  }
  expect(readFileSync(path.join(dist, "options/types.d.ts"), "utf8")).toContain("export interface NewsroomUserOptions {");
});
