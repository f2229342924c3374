/**
 * "Tin liên quan" and "Tin cùng chuyên mục" under each article, computed at build time. Pure.
 *
 * Related articles are ranked by how much two posts share, weighted by how rare what they share
 * is (TF-IDF): their tags (weighing more: editors chose them), the words and two-word phrases of
 * their titles and summaries, the words of the start of their bodies; the same section raises the
 * score a little, and a score too low to mean a
 * shared subject (one common word) does not count. Ties go to the newer post, then by URL, so the
 * same posts always give the same lists.
 *
 * The cost stays near-linear in the number of posts: each post keeps only its most telling terms,
 * and a term found in more than `maxPostings` posts (a word like "của", a tag on every post) is
 * too common to point at a related article, so no post is compared along it. Candidates are
 * the posts met along the remaining postings, never all pairs. Terms are counted as integers
 * (a word is looked up by its characters in the text, a two-word phrase is a pair of word ids:
 * no string is made for either), and every table is a flat typed array (no object or Map per
 * post or posting, little for the garbage collector): at 100,000 posts the lists take ~11 s
 * alone (BENCHMARKS.md). The plain version of the same computation
 * is test/unit/features/articles/related.reference.test.ts: the lists are the same bit for bit.
 */
import { linkTo, type Post } from "../../posts/post.ts";
import { once } from "../../kernel/per-process.ts";
import { slugify } from "../../kernel/slug.ts";

export interface RelatedSettings {
  /** Related articles per post (0: none). */
  count: number;
  /** Articles of the same section per post, the nearest older ones (0: none). */
  sameSection: number;
}

/** Characters of the body that count, after the title and summary. */
const BODY_CHARS = 1000;
/** Terms a post keeps (its most telling ones). */
const TERMS_PER_POST = 24;
/** How much more a shared tag weighs than a word of the same rarity (editors chose it), and a title word than a body word. */
const TAG_BOOST = 3;
const TITLE_WEIGHT = 2;
/** How much the same section raises a candidate's score (scores are cosines, 0 to 1). */
const SAME_SECTION_FACTOR = 1.15;
/** Below this score, what two posts share is a common word or two, not a subject. */
const MIN_SCORE = 0.03;

/**
 * The posts (newest first) with `related` and `sameSection` filled; new objects, the input is left as it is.
 * The same-section list is the section's posts just before this one (older), filled with the ones just
 * after it for the section's oldest posts, newest first, the related ones left out: a new post changes
 * the lists of the few posts just before it, not of every post of its section (#23 §3b).
 */
export function withRelated(posts: readonly Post[], settings: RelatedSettings): Post[] {
  const related = settings.count > 0 ? relatedIndexes(posts, settings.count) : posts.map(() => []);
  // Each section's posts (indexes, newest first), and each post's place in its section's list.
  const sections = new Map<string, number[]>();
  const place = new Int32Array(posts.length);
  if (settings.sameSection > 0) {
    posts.forEach((post, i) => {
      if (!post.category) return;
      const key = slugify(post.category);
      let list = sections.get(key);
      if (!list) sections.set(key, (list = []));
      place[i] = list.length;
      list.push(i);
    });
  }
  return posts.map((post, i) => {
    const mine = related[i]!;
    const section = post.category ? sections.get(slugify(post.category)) : undefined;
    return {
      ...post,
      related: mine.map((j) => linkTo(posts[j]!)),
      sameSection: section
        ? nearestInSection(section, place[i]!, new Set([i, ...mine]), settings.sameSection).map((j) => linkTo(posts[j]!))
        : [],
    };
  });
}

/** Up to `count` posts of `section` (indexes, newest first) nearest to its post at `at`: the older ones first, then the newer; newest first. */
function nearestInSection(section: readonly number[], at: number, taken: ReadonlySet<number>, count: number): number[] {
  const older: number[] = [];
  for (let k = at + 1; k < section.length && older.length < count; k++) if (!taken.has(section[k]!)) older.push(section[k]!);
  const newer: number[] = [];
  for (let k = at - 1; k >= 0 && older.length + newer.length < count; k--) if (!taken.has(section[k]!)) newer.push(section[k]!);
  return [...newer.reverse(), ...older];
}

/** For each post, the indexes of its `count` most related posts, best first. */
export function relatedIndexes(posts: readonly Post[], count: number): number[][] {
  const n = posts.length;
  const terms = new TermIds();
  const table = termTable(posts, terms);
  const df = new Int32Array(terms.size);
  for (let k = 0; k < table.used; k++) df[table.terms[k]!]! += 1;
  const maxPostings = Math.max(20, Math.ceil(Math.sqrt(n)));

  // Each post's most telling terms, TF-IDF weighted and normalized (flat arrays: `keptStart[p]` to `keptStart[p + 1]`).
  const keptStart = new Int32Array(n + 1);
  const keptTerm = new Int32Array(n * TERMS_PER_POST);
  const keptWeight = new Float64Array(n * TERMS_PER_POST);
  const topTerm = new Int32Array(TERMS_PER_POST);
  const topWeight = new Float64Array(TERMS_PER_POST);
  let kept = 0;
  for (let post = 0; post < n; post++) {
    keptStart[post] = kept;
    // The norm counts every term of the post, so that sharing one word with a long text weighs little.
    let squares = 0;
    let top = 0;
    for (let k = table.start[post]!; k < table.start[post + 1]!; k++) {
      const term = table.terms[k]!;
      const postings = df[term]!;
      const weight = (1 + Math.log(table.tf[k]!)) * Math.log(n / postings) * (terms.isTag(term) ? TAG_BOOST : 1);
      squares += weight * weight;
      // Met nowhere else, or too common to point at anything: no postings.
      if (postings < 2 || postings > maxPostings || postings >= n) continue;
      // The best TERMS_PER_POST so far, by weight, then by term id (ids follow the posts' order: the same choice at every build).
      if (top === TERMS_PER_POST && !outranks(weight, term, topWeight[top - 1]!, topTerm[top - 1]!)) continue;
      let at = top === TERMS_PER_POST ? top - 1 : top++;
      for (; at > 0 && outranks(weight, term, topWeight[at - 1]!, topTerm[at - 1]!); at--) {
        topWeight[at] = topWeight[at - 1]!;
        topTerm[at] = topTerm[at - 1]!;
      }
      topWeight[at] = weight;
      topTerm[at] = term;
    }
    const norm = Math.sqrt(squares) || 1;
    for (let k = 0; k < top; k++, kept++) {
      keptTerm[kept] = topTerm[k]!;
      keptWeight[kept] = topWeight[k]! / norm;
    }
  }
  keptStart[n] = kept;

  // The postings of the kept terms, each in the posts' order (flat arrays: `postingStart[t]` to `postingStart[t + 1]`).
  const postingStart = new Int32Array(terms.size + 1);
  for (let k = 0; k < kept; k++) postingStart[keptTerm[k]! + 1]! += 1;
  for (let t = 0; t < terms.size; t++) postingStart[t + 1]! += postingStart[t]!;
  const fill = postingStart.slice(0, terms.size);
  const postingPost = new Int32Array(kept);
  const postingWeight = new Float64Array(kept);
  for (let post = 0; post < n; post++) {
    for (let k = keptStart[post]!; k < keptStart[post + 1]!; k++) {
      const at = fill[keptTerm[k]!]!++;
      postingPost[at] = post;
      postingWeight[at] = keptWeight[k]!;
    }
  }

  const sections = new Map<string, number>();
  const sectionOf = posts.map((p) => {
    if (!p.category) return 0;
    const key = slugify(p.category);
    let id = sections.get(key);
    if (id === undefined) sections.set(key, (id = sections.size + 1));
    return id;
  });
  // One score array for every post's turn, and the candidates it touched: no per-post map, no sort of thousands.
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  const bestPost = new Int32Array(count);
  const bestScore = new Float64Array(count);
  const lists: number[][] = [];
  for (let i = 0; i < n; i++) {
    let touchedCount = 0;
    for (let k = keptStart[i]!; k < keptStart[i + 1]!; k++) {
      const term = keptTerm[k]!;
      const weight = keptWeight[k]!;
      for (let at = postingStart[term]!; at < postingStart[term + 1]!; at++) {
        const other = postingPost[at]!;
        if (other === i) continue;
        if (scores[other] === 0) touched[touchedCount++] = other;
        scores[other]! += weight * postingWeight[at]!;
      }
    }
    let best = 0;
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t]!;
      const score = scores[j]! * (sectionOf[i] !== 0 && sectionOf[j] === sectionOf[i] ? SAME_SECTION_FACTOR : 1);
      scores[j] = 0;
      if (score < MIN_SCORE) continue;
      if (best === count && score < bestScore[count - 1]!) continue;
      // Posts come newest first: on equal scores the lower index, the newer post (or, same instant, the first URL), wins.
      let at = 0;
      while (at < best && !(score > bestScore[at]! || (score === bestScore[at]! && j < bestPost[at]!))) at++;
      if (at === count) continue;
      if (best < count) best++;
      for (let b = best - 1; b > at; b--) {
        bestScore[b] = bestScore[b - 1]!;
        bestPost[b] = bestPost[b - 1]!;
      }
      bestScore[at] = score;
      bestPost[at] = j;
    }
    lists.push(Array.from(bestPost.subarray(0, best)));
  }
  return lists;
}

/** Whether a term of weight `weight` ranks before one of `otherWeight`: the heavier, then the lower id. */
function outranks(weight: number, term: number, otherWeight: number, otherTerm: number): boolean {
  return weight > otherWeight || (weight === otherWeight && term < otherTerm);
}

/**
 * Terms as small integers: words, tags, and two-word phrases (a pair of word ids, no string
 * made for it). Ids are given in the order terms are met, so they depend only on the posts.
 */
class TermIds {
  readonly #words = new WordIds();
  readonly #pairs = new PairIds();
  #tags = new Uint8Array(1024);
  readonly #next = () => {
    if (this.size === this.#tags.length) this.#tags = grown(this.#tags);
    return this.size++;
  };
  size = 0;
  tag(name: string): number {
    const tag = `#${slugify(name)}`;
    const id = this.word(tag, 0, tag.length);
    this.#tags[id] = 1;
    return id;
  }
  isTag(id: number): boolean {
    return this.#tags[id] === 1;
  }
  /** The id of the word `text.slice(from, to)` (no string made for it). */
  word(text: string, from: number, to: number): number {
    return this.#words.id(text, from, to, this.#next);
  }
  pair(first: number, second: number): number {
    return this.#pairs.id(first, second, this.#next);
  }
}

/** Ids of words, looked up by their UTF-16 units in the text they are met in: an open-addressing table over a pool of units. */
class WordIds {
  #pool = new Uint16Array(1 << 16);
  #pooled = 0;
  /** Per slot: where the word's units start in the pool, how many, its hash, its id + 1 (0: an empty slot). */
  #at = new Int32Array(1 << 14);
  #length = new Int32Array(1 << 14);
  #hash = new Int32Array(1 << 14);
  #ids = new Int32Array(1 << 14);
  #size = 0;
  id(text: string, from: number, to: number, next: () => number): number {
    let hash = 0x811c9dc5;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const mask = this.#ids.length - 1;
    const length = to - from;
    let slot = hash & mask;
    for (; this.#ids[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.#hash[slot] !== hash || this.#length[slot] !== length) continue;
      const at = this.#at[slot]!;
      let same = true;
      for (let i = 0; i < length && same; i++) same = this.#pool[at + i] === text.charCodeAt(from + i);
      if (same) return this.#ids[slot]! - 1;
    }
    if (this.#pooled + length > this.#pool.length) this.#pool = grown(this.#pool, this.#pooled + length);
    for (let i = 0; i < length; i++) this.#pool[this.#pooled + i] = text.charCodeAt(from + i);
    const id = next();
    this.#at[slot] = this.#pooled;
    this.#length[slot] = length;
    this.#hash[slot] = hash;
    this.#ids[slot] = id + 1;
    this.#pooled += length;
    if (++this.#size * 2 > this.#ids.length) this.#rehash();
    return id;
  }
  #rehash(): void {
    const [at, length, hash, ids] = [this.#at, this.#length, this.#hash, this.#ids];
    this.#at = new Int32Array(ids.length * 2);
    this.#length = new Int32Array(ids.length * 2);
    this.#hash = new Int32Array(ids.length * 2);
    this.#ids = new Int32Array(ids.length * 2);
    const mask = this.#ids.length - 1;
    for (let old = 0; old < ids.length; old++) {
      if (ids[old] === 0) continue;
      let slot = hash[old]! & mask;
      while (this.#ids[slot] !== 0) slot = (slot + 1) & mask;
      this.#at[slot] = at[old]!;
      this.#length[slot] = length[old]!;
      this.#hash[slot] = hash[old]!;
      this.#ids[slot] = ids[old]!;
    }
  }
}

/** Ids of word pairs: an open-addressing table of (first, second) → id, with no object or number boxed per lookup. */
class PairIds {
  #first = new Int32Array(1 << 16);
  #second = new Int32Array(1 << 16);
  /** The pair's id + 1 (0: an empty slot). */
  #ids = new Int32Array(1 << 16);
  #size = 0;
  id(first: number, second: number, next: () => number): number {
    const mask = this.#ids.length - 1;
    let slot = pairHash(first, second) & mask;
    for (; this.#ids[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.#first[slot] === first && this.#second[slot] === second) return this.#ids[slot]! - 1;
    }
    const id = next();
    this.#first[slot] = first;
    this.#second[slot] = second;
    this.#ids[slot] = id + 1;
    if (++this.#size * 2 > this.#ids.length) this.#rehash();
    return id;
  }
  #rehash(): void {
    const [first, second, ids] = [this.#first, this.#second, this.#ids];
    this.#first = new Int32Array(ids.length * 2);
    this.#second = new Int32Array(ids.length * 2);
    this.#ids = new Int32Array(ids.length * 2);
    const mask = this.#ids.length - 1;
    for (let old = 0; old < ids.length; old++) {
      if (ids[old] === 0) continue;
      let slot = pairHash(first[old]!, second[old]!) & mask;
      while (this.#ids[slot] !== 0) slot = (slot + 1) & mask;
      this.#first[slot] = first[old]!;
      this.#second[slot] = second[old]!;
      this.#ids[slot] = ids[old]!;
    }
  }
}

function pairHash(first: number, second: number): number {
  let h = Math.imul(first, 0x9e3779b1) ^ second;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * Every post's terms and how often each occurs (weighted), in the order first met in the post (the
 * order its norm is summed in): tags, words, and the two-word phrases of its title and summary.
 * Flat arrays: post `p`'s are `start[p]` to `start[p + 1]`.
 */
function termTable(posts: readonly Post[], terms: TermIds): { start: Int32Array; terms: Int32Array; tf: Int32Array; used: number } {
  const start = new Int32Array(posts.length + 1);
  let ids = new Int32Array(1 << 16);
  let tf = new Int32Array(1 << 16);
  let used = 0;
  // Per term: the post (+ 1) that last met it, and where that post's count of it is.
  let seenIn = new Int32Array(1 << 16);
  let slotOf = new Int32Array(1 << 16);
  let post = 0;
  const add = (term: number, weight: number) => {
    if (term >= seenIn.length) {
      seenIn = grown(seenIn, term + 1);
      slotOf = grown(slotOf, term + 1);
    }
    if (seenIn[term] === post + 1) {
      tf[slotOf[term]!]! += weight;
      return;
    }
    if (used === ids.length) {
      ids = grown(ids);
      tf = grown(tf);
    }
    seenIn[term] = post + 1;
    slotOf[term] = used;
    ids[used] = term;
    tf[used++] = weight;
  };
  const addText = (text: string, weight: number, phrases: boolean) => {
    let previous = -1;
    // Words are the runs of letters and digits (Post text is NFC already: the loader normalizes it).
    const lower = text.toLowerCase();
    const table = bmpWordUnits();
    for (let end = 0; end < lower.length;) {
      const from = end;
      while (end < lower.length) {
        const units = wordUnits(table, lower, end);
        if (units < 0) break;
        end += units;
      }
      if (end === from) {
        end -= wordUnits(table, lower, end); // not a letter or digit: its units, skipped
        continue;
      }
      const id = terms.word(lower, from, end);
      if (end - from > 1) add(id, weight);
      if (phrases && previous !== -1) add(terms.pair(previous, id), weight);
      previous = id;
    }
  };
  for (; post < posts.length; post++) {
    const { tags, title, summary, text } = posts[post]!;
    start[post] = used;
    for (const tag of tags) add(terms.tag(tag), 1);
    // Two-word phrases ("nông thôn", "Sông Mã") where they say most, in the title and summary; words alone in the body's start.
    addText(title, TITLE_WEIGHT, true);
    if (summary) addText(summary, 1, true);
    addText(text.slice(0, BODY_CHARS), 1, false);
  }
  start[posts.length] = used;
  return { start, terms: ids, tf, used };
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit outside the surrogates: 1 when it is a letter or a digit (made at the first use, ~10 ms). */
const bmpWordUnits = once((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (let u = 0; u < 0x10000; u++) if ((u < 0xd800 || u > 0xdfff) && WORD_CHARACTER.test(String.fromCharCode(u))) table[u] = 1;
  return table;
});

/**
 * The character at `i` of `text` (a code point: one unit, or a surrogate pair's two): its units when it is a letter
 * or a digit (\p{L}, \p{N}: what a word is made of), minus them when it is not.
 */
function wordUnits(table: Uint8Array, text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdfff) {
    return table[unit] === 1 ? 1 : -1;
  }
  const pair = unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
  if (!pair) return -1; // a lone surrogate is no letter
  return WORD_CHARACTER.test(text.slice(i, i + 2)) ? 2 : -2;
}

/** A copy of `array` twice as long (or at least `length`), its values kept. */
function grown<T extends Int32Array | Uint16Array | Uint8Array>(array: T, length = 0): T {
  const copy = new (array.constructor as new (length: number) => T)(Math.max(array.length * 2, length));
  copy.set(array);
  return copy;
}
