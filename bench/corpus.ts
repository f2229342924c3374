/**
 * A deterministic corpus of Vietnamese news posts for benchmarks: seeded, with a
 * vocabulary of thousands of syllables drawn with a Zipf-like frequency, dates over
 * 12 years in Asia/Ho_Chi_Minh, categories, tags, some images, a few drafts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

/** mulberry32: small, fast, good enough for test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = [
  "",
  "b",
  "c",
  "ch",
  "d",
  "đ",
  "g",
  "gi",
  "h",
  "k",
  "kh",
  "l",
  "m",
  "n",
  "ng",
  "nh",
  "ph",
  "qu",
  "r",
  "s",
  "t",
  "th",
  "tr",
  "v",
  "x",
];
const RIMES = [
  "a",
  "ai",
  "am",
  "an",
  "ang",
  "anh",
  "ao",
  "at",
  "ay",
  "ăm",
  "ăn",
  "ăng",
  "âm",
  "ân",
  "âng",
  "ât",
  "âu",
  "ây",
  "e",
  "em",
  "en",
  "eo",
  "et",
  "ê",
  "êm",
  "ên",
  "ênh",
  "êt",
  "i",
  "im",
  "in",
  "inh",
  "it",
  "iu",
  "iêm",
  "iên",
  "iêt",
  "iêu",
  "o",
  "oa",
  "oai",
  "oan",
  "oang",
  "oanh",
  "oi",
  "om",
  "on",
  "ong",
  "ot",
  "ô",
  "ôi",
  "ôm",
  "ôn",
  "ông",
  "ôt",
  "ơ",
  "ơi",
  "ơm",
  "ơn",
  "u",
  "ui",
  "um",
  "un",
  "ung",
  "uôi",
  "uôn",
  "uông",
  "uôt",
  "ư",
  "ưa",
  "ưi",
  "ưng",
  "ươi",
  "ươn",
  "ương",
  "ươt",
  "ưu",
  "y",
  "yên",
];
// Tone marks as combining characters; the text is normalized to NFC afterwards.
const TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];

/** Puts a tone mark on the right vowel of a syllable (roughly the modern rule) and normalizes to NFC. */
function toned(onset: string, rime: string, tone: string): string {
  if (!tone) return (onset + rime).normalize("NFC");
  const vowels = [...rime].map((c, i) => ({ c, i })).filter(({ c }) => /[aăâeêioôơuưy]/.test(c));
  const marked = vowels.find(({ c }) => /[ăâêôơư]/.test(c)) ?? vowels[vowels.length > 1 && /[^aeiouy]$/.test(rime) ? 1 : 0] ?? vowels[0];
  if (!marked) return (onset + rime).normalize("NFC");
  const chars = [...rime];
  chars[marked.i] = chars[marked.i] + tone;
  return (onset + chars.join("")).normalize("NFC");
}

/** Syllables from the demo's real posts, then generated ones, most common first. */
function vocabulary(rand: () => number, postsDir: string): string[] {
  const real = new Map<string, number>();
  if (existsSync(postsDir)) {
    for (const file of readdirSync(postsDir)) {
      const body = readFileSync(path.join(postsDir, file), "utf8").split(/^---$/m).slice(2).join(" ");
      const text = body.normalize("NFC").toLowerCase();
      for (const w of text.match(/\p{L}+/gu) ?? []) real.set(w, (real.get(w) ?? 0) + 1);
    }
  }
  const words = [...real].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const seen = new Set(words);
  for (const onset of ONSETS) {
    for (const rime of RIMES) {
      for (const tone of TONES) {
        const syllable = toned(onset, rime, tone);
        if (!seen.has(syllable) && rand() < 0.55) {
          seen.add(syllable);
          words.push(syllable);
        }
      }
    }
  }
  return words;
}

const CATEGORIES = [
  "Thời sự",
  "Kinh tế",
  "Xã hội",
  "Văn hóa",
  "Xây dựng Đảng",
  "Nông nghiệp",
  "Giáo dục",
  "Y tế",
  "Thể thao",
  "Du lịch",
  "Pháp luật",
  "Quốc phòng",
];
const PLACES = [
  "Sông Mã",
  "Mộc Châu",
  "Mường La",
  "Yên Châu",
  "Sốp Cộp",
  "Thuận Châu",
  "Quỳnh Nhai",
  "Phù Yên",
  "Bắc Yên",
  "Mai Sơn",
  "Vân Hồ",
  "Sơn La",
];

export interface CorpusOptions {
  count: number;
  seed?: number;
  /** Real posts to take the common vocabulary from. */
  vocabularyFrom?: string;
}

/** Random text in the corpus's vocabulary: words, sentences, tags, picks. */
interface TextSource {
  rand: () => number;
  word: () => string;
  pick: <T>(list: readonly T[]) => T;
  sentence: (min: number, max: number) => string;
  tags: string[];
}

function textSource(seed: number, vocabularyFrom: string): TextSource {
  const rand = random(seed);
  const words = vocabulary(rand, vocabularyFrom);
  // Zipf-like: index = floor(n * u^3) favours the head of the list without exhausting the tail.
  const word = () => words[Math.floor(words.length * rand() ** 3)]!;
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(rand() * (max - min + 1));
    const parts = Array.from({ length: n }, (_, i) => (i > 0 && rand() < 0.01 ? pick(PLACES) : word()));
    const text = parts.join(" ");
    return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
  };
  const tags = Array.from({ length: 400 }, () => sentence(1, 3).toLocaleLowerCase("vi"));
  return { rand, word, pick, sentence, tags };
}

/** One paragraph of body text: 2 to 5 sentences. */
function paragraph({ rand, sentence }: TextSource): string {
  return Array.from({ length: 2 + Math.floor(rand() * 4) }, () => `${sentence(8, 24)}.`).join(" ");
}

/** One post's file text. `local` is its site-local time, "yyyy-MM-ddTHH:mm". */
function postText(text: TextSource, { local, slug, allowDraft = true }: { local: string; slug: string; allowDraft?: boolean }): string {
  const { rand, word, pick, sentence, tags } = text;
  const title = sentence(6, 14);
  const paragraphs = Array.from({ length: 4 + Math.floor(rand() * 5) }, () => paragraph(text));
  const lines = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `date: ${local}:00+07:00`,
    `category: ${pick(CATEGORIES)}`,
    `tags: ${JSON.stringify(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(tags)))}`,
    `author: ${JSON.stringify(`${pick(["Lò", "Hà", "Quàng", "Lường", "Cầm", "Vì"])} ${pick(["Văn", "Thị"])} ${word()}`)}`,
    `summary: ${JSON.stringify(`${sentence(10, 20)}.`)}`,
    `slug: ${slug}`,
  ];
  if (rand() < 0.3) lines.push("image: /images/photo.svg", `image_alt: ${JSON.stringify(sentence(3, 6))}`);
  if (rand() < 0.01 && allowDraft) lines.push("draft: true");
  lines.push("---", "", paragraphs.join("\n\n"), "");
  return lines.join("\n");
}

/** Writes `count` posts into `dir/posts/` (and an image into `dir/images/`); returns the folder. */
export function writeCorpus(dir: string, { count, seed = 20191018, vocabularyFrom = "posts" }: CorpusOptions): string {
  const marker = path.join(dir, ".corpus.json");
  const stamp = JSON.stringify({ count, seed, version: 3 });
  if (existsSync(marker) && readFileSync(marker, "utf8") === stamp) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "posts"), { recursive: true });
  mkdirSync(path.join(dir, "images"), { recursive: true });
  writeFileSync(path.join(dir, "images", "photo.svg"), "<svg xmlns='http://www.w3.org/2000/svg' width='3' height='2'/>");

  const text = textSource(seed, vocabularyFrom);
  const start = Date.UTC(2014, 0, 1);
  const span = 12 * 365.25 * 24 * 3600 * 1000;
  for (let i = 0; i < count; i++) {
    // Publication instants spread over 12 years, written as site-local time with the +07:00 offset.
    const instant = new Date(start + Math.floor((text.rand() * span) / 60000) * 60000);
    const local = new Date(instant.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 16);
    writeFileSync(
      path.join(dir, "posts", `${String(i).padStart(6, "0")}.md`),
      postText(text, { local, slug: `bai-${String(i).padStart(6, "0")}` }),
    );
  }
  writeFileSync(marker, stamp);
  return dir;
}

/** A corpus post as the bench's incremental rows need it: its file, its site-local date, whether it is a draft. */
export interface CorpusPost {
  file: string;
  /** "yyyy-MM-ddTHH:mm", site-local. */
  local: string;
  draft: boolean;
}

/** The posts of a corpus with their dates (reads only the front matter's first lines). */
export function corpusPosts(dir: string): CorpusPost[] {
  const posts: CorpusPost[] = [];
  for (const name of readdirSync(path.join(dir, "posts")).sort()) {
    if (!name.endsWith(".md")) continue;
    const file = path.join(dir, "posts", name);
    const head = readFileSync(file, "utf8").slice(0, 2000);
    const date = /^date: "?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/m.exec(head);
    if (date) posts.push({ file, local: date[1]!, draft: /^draft: true/m.test(head) });
  }
  return posts;
}

/** The text of a new post in the corpus's style, published at `local` (site-local "yyyy-MM-ddTHH:mm"); never a draft. */
export function extraPostText({
  local,
  slug,
  seed = 7,
  vocabularyFrom = "posts",
}: {
  local: string;
  slug: string;
  seed?: number;
  vocabularyFrom?: string;
}): string {
  return postText(textSource(seed, vocabularyFrom), { local, slug, allowDraft: false });
}

/** A post's text with one more paragraph at the end of its body (a change to its search record). */
export function withExtraParagraph(post: string, { seed = 11, vocabularyFrom = "posts", marker = "" } = {}): string {
  const extra = paragraph(textSource(seed, vocabularyFrom));
  return `${post.trimEnd()}\n\n${marker ? `${marker} ` : ""}${extra}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 1000);
  console.log(writeCorpus(path.resolve(process.argv[3] ?? `bench/.work/corpus-${count}`), { count }));
}
