/**
 * The committed fonts and their stylesheet (src/assets/fonts/, fonts.css) are what `npm run fonts`
 * (scripts/subset-fonts.mjs) makes from the installed @fontsource and @capsizecss packages: an edit by
 * hand, or a package update without running it, fails here.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const out = mkdtempSync(path.join(tmpdir(), "newsroom-fonts-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("npm run fonts makes the committed font files and fonts.css, byte for byte", () => {
  execFileSync(process.execPath, [path.join(root, "scripts/subset-fonts.mjs"), out], { stdio: "pipe" });
  const files = ["fonts.css", ...readdirSync(path.join(out, "fonts")).map((name) => `fonts/${name}`)];
  expect(files.toSorted()).toEqual(
    ["fonts.css", ...readdirSync(path.join(root, "src/assets/fonts")).map((name) => `fonts/${name}`)].toSorted(),
  );
  for (const file of files) {
    expect(readFileSync(path.join(out, file)).equals(readFileSync(path.join(root, "src/assets", file))), file).toBe(true);
  }
});

test("fonts.css has a stand-in of each weight, scaled to Be Vietnam Pro, for Arial (and Liberation Sans) and Roboto", () => {
  const css = readFileSync(path.join(root, "src/assets/fonts.css"), "utf8");
  const standIns = [...css.matchAll(/@font-face \{([^}]*Fallback[^}]*)\}/g)].map(([, body]) => body ?? "");
  const summary = standIns.map((body) => [/font-family: "([^"]+)"/.exec(body)?.[1], /font-weight: (\d+)/.exec(body)?.[1]]);
  expect(summary.toSorted()).toEqual(
    [
      ["Be Vietnam Pro Fallback: Arial", "400"],
      ["Be Vietnam Pro Fallback: Arial", "700"],
      ["Be Vietnam Pro Fallback: Roboto", "400"],
      ["Be Vietnam Pro Fallback: Roboto", "700"],
    ].toSorted(),
  );
  for (const body of standIns) {
    expect(body).toMatch(/size-adjust: 1\d\d(\.\d+)?%;/);
    expect(body).toMatch(/ascent-override: \d+(\.\d+)?%;/);
  }
  expect(standIns.find((body) => body.includes("Arial") && body.includes("700"))).toContain('local("Liberation Sans Bold")');
  // The stylesheet names them right after Be Vietnam Pro.
  expect(readFileSync(path.join(root, "src/assets/newsroom.css"), "utf8")).toContain(
    '"Be Vietnam Pro", "Be Vietnam Pro Fallback: Arial", "Be Vietnam Pro Fallback: Roboto",',
  );
});
