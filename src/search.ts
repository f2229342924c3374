/**
 * Full-text search: a Pagefind index written inside the build, from the typed posts
 * (no HTML re-parsing), with Vietnamese `đ`/`Đ` made searchable without accents.
 */
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { NewsroomError } from "./errors.ts";
import type { Post } from "./post.ts";

/** Where the Pagefind bundle goes, inside the output folder. */
export const BUNDLE_DIR = "pagefind";

/** A record as Pagefind's `addCustomRecord` takes it. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * Words of `text` that contain `đ`/`Đ`, with those letters folded to `d`/`D`, once each.
 * Pagefind folds other diacritics itself but not `đ` (a letter of its own, not a `d` with a
 * mark), so "dang" would never find "Đảng". These folded words go into a searchable meta
 * field; the content readers see in excerpts stays as written.
 */
export function foldedDWords(text: string): string[] {
  const words = text.normalize("NFC").match(/[\p{L}\p{N}]*[đĐ][\p{L}\p{N}]*/gu) ?? [];
  return [...new Set(words.map((w) => w.replace(/đ/g, "d").replace(/Đ/g, "D")))];
}

/** The meta field holding the folded `đ` words (searchable, never displayed). */
export const FOLD_META = "fold";

/** One post as a search record: body text, display meta, date and topic filters, a date sort key. */
export function searchRecord(post: Post, settings: { language: string; displayDate: (post: Post) => string }): SearchRecord {
  const meta: Record<string, string> = { title: post.title, date: settings.displayDate(post) };
  if (post.image) meta.image = post.image;
  if (post.image_alt) meta.image_alt = post.image_alt;
  const folded = foldedDWords(`${post.title} ${post.text}`);
  if (folded.length > 0) meta[FOLD_META] = folded.join(" ");
  const filters: Record<string, string[]> = {
    year: [post.year],
    month: [`${post.year}-${post.month}`],
    day: [`${post.year}-${post.month}-${post.day}`],
  };
  if (post.category) filters.category = [post.category];
  if (post.tags.length > 0) filters.tag = post.tags;
  return {
    url: post.url,
    content: post.text.normalize("NFC"),
    language: settings.language,
    meta,
    filters,
    // UTC ISO 8601 sorts as text in time order.
    sort: { date: post.date.toISOString().replace(/\.\d{3}Z$/, "Z") },
  };
}

/** What the build summary says about the index. */
export interface IndexSummary {
  records: number;
  bytes: number;
  files: number;
  seconds: number;
}

/**
 * Writes the Pagefind bundle for `posts` into `<outputDir>/pagefind/`. Every Pagefind
 * response is checked; an error names the post concerned. The service is always closed.
 *
 * Pagefind indexes in its own process, so the plugin starts this as soon as the posts are
 * read and lets it run on the second core while Eleventy renders the pages.
 */
export async function writeSearchIndex(
  posts: readonly Post[],
  settings: { outputDir: string; language: string; displayDate: (post: Post) => string },
): Promise<IndexSummary> {
  const started = performance.now();
  const pagefind = await import("pagefind");
  const bundleDir = path.join(settings.outputDir, BUNDLE_DIR);
  await rm(bundleDir, { recursive: true, force: true }); // no stale chunks from an earlier build
  try {
    const created = await pagefind.createIndex({ forceLanguage: settings.language });
    const index = created.index;
    if (created.errors.length > 0 || !index) throw pagefindError("could not start the search index", created.errors);
    // Every record is sent at once: the binary works through them on its own core while
    // this thread goes back to rendering, and only the answers come back here.
    await Promise.all(
      posts.map(async (post) => {
        const added = await index.addCustomRecord(searchRecord(post, settings));
        if (added.errors.length > 0) throw pagefindError(`could not index ${post.inputPath} (${post.url})`, added.errors);
      }),
    );
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw pagefindError(`could not write the search index to ${bundleDir}`, written.errors);
  } finally {
    await pagefind.close();
  }
  const { bytes, files } = await folderSize(bundleDir);
  return { records: posts.length, bytes, files, seconds: (performance.now() - started) / 1000 };
}

function pagefindError(what: string, errors: readonly string[]): NewsroomError {
  return new NewsroomError(`search: ${what}: Pagefind says: ${errors.join("; ") || "no details"}`);
}

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}
