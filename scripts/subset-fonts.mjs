// npm run fonts — the stylesheet's self-hosted Be Vietnam Pro (SIL Open Font License 1.1, from
// @fontsource/be-vietnam-pro), regular and bold, as the two subsets Vietnamese text needs:
//   vietnamese: fontsource's own subset (ă â đ ê ô ơ ư and every precomposed tone mark, U+1EA0–1EF9);
//   latin:      fontsource's latin subset cut down with hb-subset (subset-font) to what Vietnamese
//               text uses: ASCII, the Latin-1 letters with tone marks (à á â ã è é …) and common
//               punctuation. That brings the four files of a page's first view under 60 KB.
// Writes src/assets/fonts/; the test "fonts are up to date" runs this and compares the bytes.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import subsetFont from "subset-font";

const root = path.resolve(import.meta.dirname, "..");
const from = path.join(root, "node_modules/@fontsource/be-vietnam-pro");
const to = path.resolve(root, process.argv[2] ?? "src/assets/fonts");

/** Code points of the trimmed latin subset; the stylesheet's `unicode-range` says the same. */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCodePoint(0x20 + i)).join("");
const text = `${ASCII}\u00a0ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý«»©°·×–—‘’“”•…`;
// For the stylesheet's unicode-range of the latin faces:
// console.log([...new Set(text)].map((c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`).join(","));
mkdirSync(to, { recursive: true });
for (const weight of [400, 700]) {
  const latin = readFileSync(path.join(from, `files/be-vietnam-pro-latin-${weight}-normal.woff2`));
  writeFileSync(path.join(to, `be-vietnam-pro-latin-${weight}.woff2`), await subsetFont(latin, text, { targetFormat: "woff2" }));
  copyFileSync(
    path.join(from, `files/be-vietnam-pro-vietnamese-${weight}-normal.woff2`),
    path.join(to, `be-vietnam-pro-vietnamese-${weight}.woff2`),
  );
}
copyFileSync(path.join(from, "LICENSE"), path.join(to, "OFL.txt"));
console.log(`fonts written to ${path.relative(root, to)}/`);
