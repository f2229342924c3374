/**
 * #22 item 1: the options are declared once, in their schemas; the README's options table and the
 * public types are written from them (`npm run options-table`) and these tests fail when either
 * drifts, as the post fields' table does (test/unit/posts/post-schema.test.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { optionsTable, optionTypes, readmeWithOptionsTable } from "../../../src/options/docs.ts";
import { fieldsOf, optionDocs } from "../../../src/options/fields.ts";
import { optionGroups } from "../../../src/options/schema.ts";
import { repoRoot } from "../../helpers/cli.ts";

const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");

test("#22: the README's options table is the schemas' (run npm run options-table after changing an option)", () => {
  expect(readmeWithOptionsTable(readme) === readme, `README.md's options table should read:\n\n${optionsTable()}\n`).toBe(true);
});

test("#22: src/options/types.ts is the schemas' (run npm run options-table after changing an option)", () => {
  // Under the mutation run (StrykerJS's sandbox), the file starts with the line Stryker adds to every TypeScript file.
  const written = readFileSync(path.join(repoRoot, "src/options/types.ts"), "utf8").replace(/^\/\/ @ts-nocheck\n/, "");
  expect(written).toBe(optionTypes());
});

test("#22: every option and every field of a group has a row, with a description and its default", () => {
  const rows = new Map(
    optionsTable()
      .split("\n")
      .slice(2)
      .map((row) => {
        const [, name, shown, meaning] = row.split(/(?<!\\)\|/).map((cell) => cell.trim());
        return [name!.replace(/`/g, ""), { shown: shown!, meaning: meaning! }];
      }),
  );
  for (const [name, schema] of Object.entries(optionGroups.shape)) {
    expect(rows.get(name)?.meaning, name).toMatch(/\w{3}/);
    for (const field of Object.keys(fieldsOf(schema) ?? {})) {
      if (field === "enabled" && optionDocs.get(schema)?.feature) continue;
      expect(rows.get(`${name}.${field}`)?.meaning, `${name}.${field}`).toMatch(/\w{3}/);
      expect(rows.get(`${name}.${field}`)?.shown, `${name}.${field}`).toMatch(/\S/);
    }
  }
  expect(rows.get("search")).toMatchObject({ shown: "on" });
  expect(rows.get("cms")).toMatchObject({ shown: "off" });
  expect(rows.get("search.partSize")).toMatchObject({ shown: "`5000`" });
  expect(rows.get("offline.precache")).toMatchObject({ shown: '`["**/*.css", "**/*.woff2"]`' });
  expect(rows.get("cms.backend")).toMatchObject({ shown: '`{ name: "git-gateway", branch: "main" }`' });
  expect(rows.get("site.language")).toMatchObject({ shown: "the `locale`" });
  // The group's row says whether a feature is on: its `enabled` has no row of its own.
  expect(rows.has("search.enabled")).toBe(false);
  for (const [name, row] of rows) expect(row.shown, name).not.toBe("`undefined`");
});
