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
 * (a two-word phrase is a pair of word ids, never a string): at 20,000 posts the lists take a
 * few seconds (BENCHMARKS.md).
 */
import type { Post, PostLink } from "../../posts/post.ts";
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
  const terms = new TermIds();
  const vectors = posts.map((post) => termCounts(post, terms));
  const df = new Int32Array(terms.size);
  for (const counts of vectors) for (const term of counts.keys()) df[term]! += 1;
  const maxPostings = Math.max(20, Math.ceil(Math.sqrt(posts.length)));

  // Each post's most telling terms, TF-IDF weighted and normalized; postings of the terms that are rare enough.
  const postings = new Map<number, { post: number; weight: number }[]>();
  const kept = vectors.map((counts, post) => {
    // The norm counts every term of the post, so that sharing one word with a long text weighs little.
    let squares = 0;
    const shareable: { term: number; weight: number }[] = [];
    for (const [term, tf] of counts) {
      const n = df[term]!;
      const weight = (1 + Math.log(tf)) * Math.log(posts.length / n) * (terms.isTag(term) ? TAG_BOOST : 1);
      squares += weight * weight;
      // Met nowhere else, or too common to point at anything: no postings.
      if (n >= 2 && n <= maxPostings && n < posts.length) shareable.push({ term, weight });
    }
    // Ties by term id: ids follow the posts' order, so the choice is the same at every build.
    shareable.sort((a, b) => b.weight - a.weight || a.term - b.term);
    const norm = Math.sqrt(squares) || 1;
    const unit = shareable.slice(0, TERMS_PER_POST).map(({ term, weight }) => ({ term, weight: weight / norm }));
    for (const { term, weight } of unit) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ post, weight });
    }
    return unit;
  });

  const sectionOf = posts.map((p) => (p.category ? slugify(p.category) : ""));
  // One score array for every post's turn, and the candidates it touched: no per-post map, no sort of thousands.
  const scores = new Float64Array(posts.length);
  return kept.map((unit, i) => {
    const touched: number[] = [];
    for (const { term, weight } of unit) {
      for (const other of postings.get(term)!) {
        if (other.post === i) continue;
        if (scores[other.post] === 0) touched.push(other.post);
        scores[other.post]! += weight * other.weight;
      }
    }
    const best: { post: number; score: number }[] = [];
    for (const j of touched) {
      const score = scores[j]! * (sectionOf[i] && sectionOf[j] === sectionOf[i] ? SAME_SECTION_FACTOR : 1);
      scores[j] = 0;
      if (score < MIN_SCORE) continue;
      if (best.length === count && score < best[count - 1]!.score) continue;
      // Posts come newest first: on equal scores the lower index, the newer post (or, same instant, the first URL), wins.
      const at = best.findIndex((b) => score > b.score || (score === b.score && j < b.post));
      if (at !== -1) best.splice(at, 0, { post: j, score });
      else if (best.length < count) best.push({ post: j, score });
      if (best.length > count) best.pop();
    }
    return best.map((b) => b.post);
  });
}

/**
 * Terms as small integers: words, tags, and two-word phrases (a pair of word ids, no string
 * made for it). Ids are given in the order terms are met, so they depend only on the posts.
 */
class TermIds {
  readonly #words = new Map<string, number>();
  readonly #pairs = new Map<number, number>();
  readonly #tags = new Set<number>();
  size = 0;
  tag(name: string): number {
    const id = this.word(`#${slugify(name)}`);
    this.#tags.add(id);
    return id;
  }
  isTag(id: number): boolean {
    return this.#tags.has(id);
  }
  word(word: string): number {
    let id = this.#words.get(word);
    if (id === undefined) this.#words.set(word, (id = this.size++));
    return id;
  }
  pair(first: number, second: number): number {
    const key = first * 0x200000 + second; // exact: ids stay far below 2^21 × 2^21 < 2^53
    let id = this.#pairs.get(key);
    if (id === undefined) this.#pairs.set(key, (id = this.size++));
    return id;
  }
}

/** A post's terms and how often each occurs (weighted): tags, words, and the two-word phrases of its title and summary. */
function termCounts(post: Post, terms: TermIds): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (term: number, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  for (const tag of post.tags) add(terms.tag(tag), 1);
  const addText = (text: string, weight: number, phrases: boolean) => {
    let previous = -1;
    // Post text is NFC already (the loader normalizes it).
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word === "") continue;
      const id = terms.word(word);
      if (word.length > 1) add(id, weight);
      if (phrases && previous !== -1) add(terms.pair(previous, id), weight);
      previous = id;
    }
  };
  // Two-word phrases ("nông thôn", "Sông Mã") where they say most, in the title and summary; words alone in the body's start.
  addText(post.title, TITLE_WEIGHT, true);
  if (post.summary) addText(post.summary, 1, true);
  addText(post.text.slice(0, BODY_CHARS), 1, false);
  return counts;
}

function linkTo(post: Post): PostLink {
  return { title: post.title, url: post.url, date: post.date };
}
