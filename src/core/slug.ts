/** URL slugs: Eleventy's own slugify (so `{{ title | slugify }}` agrees), which folds Vietnamese to ASCII. */
import slugifyLib from "@sindresorhus/slugify";

/** "Chú trọng xây dựng Đảng bộ" → "chu-trong-xay-dung-dang-bo". Same options as Eleventy's `slugify` filter. */
export function slugify(text: string): string {
  return slugifyLib(text.normalize("NFC"), { decamelize: false });
}

/** A slug that is safe in a URL path segment as is: lowercase ASCII letters and digits joined by single hyphens. */
export function isUrlSafeSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}
