/**
 * The public types as a consumer sees them: what the options accept and refuse, and that
 * Eleventy's own configuration object fits the plugin's parameter. Checked by `npm run
 * typecheck` (tsc) — a wrong type fails there; the assertions are no-ops at run time.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { expectTypeOf, test } from "vitest";
import newsroom, { type EleventyConfig, type NewsroomOptions, type NewsroomUserOptions, createFilters } from "../../../src/index.ts";

test("every option is optional, nested groups partially too", () => {
  expectTypeOf<Record<never, never>>().toExtend<NewsroomUserOptions>();
  expectTypeOf<{ site: { title: string } }>().toExtend<NewsroomUserOptions>();
  expectTypeOf<{ search: { cache: false } }>().toExtend<NewsroomUserOptions>();
  expectTypeOf<{ offline: { maxPages: number } }>().toExtend<NewsroomUserOptions>();
});

test("options keep their types: wrong ones do not compile", () => {
  expectTypeOf<{ pageSize: string }>().not.toExtend<NewsroomUserOptions>();
  expectTypeOf<{ drafts: "sometimes" }>().not.toExtend<NewsroomUserOptions>();
  expectTypeOf<{ search: { enabled: "yes" } }>().not.toExtend<NewsroomUserOptions>();
  expectTypeOf<NewsroomUserOptions["drafts"]>().toEqualTypeOf<boolean | "auto" | undefined>();
});

test("resolved options have every field set", () => {
  expectTypeOf<NewsroomOptions["site"]["title"]>().toEqualTypeOf<string>();
  expectTypeOf<NewsroomOptions["search"]["cache"]>().toEqualTypeOf<string | false>();
  expectTypeOf<NewsroomOptions["pageSize"]>().toEqualTypeOf<number>();
});

test("the plugin takes Eleventy's configuration object and the user options", () => {
  expectTypeOf<UserConfig>().toExtend<EleventyConfig>();
  expectTypeOf(newsroom).parameter(0).toEqualTypeOf<EleventyConfig>();
  expectTypeOf(newsroom).parameter(1).toEqualTypeOf<NewsroomUserOptions | undefined>();
  expectTypeOf(createFilters).parameter(0).toExtend<{ locale?: string; timeZone?: string } | undefined>();
  expectTypeOf(createFilters({}).longDate).returns.toEqualTypeOf<string>();
});
