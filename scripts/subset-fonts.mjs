// npm run fonts — the stylesheet's self-hosted Be Vietnam Pro (SIL Open Font License 1.1, from
// @fontsource/be-vietnam-pro), regular and bold, as the two subsets Vietnamese text needs:
//   vietnamese: fontsource's own subset (ă â đ ê ô ơ ư and every precomposed tone mark, U+1EA0–1EF9);
//   latin:      fontsource's latin subset cut down with hb-subset (subset-font) to what Vietnamese
//               text uses: ASCII, the Latin-1 letters with tone marks (à á â ã è é …) and common
//               punctuation. That brings the four files of a page's first view under 60 KB.
// And the faces that stand in while the font loads: Arial (or Liberation Sans, its metric twin on
// Linux) and Roboto (Android), each scaled to Be Vietnam Pro's metrics by @capsizecss/core from
// @capsizecss/metrics' measurements, so the swap to the real font moves little text (CLS).
// Writes src/assets/fonts/ and src/assets/fonts.css; test/unit/repo/fonts.test.ts runs this into a
// temporary folder and compares the bytes.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createFontStack } from "@capsizecss/core";
import { entireMetricsCollection as metrics } from "@capsizecss/metrics/entireMetricsCollection";
import subsetFont from "subset-font";

const root = path.resolve(import.meta.dirname, "..");
const from = path.join(root, "node_modules/@fontsource/be-vietnam-pro");
const to = path.resolve(root, process.argv[2] ?? "src/assets");

/** Code points of the trimmed latin subset; the stylesheet's `unicode-range` says the same. */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCodePoint(0x20 + i)).join("");
const text = `${ASCII}\u00a0ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý«»©°·×–—‘’“”•…`;
/** fontsource's range for its Vietnamese subset. */
const VIETNAMESE_RANGE = JSON.parse(readFileSync(path.join(from, "unicode.json"), "utf8")).vietnamese.replaceAll(",", ", ");

/** `U+0020-007E, U+00A0, …` for a set of characters, runs joined. */
function unicodeRange(chars) {
  const points = [...new Set(chars)].map((c) => c.codePointAt(0)).sort((a, b) => a - b);
  const runs = [];
  for (const p of points) {
    const last = runs.at(-1);
    if (last && p === last[1] + 1) last[1] = p;
    else runs.push([p, p]);
  }
  const hex = (p) => `U+${p.toString(16).toUpperCase().padStart(4, "0")}`;
  return runs.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b).slice(2)}`)).join(", ");
}

const faces = [];
mkdirSync(path.join(to, "fonts"), { recursive: true });
for (const weight of [400, 700]) {
  const latin = readFileSync(path.join(from, `files/be-vietnam-pro-latin-${weight}-normal.woff2`));
  const file = (subset) => `be-vietnam-pro-${subset}-${weight}.woff2`;
  writeFileSync(path.join(to, "fonts", file("latin")), await subsetFont(latin, text, { targetFormat: "woff2" }));
  copyFileSync(path.join(from, `files/be-vietnam-pro-vietnamese-${weight}-normal.woff2`), path.join(to, "fonts", file("vietnamese")));
  for (const [subset, range] of [
    ["latin", unicodeRange(text)],
    ["vietnamese", VIETNAMESE_RANGE],
  ]) {
    faces.push(`@font-face {
  font-family: "Be Vietnam Pro";
  font-style: normal;
  font-weight: ${weight};
  font-display: swap;
  src: url(fonts/${file(subset)}) format("woff2");
  unicode-range: ${range};
}`);
  }
}
copyFileSync(path.join(from, "LICENSE"), path.join(to, "fonts", "OFL.txt"));

// The stand-ins, named in newsroom.css's --nr-font after Be Vietnam Pro, regular and bold: each weight
// drawn from the system's own face of that weight and scaled by the two weights' own widths (a bold
// stand-in drawn from regular metrics wraps headlines on more lines than the font does). Liberation
// Sans has Arial's metrics: Linux gets the same adjustment.
const LOCAL_FACES = {
  arial: {
    400: ["Arial", "ArialMT", "Liberation Sans", "LiberationSans"],
    700: ["Arial Bold", "Arial-BoldMT", "Liberation Sans Bold", "LiberationSans-Bold"],
  },
  roboto: { 400: ["Roboto Regular", "Roboto-Regular"], 700: ["Roboto Bold", "Roboto-Bold"] },
};
const weightOf = (metrics, weight) => (weight === "400" ? metrics : metrics.variants[weight]);
const descriptor = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
for (const weight of ["400", "700"]) {
  for (const [system, names] of Object.entries(LOCAL_FACES)) {
    const stack = [weightOf(metrics.beVietnamPro, weight), weightOf(metrics[system], weight)];
    const [{ "@font-face": face }] = createFontStack(stack, { fontFaceFormat: "styleObject" }).fontFaces;
    const family = `"Be Vietnam Pro Fallback: ${metrics[system].familyName}"`;
    const descriptors = { ...face, fontFamily: family, fontWeight: weight, src: names[weight].map((n) => `local("${n}")`).join(", ") };
    faces.push(
      `@font-face {\n${Object.entries(descriptors)
        .map(([key, value]) => `  ${descriptor(key)}: ${value};`)
        .join("\n")}\n}`,
    );
  }
}

writeFileSync(
  path.join(to, "fonts.css"),
  `/* Written by scripts/subset-fonts.mjs (npm run fonts): do not edit.
 * Be Vietnam Pro (SIL Open Font License 1.1, fonts/OFL.txt), self-hosted: regular and bold, each as the
 * two subsets Vietnamese text needs. Text shows at once in a stand-in scaled to the font's metrics and
 * swaps when the font arrives (the pages preload it). */
${faces.join("\n")}
`,
);
console.log(`fonts and fonts.css written to ${path.relative(root, to)}/`);
