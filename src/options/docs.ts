/**
 * What the options' schemas say, written out for people: the README's options table and the
 * public types (src/options/types.ts, plain interfaces with JSDoc: a consumer's declarations need
 * no zod, and an editor shows each option's description). `npm run options-table` writes both;
 * tests fail when either differs from the schemas, and the compiler when the types differ from
 * `z.input`/`z.output`.
 */
import type { z } from "zod";
import { fieldsOf, optionDocs, type OptionDoc, unwrap } from "./fields.ts";
import { optionGroups } from "./schema.ts";

/** Where the README's table starts and ends. */
const TABLE_START = "<!-- options table: written by `npm run options-table` from src/options/schema.ts -->";
const TABLE_END = "<!-- end of the options table -->";

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  defaultValue?: unknown;
}
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** The default of a field (undefined when it has none). */
function defaultOf(schema: z.ZodType): unknown {
  const def = defOf(schema);
  if (def.type === "default" || def.type === "prefault") return def.defaultValue;
  return def.innerType ? defaultOf(def.innerType) : undefined;
}

/** Whether the resolved options may lack this field (it has no default). */
function isOptional(schema: z.ZodType): boolean {
  const def = defOf(schema);
  return def.type === "optional" || (def.type !== "default" && def.type !== "prefault" && !!def.innerType && isOptional(def.innerType));
}

/** A value as code: `"/search/"`, `[480, 800, 1200]`, `{ name: "git-gateway", branch: "main" }`. */
function code(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(code).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${code(v)}`)
      .join(", ")} }`;
  }
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** The TypeScript type of a value's schema (the resolved form: groups and items by their type names). */
function typeOf(schema: z.ZodType, named = true): string {
  const doc = optionDocs.get(schema);
  if (doc?.tsType) return doc.tsType;
  if (named && doc?.typeName) return doc.typeName;
  const def = defOf(schema);
  switch (def.type) {
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "date":
      return "Date";
    case "literal":
      return (def.values ?? []).map((v) => JSON.stringify(v)).join(" | ");
    case "enum":
      return Object.values(def.entries ?? {})
        .map((v) => JSON.stringify(v))
        .join(" | ");
    case "array": {
      const element = typeOf(def.element!);
      return /[|&]/.test(element) && !/^[{(]/.test(element) ? `(${element})[]` : `${element}[]`;
    }
    case "union": {
      const types = [...new Set((def.options ?? []).map((option) => typeOf(option)))];
      // "" | string is a string; false | string stays as it is.
      return types.filter((t) => !(types.includes("string") && /^"/.test(t))).join(" | ");
    }
    case "object":
      return `{ ${Object.entries(def.shape ?? {})
        .map(([key, field]) => `${key}${isOptional(field) ? "?" : ""}: ${typeOf(field)}`)
        .join("; ")} }`;
    case "pipe":
      return typeOf(unwrap(schema));
    default:
      if (def.innerType) return typeOf(def.innerType, named);
      throw new Error(`options: no TypeScript type for a zod ${def.type}: give the option a tsType`);
  }
}

/** A JSDoc comment: the description, and the default. */
function jsDoc(doc: OptionDoc | undefined, value: unknown, indent: string): string {
  const lines = [...(doc?.description ?? "").split("\n")];
  if (doc?.shownDefault) lines.push(`@default ${doc.shownDefault}`);
  else if (value !== undefined) lines.push(`@default ${code(value)}`);
  const width = 100 - indent.length - 3;
  const wrapped = lines.flatMap((line) => wrap(line.replace(/\*\//g, "*\\/"), width));
  if (wrapped.length === 1 && wrapped[0]!.length <= width - 6) return `${indent}/** ${wrapped[0]} */\n`;
  return `${indent}/**\n${wrapped.map((line) => `${indent} * ${line}`).join("\n")}\n${indent} */\n`;
}

/** A line cut at spaces into lines of at most `width` characters (a longer word stays whole). */
function wrap(line: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...lines, current];
}

/** src/options/types.ts: the options as plain interfaces. */
export function optionTypes(): string {
  const out: string[] = [
    "// Written by `npm run options-table` from src/options/schema.ts: edit the schema, not this file.",
    "// Plain types, so that the package's declarations need no zod; the compiler checks that they are",
    "// the schema's own (z.input and z.output, test/unit/options/types.test.ts).",
    'import type MarkdownIt from "markdown-it";',
    "",
  ];
  const emitted = new Set<string>();
  const emitNamed = (schema: z.ZodType) => {
    const doc = optionDocs.get(schema);
    const name = doc?.typeName;
    if (!name || emitted.has(name)) return;
    emitted.add(name);
    const fields = fieldsOf(schema);
    for (const field of Object.values(fields ?? {})) visitNamed(field);
    if (defOf(unwrap(schema)).type === "object") {
      out.push(`${jsDoc(doc, undefined, "").trimEnd()}\nexport interface ${name} {`);
      for (const [key, field] of Object.entries(fields!)) {
        const fieldDoc = optionDocs.get(field);
        out.push(`${jsDoc(fieldDoc, defaultOf(field), "  ")}  ${key}${isOptional(field) ? "?" : ""}: ${typeOf(field)};`);
      }
      out.push("}", "");
    } else {
      out.push(`${jsDoc(doc, undefined, "").trimEnd()}\nexport type ${name} = ${typeOf(schema, false)};`, "");
    }
  };
  const visitNamed = (schema: z.ZodType): void => {
    const def = defOf(schema);
    if (optionDocs.get(schema)?.typeName) return emitNamed(schema);
    for (const inner of [def.innerType, def.element, def.in, def.out, ...(def.options ?? [])]) if (inner) visitNamed(inner);
  };
  for (const schema of Object.values(optionGroups.shape)) visitNamed(schema);

  out.push("/** The options as the plugin uses them: every field set, the defaults filled in. */", "export interface NewsroomOptions {");
  for (const [key, schema] of Object.entries(optionGroups.shape)) {
    const doc = optionDocs.get(schema);
    out.push(
      `${jsDoc(doc, doc?.typeName ? undefined : defaultOf(schema), "  ")}  ${key}${isOptional(schema) ? "?" : ""}: ${typeOf(schema)};`,
    );
  }
  out.push("}", "");
  out.push(
    "/**",
    " * What `eleventyConfig.addPlugin(newsroom, options)` accepts: every option optional, a group's",
    " * fields too; an optional feature also `true` (on, with its defaults) or `false` (off).",
    " */",
    "export interface NewsroomUserOptions {",
  );
  for (const [key, schema] of Object.entries(optionGroups.shape)) {
    const doc = optionDocs.get(schema);
    const type = doc?.typeName ? `${doc.feature ? "boolean | " : ""}Partial<${doc.typeName}>` : typeOf(schema);
    out.push(`${jsDoc(doc, doc?.typeName ? undefined : defaultOf(schema), "  ")}  ${key}?: ${type};`);
  }
  out.push("}", "");
  return out.join("\n");
}

/** The README's options table: a row per option, a group's row first with what it is (and, for a feature, whether it is on). */
export function optionsTable(): string {
  const rows = ["| option | default | meaning |", "| --- | --- | --- |"];
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  for (const [key, schema] of Object.entries(optionGroups.shape)) {
    const doc = optionDocs.get(schema);
    const fields = fieldsOf(schema);
    if (!fields || doc?.tsType) {
      rows.push(`| \`${key}\` | ${cell(doc?.shownDefault ?? `\`${code(defaultOf(schema))}\``)} | ${cell(doc?.description ?? "")} |`);
      continue;
    }
    const absent = doc?.feature?.absent as { enabled?: boolean } | undefined;
    const state = doc?.feature ? (absent?.enabled === false ? "off" : "on") : "";
    rows.push(`| \`${key}\` | ${state} | ${cell(doc?.description ?? "")} |`);
    for (const [field, inner] of Object.entries(fields)) {
      if (doc?.feature && field === "enabled") continue; // the group's row says it
      const fieldDoc = optionDocs.get(inner);
      const value = defaultOf(inner);
      const shown = fieldDoc?.shownDefault ?? (value === undefined ? "none" : `\`${code(value)}\``);
      rows.push(`| \`${key}.${field}\` | ${cell(shown)} | ${cell(fieldDoc?.description ?? "")} |`);
    }
  }
  return rows.join("\n");
}

/** The README with its options table written from the schemas. */
export function readmeWithOptionsTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md: the options table's markers are missing:\n${TABLE_START}\n${TABLE_END}`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${optionsTable()}\n\n${readme.slice(end)}`;
}
