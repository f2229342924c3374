/** Reading a post file into front matter and body (src/posts/frontmatter.ts): the forms accepted, and each refusal in words. */
import { describe, expect, test, vi } from "vitest";
import { MAX_FRONT_MATTER_BYTES, splitFrontMatter } from "../../../src/posts/frontmatter.ts";

const source = (raw: string) => {
  const result = splitFrontMatter(raw);
  if (!result.ok) throw new Error(`refused: ${result.found}`);
  return result.source;
};
const refusal = (raw: string) => {
  const result = splitFrontMatter(raw);
  if (result.ok) throw new Error("accepted");
  return { expected: result.expected, found: result.found };
};

describe("what is read", () => {
  test("only a leading byte-order mark is dropped; one inside the text is the author's", () => {
    expect(source("\uFEFF---\ntitle: Tin\n---\nA\uFEFFB\n")).toEqual({
      data: { title: "Tin" },
      body: "A\uFEFFB\n",
      frontMatter: "title: Tin",
      language: "yaml",
    });
    expect(source("---\ntitle: Tin\n---\nA\uFEFFB\n").body).toBe("A\uFEFFB\n");
  });

  test("old Mac line endings (CR alone) read like LF, as CRLF do", () => {
    expect(source("---\rtitle: Tin\rdate: 2019-10-18\r---\rDòng 1\rDòng 2\r")).toEqual({
      data: { title: "Tin", date: "2019-10-18" },
      body: "Dòng 1\nDòng 2\n",
      frontMatter: "title: Tin\ndate: 2019-10-18",
      language: "yaml",
    });
  });

  test("the delimiters may carry trailing spaces; the body starts after the closing line; a file may end at it", () => {
    expect(source("---  \ntitle: Tin\n--- \t\nThân bài\n---\nvẫn là thân bài\n")).toEqual({
      data: { title: "Tin" },
      body: "Thân bài\n---\nvẫn là thân bài\n",
      frontMatter: "title: Tin",
      language: "yaml",
    });
    expect(source("---\ntitle: Tin\n---")).toEqual({ data: { title: "Tin" }, body: "", frontMatter: "title: Tin", language: "yaml" });
  });

  test("the front matter is kept as written, for messages that quote the author", () => {
    expect(source("---\ntitle: 007\ntags: [1.10]\n---\n").frontMatter).toBe("title: 007\ntags: [1.10]");
  });

  test("YAML's core schema: dates stay text, null-like values are null, yes and no are text", () => {
    expect(source("---\ndate: 2019-10-18\nupdated: 2019-10-18 14:30\nsummary: ~\ndraft: no\n---\n").data).toEqual({
      date: "2019-10-18",
      updated: "2019-10-18 14:30",
      summary: null,
      draft: "no",
    });
  });

  test("front matter of nothing but comments is empty", () => {
    expect(source("---\n# chưa có gì\n---\nThân bài\n").data).toEqual({});
  });

  test(`front matter up to ${MAX_FRONT_MATTER_BYTES / 1024} KB is read`, () => {
    const yaml = `title: "${"a".repeat(MAX_FRONT_MATTER_BYTES - 9)}"`;
    expect(Buffer.byteLength(yaml)).toBe(MAX_FRONT_MATTER_BYTES);
    expect(source(`---\n${yaml}\n---\n`).data.title).toHaveLength(MAX_FRONT_MATTER_BYTES - 9);
  });
});

describe("what is refused, in words", () => {
  test("no front matter at the top", () => {
    const expected = { expected: 'front matter between two "---" lines at the top of the file', found: "no opening ---" };
    expect(refusal("title: Tin\n")).toEqual(expected);
    expect(refusal("\n---\ntitle: Tin\n---\n")).toEqual(expected);
    expect(refusal("----\ntitle: Tin\n---\n")).toEqual(expected);
  });

  test("front matter never closed", () => {
    expect(refusal("---\ntitle: Tin\n--\n")).toEqual({ expected: 'front matter closed by a "---" line', found: "no closing ---" });
  });

  test(`front matter over ${MAX_FRONT_MATTER_BYTES / 1024} KB, counted in bytes (Vietnamese letters take two or three)`, () => {
    const yaml = `title: "${"ạ".repeat(30_000)}"`; // 90,009 bytes, 30,009 characters
    expect(refusal(`---\n${yaml}\n---\n`)).toEqual({ expected: "front matter of at most 64 KB", found: "88 KB" });
    const justOver = `title: "${"a".repeat(MAX_FRONT_MATTER_BYTES - 8)}"`;
    expect(refusal(`---\n${justOver}\n---\n`)).toEqual({ expected: "front matter of at most 64 KB", found: "65 KB" });
  });

  test("YAML anchors and aliases, wherever the anchor is", () => {
    const expected = 'plain YAML without anchors and aliases (&name, *name); quote a value that starts with "&" or "*"';
    expect(refusal("---\ntitle: &t Tin\nsummary: *t\n---\n")).toEqual({ expected, found: "the anchor &t" });
    expect(refusal("---\n&top\ntitle: Tin\n---\n")).toEqual({ expected, found: "the anchor &top" });
    expect(refusal("---\ntags: [&a x, *a]\n---\n")).toEqual({ expected, found: expect.stringMatching(/^the anchor \[?&a$/) });
    expect(source('---\ntitle: "Tin & bài"\nauthor: "&a"\n---\n').data).toEqual({ title: "Tin & bài", author: "&a" });
  });

  test("invalid YAML: the parser's reason, its first line", () => {
    const result = splitFrontMatter("---\ntitle: [unclosed\n---\n");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.found).toBe("a YAML error: unexpected end of the stream within a flow collection (2:1)");
      expect(result.found).not.toContain("\n");
    }
  });

  test("YAML that is not key: value pairs", () => {
    expect(refusal("---\n- a\n- b\n---\n")).toEqual({ expected: "YAML key: value pairs", found: "a list" });
    expect(refusal("---\nchỉ một dòng chữ\n---\n")).toEqual({ expected: "YAML key: value pairs", found: 'the string "chỉ một dòng chữ"' });
    expect(refusal("---\n42\n---\n")).toEqual({ expected: "YAML key: value pairs", found: "the number 42" });
  });
});

// #21 item 8: Eleventy reads `---json` front matter; it was refused as "no opening ---".
describe("JSON front matter (---json), read as Eleventy reads it", () => {
  test("the same fields from JSON, kept as written, after ---json, --- json or ---JSON; ---yaml is YAML", () => {
    const json = '{\n  "title": "Tin",\n  "date": "2019-10-18",\n  "tags": ["a", "b"],\n  "draft": false\n}';
    expect(source(`---json\n${json}\n---\nThân bài\n`)).toEqual({
      data: { title: "Tin", date: "2019-10-18", tags: ["a", "b"], draft: false },
      body: "Thân bài\n",
      frontMatter: json,
      language: "json",
    });
    expect(source(`--- json \r\n${json.replace(/\n/g, "\r\n")}\r\n---\r\n`).data.title).toBe("Tin");
    expect(source(`\uFEFF---JSON\n${json}\n---\n`).language).toBe("json");
    expect(source("---json\n---\n").data).toEqual({});
    expect(source("---yaml\ntitle: Tin\n---\n")).toMatchObject({ data: { title: "Tin" }, language: "yaml" });
  });

  test("invalid JSON: the parser's reason with the line and column in the front matter, on every Node version", () => {
    expect(refusal('---json\n{\n  "title": "Tin",\n  "date" "2019-10-18"\n}\n---\n')).toEqual({
      expected: "valid JSON",
      found: expect.stringMatching(/^a JSON error: .+ \(3:10\)$/),
    });
    expect(refusal('---json\n{ "title": "Tin",\n---\n')).toEqual({
      expected: "valid JSON",
      found: expect.stringMatching(/^a JSON error: /),
    });
  });

  // mutation gap: posts/frontmatter.ts the reason without V8's " in JSON at position N"
  test("invalid JSON: the reason is the parser's words and the place, without the position in bytes", () => {
    expect(refusal('---json\n{\n  "title": "Tin",\n  "date" "2019-10-18"\n}\n---\n').found).toBe("a JSON error: Unexpected string (3:10)");
  });

  // mutation gap: posts/frontmatter.ts a JSON error without a position is given as the parser says it
  test("invalid JSON whose error names no position: the parser's message as it is", () => {
    const text = '{ "title": }';
    let message = "";
    try {
      JSON.parse(text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toMatch(/position/);
    expect(refusal(`---json\n${text}\n---\n`)).toEqual({ expected: "valid JSON", found: `a JSON error: ${message}` });
    expect(refusal("---json\n[\n---\n").found).toBe("a JSON error: Unexpected end of JSON input");
  });

  // mutation gap: posts/frontmatter.ts Node 22's messages end with "(line N column M)": read as on Node 20
  test.each([
    ["a one-digit line and a two-digit column", `{\n  "title": "Tin",\n  "date" "2019-10-18"\n}`, "3", "10", "Unexpected string (3:10)"],
    ["a two-digit line", `{\n${'  "a": 1,\n'.repeat(10)}  "b" 2\n}`, "12", "7", "Unexpected number (12:7)"],
  ])("Node 22's JSON error with %s reads as the place in the front matter", (_, text, line, column, reason) => {
    const parse = JSON.parse;
    const spy = vi.spyOn(JSON, "parse").mockImplementation((json: string, reviver) => {
      try {
        return parse(json, reviver);
      } catch (error) {
        // What Node 22 (V8 12) says: Node 20's message with the line and column after it.
        const message = (error as Error).message.replace(/ \(line \d+ column \d+\)$/, "");
        throw json === text ? new SyntaxError(`${message} (line ${line} column ${column})`) : error;
      }
    });
    try {
      expect(refusal(`---json\n${text}\n---\n`).found).toBe(`a JSON error: ${reason}`);
    } finally {
      spy.mockRestore();
    }
  });

  // mutation gap: posts/frontmatter.ts whitespace-only JSON front matter is no fields
  test("JSON front matter of spaces only is no fields, as an empty one", () => {
    expect(source("---json\n \n---\n").data).toEqual({});
  });

  // mutation gap: posts/frontmatter.ts valid JSON that js-yaml cannot read for another reason stands
  test("valid JSON that YAML cannot read (a line break before the colon, nesting past 100) is read as JSON", () => {
    expect(source('---json\n{"title"\n: "Tin"}\n---\n').data).toEqual({ title: "Tin" });
    const deep = `{"title": "Tin", "x": ${"[".repeat(101)}${"]".repeat(101)}}`;
    expect(source(`---json\n${deep}\n---\n`).data).toEqual(JSON.parse(deep));
  });

  test("a key written twice is refused, as YAML refuses it (JSON.parse would keep the last)", () => {
    expect(refusal('---json\n{\n  "date": "2019-10-18",\n  "title": "Tin",\n  "date": "2020-01-01"\n}\n---\n')).toEqual({
      expected: "valid JSON with each key once",
      found: 'the key "date" written twice (4:3)',
    });
    // mutation gap: posts/frontmatter.ts a key written twice that is not the first key on its line
    expect(refusal('---json\n{"b": 1, "a": 2, "a": 3}\n---\n').found).toBe('the key "a" written twice (1:18)');
  });

  test("JSON that is not an object of fields", () => {
    const expected = 'a JSON object of "key": value pairs';
    expect(refusal('---json\n["a"]\n---\n')).toEqual({ expected, found: "a list" });
    expect(refusal('---json\n"Tin"\n---\n')).toEqual({ expected, found: 'the string "Tin"' });
    expect(refusal("---json\nnull\n---\n")).toEqual({ expected, found: "the value null" });
  });

  test("other front matter languages are named, with what is read", () => {
    expect(refusal("---js\n{ title: 'Tin' }\n---\n")).toEqual({
      expected: 'YAML front matter (after a "---" line) or JSON (after "---json")',
      found: 'front matter in "js" (the line "---js")',
    });
    expect(refusal("---toml\ntitle = 'Tin'\n---\n").found).toBe('front matter in "toml" (the line "---toml")');
  });
});
