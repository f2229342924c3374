/** URL slugs: Eleventy's own slugify (so `{{ title | slugify }}` agrees), which folds Vietnamese to ASCII. */
import slugifyLib from "@sindresorhus/slugify";

/** Slugs already made: the library takes ~0.6 ms a call, and tags and sections repeat across thousands of posts. */
const made = new Map<string, string>();
const MAX_REMEMBERED = 100_000;

/** "Chú trọng xây dựng Đảng bộ" → "chu-trong-xay-dung-dang-bo". Same options as Eleventy's `slugify` filter. */
export function slugify(text: string): string {
  let slug = made.get(text);
  if (slug === undefined) {
    slug = slugifyLib(text.normalize("NFC"), { decamelize: false });
    if (made.size >= MAX_REMEMBERED) made.clear();
    made.set(text, slug);
  }
  return slug;
}

/** A slug that is safe in a URL path segment as is: lowercase ASCII letters and digits joined by single hyphens. */
export function isUrlSafeSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}
