/** Article URLs from a permalink pattern such as "/{yyyy}/{MM}/{dd}/{slug}/". */

export const PERMALINK_TOKENS = ["yyyy", "MM", "dd", "slug"] as const;
export type PermalinkToken = (typeof PERMALINK_TOKENS)[number];

/** Fills a permalink pattern. The date parts must already be in the site's time zone. */
export function expandPermalink(pattern: string, values: Record<PermalinkToken, string>): string {
  return pattern.replace(/\{(yyyy|MM|dd|slug)\}/g, (_, token: PermalinkToken) => values[token]);
}
