/**
 * #22: no module-level mutable state but what src/kernel/per-process.ts keeps. A module-level `let`
 * or `var`, a module-level `new Map()`/`new WeakMap()` (the usual cache), or `globalThis` anywhere
 * in src/ (browser scripts included) is state every site built in the process shares: it belongs in
 * the objects one build makes, or in per-process.ts with a name and a reason. The few exceptions are
 * listed below, each with why; an exception no longer found fails too, so the list stays true.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";

const src = path.join(repoRoot, "src");

/** The exceptions, as "<file under src/>: <finding>", and why each is one. */
const ALLOWED: Record<string, string> = {
  "kernel/per-process.ts: globalThis": "the one named place for per-process state",
  "features/archives/client/date-search.js: let daysPromise":
    "browser code: the module lives as long as the page, and the page's forms share one fetch of days.json",
  "features/offline/client/service-worker.js: new Map partStrategies":
    "the service worker: one per site in each browser, its module lives as long as the worker (one strategy per part's cache)",
  "kernel/slug.ts: new Map made": "a bounded memo of a pure function (the same slug for every site): no site sees another's",
  "options/resolve.ts: new Map documented": "filled once from the option schemas when the module loads, only read after",
};

/** What holds state at a module's top level, or reaches the global object: "let x", "var x", "new Map x", "globalThis". */
function moduleState(file: string, text: string): { line: number; finding: string }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".js") ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const found: { line: number; finding: string }[] = [];
  const at = (node: ts.Node, finding: string) =>
    found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, finding });
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const { flags } = statement.declarationList;
    const kind =
      flags & ts.NodeFlags.Let ? "let" : flags & (ts.NodeFlags.Const | ts.NodeFlags.Using | ts.NodeFlags.AwaitUsing) ? "const" : "var";
    for (const declaration of statement.declarationList.declarations) {
      const name = declaration.name.getText(source);
      if (kind !== "const") at(declaration, `${kind} ${name}`);
      else if (declaration.initializer && isNewMap(declaration.initializer)) at(declaration, `new Map ${name}`);
    }
  }
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && node.text === "globalThis") at(node, "globalThis");
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `new Map(…)` or `new WeakMap(…)`, through `as` casts and parentheses. */
function isNewMap(node: ts.Expression): boolean {
  while (ts.isAsExpression(node) || ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
  return ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ["Map", "WeakMap"].includes(node.expression.text);
}

/** Every .ts and .js file under src/ (declaration files hold no state), as paths under src/ with `/`. */
function sourceFiles(): string[] {
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => /\.(?:ts|js)$/.test(file) && !file.endsWith(".d.ts"))
    .sort();
}

describe("moduleState: what a module keeps at its top level", () => {
  test.each([
    ["let x = 0;", ["let x"]],
    ["export let x: number | undefined;", ["let x"]],
    ["var a = 1, b = 2;", ["var a", "var b"]],
    ["const cache = new Map<string, string>();", ["new Map cache"]],
    ["const seen = new WeakMap() as WeakMap<object, string>;", ["new Map seen"]],
    ["const store = (globalThis as any)[Symbol.for('x')] ??= {};", ["globalThis"]],
    ["function f() { return globalThis.fetch; }", ["globalThis"]],
  ])("%s is found", (text, findings) => {
    expect(moduleState("a.ts", text).map((f) => f.finding)).toEqual(findings);
  });

  test.each([
    "function f() { let x = 0; var y = 1; const m = new Map(); return [x, y, m]; }",
    "class A { #x = 0; static y = new Map(); }",
    "const LIMIT = 3;\nconst NAMES = new Set(['a']);\nconst make = () => new Map();",
    "for (let i = 0; i < 3; i++) {}",
    "// globalThis in a comment\n/** let x: in a comment */\nconst text = 'globalThis';",
  ])("%s keeps nothing", (text) => {
    expect(moduleState("a.ts", text)).toEqual([]);
  });

  test("browser scripts are read as JavaScript, with the line of each finding", () => {
    expect(moduleState("a.js", "// the cache\n/** @type {number} */\nlet n;\n")).toEqual([{ line: 3, finding: "let n" }]);
  });
});

test("src/ keeps no module-level state but in kernel/per-process.ts and the listed exceptions", () => {
  const found = sourceFiles().flatMap((file) =>
    moduleState(file, readFileSync(path.join(src, file), "utf8")).map(({ line, finding }) => ({ key: `${file}: ${finding}`, line })),
  );
  const unexpected = found.filter(({ key }) => !(key in ALLOWED)).map(({ key, line }) => `${key} (line ${line})`);
  expect(unexpected, "module-level state: move it into the objects a build makes, or into kernel/per-process.ts").toEqual([]);
  const gone = Object.keys(ALLOWED).filter((key) => !found.some((f) => f.key === key));
  expect(gone, "exceptions no longer found: remove them from ALLOWED").toEqual([]);
});
