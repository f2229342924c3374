/**
 * The related lists' flat-array implementation (related.ts) against the plain one it replaced, kept here as the
 * definition: a Map of counts per post, objects for postings, a sort per post. On a corpus big enough that every
 * table of the fast one grows (word pairs, term counts, per-term marks), the lists are the same, bit for bit.
 */
import { expect, test } from "vitest";
import type { Post } from "../../../../src/posts/post.ts";
import { relatedIndexes } from "../../../../src/features/articles/related.ts";
import { slugify } from "../../../../src/kernel/slug.ts";
import { post } from "../../../helpers/posts.ts";

const BODY_CHARS = 1000;
const TERMS_PER_POST = 24;
const TAG_BOOST = 3;
const TITLE_WEIGHT = 2;
const SAME_SECTION_FACTOR = 1.15;
const MIN_SCORE = 0.03;

function referenceRelated(posts: readonly Post[], count: number): number[][] {
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  const tags = new Set<number>();
  let size = 0;
  const word = (w: string) => words.get(w) ?? (words.set(w, size++), size - 1);
  const vectors = posts.map((p) => {
    const counts = new Map<number, number>();
    const add = (term: number, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
    for (const tag of p.tags) {
      const id = word(`#${slugify(tag)}`);
      tags.add(id);
      add(id, 1);
    }
    const addText = (text: string, weight: number, phrases: boolean) => {
      let previous = -1;
      for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
        if (w === "") continue;
        const id = word(w);
        if (w.length > 1) add(id, weight);
        if (phrases && previous !== -1) {
          const key = `${previous} ${id}`;
          add(pairs.get(key) ?? (pairs.set(key, size++), size - 1), weight);
        }
        previous = id;
      }
    };
    addText(p.title, TITLE_WEIGHT, true);
    if (p.summary) addText(p.summary, 1, true);
    addText(p.text.slice(0, BODY_CHARS), 1, false);
    return counts;
  });
  const df = new Map<number, number>();
  for (const counts of vectors) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const maxPostings = Math.max(20, Math.ceil(Math.sqrt(posts.length)));
  const postings = new Map<number, { post: number; weight: number }[]>();
  const kept = vectors.map((counts, p) => {
    let squares = 0;
    const shareable: { term: number; weight: number }[] = [];
    for (const [term, tf] of counts) {
      const n = df.get(term)!;
      const weight = (1 + Math.log(tf)) * Math.log(posts.length / n) * (tags.has(term) ? TAG_BOOST : 1);
      squares += weight * weight;
      if (n >= 2 && n <= maxPostings && n < posts.length) shareable.push({ term, weight });
    }
    shareable.sort((a, b) => b.weight - a.weight || a.term - b.term);
    const norm = Math.sqrt(squares) || 1;
    const unit = shareable.slice(0, TERMS_PER_POST).map(({ term, weight }) => ({ term, weight: weight / norm }));
    for (const { term, weight } of unit) postings.set(term, [...(postings.get(term) ?? []), { post: p, weight }]);
    return unit;
  });
  const sectionOf = posts.map((p) => (p.category ? slugify(p.category) : ""));
  return kept.map((unit, i) => {
    const scores = new Map<number, number>();
    for (const { term, weight } of unit) {
      for (const other of postings.get(term)!) {
        if (other.post !== i) scores.set(other.post, (scores.get(other.post) ?? 0) + weight * other.weight);
      }
    }
    return [...scores]
      .map(([j, score]) => ({ j, score: score * (sectionOf[i] && sectionOf[j] === sectionOf[i] ? SAME_SECTION_FACTOR : 1) }))
      .filter(({ score }) => score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score || a.j - b.j)
      .slice(0, count)
      .map(({ j }) => j);
  });
}

/** mulberry32 */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test("the lists are the plain implementation's, on 3,000 posts whose words, pairs and counts outgrow every starting table, odd characters included", () => {
  const rand = random(20191018);
  const onsets = ["", "b", "c", "ch", "d", "đ", "g", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "s", "t", "th", "tr", "v", "x"];
  const rimes = ["a", "ai", "an", "ang", "anh", "ao", "âm", "ân", "ê", "i", "inh", "o", "ông", "ơ", "u", "ung", "ư", "ương", "uyên"];
  const tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
  // ~2,400 syllables drawn Zipf-like: a few everywhere, most rare.
  const vocabulary = onsets.flatMap((o) => rimes.flatMap((r) => tones.map((t) => `${o}${r}${t}`.normalize("NFC"))));
  const syllable = () => vocabulary[Math.floor(vocabulary.length * rand() ** 3)]!;
  const words = (k: number) => Array.from({ length: k }, syllable).join(" ");
  // Rare compound words (names), ~30,000 of them; and what a word scanner could get wrong: letters outside the
  // Basic Multilingual Plane, a lone surrogate, a titlecase letter, digits, one-letter words, punctuation.
  const names = (k: number) => Array.from({ length: k }, () => `${syllable()}${syllable()}`).join(", ");
  const odd = ["𝐀b 𝐀 x\uD800y ǅa", "năm 2019: 3 xã", "\uDC00đ a-b c_d", "Ⅻ ２０ 𝟙𝟚"];
  const sections = ["Kinh tế", "Thời sự", "Văn hóa", ""];
  const many = Array.from({ length: 3000 }, (_, i) =>
    post(2000 + Math.floor(i / 300), 1 + (i % 28), {
      title: words(6 + (i % 7)),
      summary: i % 5 === 0 ? "" : words(20),
      text: `${words(180)}. ${names(10)}; ${odd[i % odd.length]} ${words(60)}`,
      tags: i % 3 === 0 ? [] : [`chủ đề ${i % 40}`, ...(i % 7 === 0 ? ["nông thôn mới"] : [])],
      category: sections[i % 4]!,
      url: `/tin-${i}/`,
      inputPath: `posts/${i}.md`,
    }),
  );
  const lists = relatedIndexes(many, 5);
  expect(lists.filter((list) => list.length > 0).length).toBeGreaterThan(2500);
  expect(lists).toEqual(referenceRelated(many, 5));
  expect(relatedIndexes(many, 1)).toEqual(referenceRelated(many, 1));
});
