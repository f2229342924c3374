/**
 * The post schema (src/posts/post-schema.ts) as editors and other tools see it: the JSON Schema
 * shipped in the package, read by a standard validator (ajv), judges posts as the build does
 * wherever a post can be judged on its own; its patterns agree with the build's checks; the
 * README's field table is the schema's.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { splitFrontMatter } from "../../../src/posts/frontmatter.ts";
import { PostLoader } from "../../../src/posts/load-posts.ts";
import {
  FRONT_MATTER_KEYS,
  IMAGE_PATTERN,
  imageFormProblem,
  isLocalPath,
  POST_DATE_PATTERN,
  postJsonSchema,
  type PostFrontMatter,
} from "../../../src/posts/post-schema.ts";
import { parsePostDate } from "../../../src/kernel/dates.ts";
import { type PostProblem, PostsError } from "../../../src/kernel/errors.ts";
import { defaults } from "../../../src/options/index.ts";
import { isUrlSafeSlug } from "../../../src/kernel/slug.ts";
import { repoRoot } from "../../helpers/cli.ts";
import { consoleLog } from "../../../src/kernel/log.ts";

const schema = postJsonSchema();
const ajv = new Ajv({ strict: true, allowUnionTypes: true });
const validate = ajv.compile(schema);
const properties = schema.properties as Record<string, { description: string; pattern?: string; anyOf?: { pattern?: string }[] }>;

/** The front matter of a post file as the build reads it, or undefined when it is not YAML data. */
function frontMatterOf(file: string): Record<string, unknown> | undefined {
  const split = splitFrontMatter(readFileSync(file, "utf8"));
  return split.ok ? split.source.data : undefined;
}

/** The field the validator's first complaint is about. */
const fieldOf = (error: ErrorObject) =>
  error.keyword === "required" ? String(error.params.missingProperty) : (error.instancePath.split("/")[1] ?? "");

test("the package ships the schema: dist/post.schema.json is the schema's JSON Schema, exported as post.schema.json", () => {
  const shipped = path.join(repoRoot, "dist/post.schema.json");
  expect(existsSync(shipped), "run npm run build:lib first").toBe(true);
  expect(JSON.parse(readFileSync(shipped, "utf8"))).toEqual(schema);
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  expect(pkg.exports["./post.schema.json"]).toBe("./dist/post.schema.json");
  expect(pkg.files).toContain("dist");
});

test("one list of fields: the JSON Schema's properties are the build's known keys, title and date required", () => {
  expect(Object.keys(properties)).toEqual(FRONT_MATTER_KEYS);
  expect(schema.required).toEqual(["title", "date"]);
  expect(schema.additionalProperties).toBe(false);
  for (const key of FRONT_MATTER_KEYS) expect(properties[key]?.description, key).toMatch(/\S/);
  // The TypeScript type comes from the same definition (checked by npm run typecheck).
  const post: PostFrontMatter = { title: "Tin", date: "2019-10-18", tags: ["Sông Mã", 2020], draft: null, featured: true };
  expect(validate(post)).toBe(true);
});

test("every demo post in posts/ is valid against the JSON Schema", () => {
  const dir = path.join(repoRoot, "posts");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
  expect(files.length).toBeGreaterThan(40);
  for (const file of files) {
    const data = frontMatterOf(path.join(dir, file));
    expect(data, file).toBeDefined();
    expect(validate(data) ? [] : validate.errors, file).toEqual([]);
  }
});

describe("the bad posts of test/fixtures/bad-posts: the JSON Schema's verdict is the build's, file by file", () => {
  const dir = path.join(repoRoot, "test/fixtures/bad-posts");
  const files = readdirSync(dir).filter((f) => f.endsWith(".md"));

  // What a schema of one post's front matter cannot know. Every other bad post is refused by the
  // JSON Schema, on the same field as the build.
  const beyondTheSchema: Record<string, string> = {
    "invalid-yaml.md": "not YAML: there is no data to validate (an editor's YAML parser flags the syntax)",
    "yaml-aliases.md": "anchors and aliases are refused before the YAML is read, whatever the values",
    "nested-too-deep.md": "the markdown body is too deeply nested; the front matter is fine",
    "missing-image.md": "whether /images/khong-co-anh.jpg exists is a question about the site's files",
    "year-zero.md": "the plausible years are a site option (dateRange, counted from the build's day)",
    "updated-before-date.md": "a JSON Schema compares no two fields (and instants need the site's time zone)",
    "same-url-a.md": "two posts sharing a URL: a question about the whole folder",
    "same-url-b.md": "two posts sharing a URL: a question about the whole folder",
  };

  let problems: readonly PostProblem[];
  beforeAll(async () => {
    const loader = new PostLoader({
      postsDir: dir,
      projectRoot: dir,
      inputDir: dir,
      timeZone: "Asia/Ho_Chi_Minh",
      permalink: defaults.permalink,
      archives: defaults.archives,
      excerptLength: 200,
      dateRange: { ...defaults.dateRange, now: new Date("2026-01-01T00:00:00Z") },
      log: consoleLog,
    });
    const error = await loader.load().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PostsError);
    problems = (error as PostsError).problems;
  });

  test("the list of what the schema cannot judge names fixtures that exist", () => {
    for (const file of Object.keys(beyondTheSchema)) expect(files).toContain(file);
  });

  test.each(files)("%s", (file) => {
    const build = problems.filter((p) => p.file === file);
    expect(build.length, "the build refuses it").toBeGreaterThan(0);
    const data = frontMatterOf(path.join(dir, file));
    const valid = data !== undefined && validate(data);
    if (file in beyondTheSchema) {
      expect(valid || data === undefined, `${file} is refused by the schema now: take it off the list`).toBe(true);
    } else {
      expect(valid, "the JSON Schema refuses it").toBe(false);
      expect(fieldOf(validate.errors![0]!)).toBe(build[0]!.field);
    }
  });
});

describe("the JSON Schema's patterns are the build's checks", () => {
  // Pieces of dates, good and bad, put together at random.
  const day = fc.tuple(
    fc.constantFrom("2019", "2020", "2000", "1900", "0000", "2100", "9999", "2024", "1996", "0400", "19", "20201"),
    fc.constantFrom("01", "02", "04", "06", "09", "10", "11", "12", "00", "13", "1"),
    fc.constantFrom("01", "09", "10", "28", "29", "30", "31", "32", "00", "1"),
  );
  const time = fc.tuple(
    fc.constantFrom("T", "t", " ", "  ", "", "x", "T "),
    fc.constantFrom("00", "06", "23", "24", "25", "6"),
    fc.constantFrom(":00", ":59", ":60", "", ":5"),
    fc.constantFrom("", ":00", ":59", ":60", ":00.5", ":00.123456789", ":00.1234567890", ":00."),
    fc.constantFrom("", "Z", "z", "+07:00", "+0700", "+07", "-14:59", "+14:00", "+15:00", "+07:60", "+7", "+07:0", "-00:00"),
  );
  const dateText = fc
    .tuple(fc.constantFrom("", " "), day, fc.option(time, { nil: undefined }), fc.constantFrom("", " ", "\n"))
    .map(([before, [y, m, d], t, after]) => `${before}${y}-${m}-${d}${t ? t.join("") : ""}${after}`);

  test("a date matches the pattern exactly when the build parses it", () => {
    fc.assert(
      fc.property(fc.oneof(dateText, fc.string({ maxLength: 30 })), (text) => {
        // One exception, a slip of parsePostDate that the pattern (and so the build) corrects:
        // its 24:00 check looks for an uppercase "T", and luxon reads "t24:00Z" as the next day.
        const parsed = parsePostDate(text, "UTC").ok && !/\dt24:/.test(text);
        expect(POST_DATE_PATTERN.test(text), text).toBe(parsed);
      }),
      { numRuns: 20000 },
    );
  });

  test("the JSON Schema carries the date pattern for date and updated", () => {
    expect(properties.date?.pattern).toBe(POST_DATE_PATTERN.source);
    expect(properties.updated?.anyOf?.[0]?.pattern).toBe(POST_DATE_PATTERN.source);
  });

  /** The image rule as the build wrote it before the schema (statement by statement): the reference. */
  const reference = (image: string): boolean => {
    if (!isLocalPath(image)) return /^https?:\/\/[^/]/i.test(image);
    const file = image.split(/[?#]/)[0] ?? image;
    if (!file.startsWith("/")) return false;
    if (file.split("/").some((segment) => segment === ".." || segment === ".")) return false;
    return /\.(?:jpe?g|png|gif|webp|avif|svg)$/i.test(file);
  };
  const segment = fc.constantFrom(
    "",
    ".",
    "..",
    "images",
    "a b",
    "x.jpg",
    "X.JPEG",
    ".svg",
    "a.txt",
    "anh.webp",
    "c:",
    "x.avif.",
    "?v=2",
    "#a",
  );
  const image = fc
    .tuple(
      fc.constantFrom("", " ", "/", "//", "http://", "HTTPS://", "https:///", "ftp://", "javascript:", "data:", "./", "../"),
      fc.array(segment, { maxLength: 4 }),
      fc.constantFrom("", "?v=2", "#top", "?a/../b.jpg", " ", "/"),
    )
    .map(([start, parts, end]) => `${start}${parts.join("/")}${end}`);

  test("an image matches the pattern exactly when the build accepts its form", () => {
    const written = new RegExp(properties.image!.pattern!);
    fc.assert(
      fc.property(fc.oneof(image, fc.string({ maxLength: 20 })), (text) => {
        const trimmed = text.trim();
        if (trimmed) {
          expect(IMAGE_PATTERN.test(trimmed), trimmed).toBe(reference(trimmed));
          expect(imageFormProblem(trimmed) === undefined).toBe(reference(trimmed));
        }
        expect(written.test(text), JSON.stringify(text)).toBe(trimmed === "" || reference(trimmed));
      }),
      { numRuns: 20000 },
    );
  });

  test("a slug matches the pattern exactly when it is URL-safe", () => {
    const pattern = new RegExp((properties.slug as { anyOf: { pattern: string }[] }).anyOf[0]!.pattern);
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[a-z0-9-]{0,12}$/), fc.string({ maxLength: 12 })), (slug) => {
        expect(pattern.test(slug)).toBe(isUrlSafeSlug(slug));
      }),
    );
  });
});

test("with the site's sections, the category is one of them", () => {
  const site = ajv.compile(postJsonSchema({ categories: ["Thời sự", "Kinh tế"] }));
  expect(site({ title: "Tin", date: "2019-10-18", category: "Kinh tế" })).toBe(true);
  expect(site({ title: "Tin", date: "2019-10-18", category: "Thể thao" })).toBe(false);
  expect(validate({ title: "Tin", date: "2019-10-18", category: "Thể thao" })).toBe(true);
});

test("the README's field table is the schema's: every field, whether it is required, its description", () => {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const required = new Set(schema.required as string[]);
  const table = [
    "| field | required | what it takes |",
    "| --- | --- | --- |",
    ...FRONT_MATTER_KEYS.map((key) => `| \`${key}\` | ${required.has(key) ? "yes " : ""}| ${properties[key]!.description} |`),
  ].join("\n");
  expect(readme.includes(table), `README.md's table under "Writing posts" should read:\n\n${table}\n`).toBe(true);
});
