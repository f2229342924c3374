/**
 * "Tin liên quan" and "Tin cùng chuyên mục" under each article, computed at build time. Pure.
 *
 * Related articles are ranked by how much two posts share, weighted by how rare what they share
 * is (TF-IDF): their tags, the words and two-word phrases of their titles, summaries and the start
 * of their bodies; the same section raises the score a little, and a score too low to mean a
 * shared subject (one common word) does not count. Ties go to the newer post, then by URL, so the
 * same posts always give the same lists.
 *
 * The cost stays near-linear in the number of posts: each post keeps only its most telling terms,
 * and a term found in more than `maxPostings` posts (a word like "của", a tag on every post) is
 * too common to point at a related article, so no post is compared along it. Candidates are
 * the posts met along the remaining postings, never all pairs.
 */
import type { Post, PostLink } from "../content/post.ts";
import { slugify } from "../core/slug.ts";

export interface RelatedSettings {
  /** Related articles per post (0: none). */
  count: number;
  /** Newest articles of the same section per post (0: none). */
  sameSection: number;
}

/** Characters of the body that count, after the title and summary. */
const BODY_CHARS = 1500;
/** Terms a post keeps (its most telling ones). */
const TERMS_PER_POST = 24;
/** Weight of a shared tag, of a title term, against a body term. */
const TAG_WEIGHT = 3;
const TITLE_WEIGHT = 2;
/** How much the same section raises a candidate's score (scores are cosines, 0 to 1). */
const SAME_SECTION_FACTOR = 1.15;
/** Below this score, what two posts share is a common word or two, not a subject. */
const MIN_SCORE = 0.03;

/** The posts (newest first) with `related` and `sameSection` filled; new objects, the input is left as it is. */
export function withRelated(posts: readonly Post[], settings: RelatedSettings): Post[] {
  const related = settings.count > 0 ? relatedIndexes(posts, settings.count) : posts.map(() => []);
  const sections = new Map<string, number[]>();
  if (settings.sameSection > 0) {
    posts.forEach((post, i) => {
      if (!post.category) return;
      const key = slugify(post.category);
      const list = sections.get(key);
      if (!list) sections.set(key, [i]);
      else if (list.length <= settings.count + settings.sameSection) list.push(i);
    });
  }
  return posts.map((post, i) => {
    const mine = related[i]!;
    const taken = new Set([i, ...mine]);
    const newest = post.category ? (sections.get(slugify(post.category)) ?? []) : [];
    return {
      ...post,
      related: mine.map((j) => linkTo(posts[j]!)),
      sameSection: newest
        .filter((j) => !taken.has(j))
        .slice(0, settings.sameSection)
        .map((j) => linkTo(posts[j]!)),
    };
  });
}

/** For each post, the indexes of its `count` most related posts, best first. */
export function relatedIndexes(posts: readonly Post[], count: number): number[][] {
  const vectors = posts.map(termWeights);
  const df = new Map<string, number>();
  for (const terms of vectors) for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const maxPostings = Math.max(20, Math.ceil(Math.sqrt(posts.length)));

  // Each post's most telling terms, TF-IDF weighted and normalized; postings of the terms that are rare enough.
  const postings = new Map<string, { post: number; weight: number }[]>();
  const kept = vectors.map((terms, post) => {
    // The norm counts every term of the post, so that sharing one word with a long text weighs little.
    let squares = 0;
    const shareable: [string, number][] = [];
    for (const [term, tf] of terms) {
      const n = df.get(term)!;
      const weight = (1 + Math.log(tf)) * Math.log(posts.length / n);
      squares += weight * weight;
      // Met nowhere else, or too common to point at anything: no postings.
      if (n >= 2 && n <= maxPostings && n < posts.length) shareable.push([term, weight]);
    }
    shareable.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const norm = Math.sqrt(squares) || 1;
    const unit = shareable.slice(0, TERMS_PER_POST).map(([term, w]) => [term, w / norm] as const);
    for (const [term, weight] of unit) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ post, weight });
    }
    return unit;
  });

  const sectionOf = posts.map((p) => (p.category ? slugify(p.category) : ""));
  // One score array for every post's turn, and the candidates it touched: no per-post map, no sort of thousands.
  const scores = new Float64Array(posts.length);
  return kept.map((terms, i) => {
    const touched: number[] = [];
    for (const [term, weight] of terms) {
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
      // Posts come newest first: on equal scores the lower index, the newer post (or, same instant, the first URL), wins.
      const at = best.findIndex((b) => score > b.score || (score === b.score && j < b.post));
      if (at !== -1) best.splice(at, 0, { post: j, score });
      else if (best.length < count) best.push({ post: j, score });
      if (best.length > count) best.pop();
    }
    return best.map((b) => b.post);
  });
}

/** A post's terms and how often each occurs: tags, then words and two-word phrases of its text. */
function termWeights(post: Post): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (term: string, weight: number) => terms.set(term, (terms.get(term) ?? 0) + weight);
  for (const tag of post.tags) add(`#${slugify(tag)}`, TAG_WEIGHT);
  const addText = (text: string, weight: number) => {
    const words =
      text
        .normalize("NFC")
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [];
    words.forEach((word, k) => {
      if (word.length > 1) add(word, weight);
      if (k > 0) add(`${words[k - 1]} ${word}`, weight);
    });
  };
  addText(post.title, TITLE_WEIGHT);
  addText(`${post.summary ?? ""} ${post.text.slice(0, BODY_CHARS)}`, 1);
  return terms;
}

function linkTo(post: Post): PostLink {
  return { title: post.title, url: post.url, date: post.date };
}
