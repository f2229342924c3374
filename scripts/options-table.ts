// npm run options-table — writes the README's options table and the public option types
// (src/options/types.ts) from the options' schemas (src/options/schema.ts). Tests fail until
// both are written again after a schema changes.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { optionTypes, readmeWithOptionsTable } from "../src/options/docs.ts";

const root = path.resolve(import.meta.dirname, "..");
const write = (file: string, text: string) => {
  const target = path.join(root, file);
  const changed = readFileSync(target, "utf8") !== text;
  if (changed) writeFileSync(target, text);
  console.log(`${file}: ${changed ? "written" : "unchanged"}`);
};
write("src/options/types.ts", optionTypes());
write("README.md", readmeWithOptionsTable(readFileSync(path.join(root, "README.md"), "utf8")));
