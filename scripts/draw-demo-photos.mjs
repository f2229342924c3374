// Draws the demo's photos (landscapes of a mountain province) as SVG and encodes them to JPEG
// with sharp: licence-free by construction (CC0), small in the repository, deterministic.
//   node scripts/draw-demo-photos.mjs   → images/photos/*.jpg
import { mkdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const W = 1600;
const H = 1067;
const out = path.resolve(import.meta.dirname, "../images/photos");
mkdirSync(out, { recursive: true });

/** A seeded pseudo-random sequence (mulberry32): the same photos every run. */
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A mountain ridge as a path across the picture at height `base`, roughness `amp`. */
function ridge(rand, base, amp, fill) {
  let d = `M0 ${H} L0 ${base}`;
  let y = base;
  for (let x = 0; x <= W; x += 40) {
    y = Math.max(base - amp, Math.min(base + amp, y + (rand() - 0.5) * amp * 0.6));
    d += ` L${x} ${y.toFixed(0)}`;
  }
  return `<path d="${d} L${W} ${H} Z" fill="${fill}"/>`;
}

function sky(top, bottom) {
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#sky)"/>`;
}

const scenes = {
  // Layered ridges at dawn.
  "nui-rung": (rand) =>
    sky("#f7c59f", "#fde9d9") +
    `<circle cx="1180" cy="300" r="70" fill="#fff3e0"/>` +
    ridge(rand, 430, 90, "#8fa6b5") +
    ridge(rand, 560, 80, "#5f7f78") +
    ridge(rand, 700, 70, "#3d5e4a") +
    ridge(rand, 860, 50, "#24402e"),
  // A river winding between hills at dusk.
  "song-ma": (rand) =>
    sky("#3b4a7a", "#e98f6b") +
    ridge(rand, 520, 110, "#2f3d4f") +
    ridge(rand, 680, 60, "#27412f") +
    `<path d="M0 ${H} C 400 900, 300 780, 760 760 S 1300 700, ${W} 690 L ${W} 740 C 1300 760, 1000 800, 820 830 S 500 960, 380 ${H} Z" fill="#d9a07a" opacity="0.85"/>`,
  // Terraced rice fields.
  "ruong-bac-thang": (rand) => {
    let svg = sky("#bfe3f5", "#eef8fb") + ridge(rand, 300, 60, "#7fa37a");
    for (let i = 0; i < 14; i++) {
      const y = 330 + i * 55;
      const green = ["#9cc95a", "#b5d66b", "#85b94a", "#c9dc7a"][i % 4];
      svg += `<path d="M0 ${y + 60} C 400 ${y - 20 + rand() * 40}, 1000 ${y + 80 + rand() * 40}, ${W} ${y + 10} L ${W} ${H} L 0 ${H} Z" fill="${green}" stroke="#6b8e3d" stroke-width="4"/>`;
    }
    return svg;
  },
  // White bauhinia blossoms (hoa ban) on a green hillside.
  "hoa-ban": (rand) => {
    let svg = sky("#dfeedd", "#f5faf3") + ridge(rand, 520, 120, "#6e9a61") + ridge(rand, 760, 80, "#4f7a45");
    for (let i = 0; i < 90; i++) {
      const x = rand() * W;
      const y = 380 + rand() * 650;
      const r = 14 + rand() * 22;
      svg += `<g transform="translate(${x.toFixed(0)} ${y.toFixed(0)})">`;
      for (let p = 0; p < 5; p++)
        svg += `<ellipse rx="${r.toFixed(0)}" ry="${(r / 2.2).toFixed(0)}" transform="rotate(${p * 72}) translate(${(r * 0.8).toFixed(0)} 0)" fill="#fdfbf7" opacity="0.92"/>`;
      svg += `<circle r="${(r / 4).toFixed(0)}" fill="#e7b9c9"/></g>`;
    }
    return svg;
  },
  // A bridge being built across the river.
  "cau-na-hin": (rand) =>
    sky("#9ec9e6", "#e9f3fa") +
    ridge(rand, 480, 100, "#6f8f7e") +
    `<rect y="720" width="${W}" height="${H - 720}" fill="#7aa0a8"/>` +
    `<rect x="0" y="600" width="${W}" height="36" fill="#c9c3b8"/>` +
    [260, 620, 980, 1340].map((x) => `<rect x="${x}" y="636" width="46" height="380" fill="#a39d92"/>`).join("") +
    `<rect x="1180" y="380" width="14" height="220" fill="#e0a030"/><rect x="1060" y="380" width="260" height="12" fill="#e0a030"/>`,
};

for (const [name, draw] of Object.entries(scenes)) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${draw(random(name.length * 7919))}</svg>`;
  await sharp(Buffer.from(svg))
    .jpeg({ quality: 72, mozjpeg: true })
    .toFile(path.join(out, `${name}.jpg`));
  console.log(`images/photos/${name}.jpg`);
}
