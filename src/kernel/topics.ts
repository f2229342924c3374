/** Names, slugs and URLs of sections (categories) and tags: shared by posts and their pages. Pure. */
import { expandPermalink } from "./permalink.ts";
import { slugify } from "./slug.ts";

/**
 * A declared section: an item of option `sections.categories` (options.ts has the same type;
 * not imported from there, as options.ts calls `sectionDeclarationProblem` here).
 */
type SectionDeclaration = string | { name: string; label?: string; slug?: string };

/** A declared section, defaulted: `{ name, label: name, slug: slugify(name) }`. */
export function declaredSection(declaration: SectionDeclaration): { name: string; label: string; slug: string } {
  const item = typeof declaration === "string" ? { name: declaration } : declaration;
  return { name: item.name, label: item.label ?? item.name, slug: item.slug ?? slugify(item.name) };
}

/** The URL of a section's or tag's first page ("" when those pages are off). */
export function topicUrl(pattern: string, slug: string): string {
  return pattern ? expandPermalink(pattern, { yyyy: "", MM: "", dd: "", slug }) : "";
}

/** The slug of a category as the site names it (a declared slug wins). */
export function sectionSlug(name: string, declared: readonly SectionDeclaration[]): string {
  for (const declaration of declared) {
    const section = declaredSection(declaration);
    if (section.name === name) return section.slug;
  }
  return slugify(name);
}

/**
 * Why a name without a slug cannot name a section or tag: slugify keeps letters it can spell in
 * ASCII and digits, and drops the rest, so `"🔥"`, `"!!!"` or `"新闻"` would all go to `/tag//`.
 */
export const SLUG_LETTERS = "letters or digits to make its URL from (emoji, punctuation and scripts such as Chinese are left out of slugs)";

/**
 * What is wrong with a declared section (an item of option `sections.categories`), or undefined:
 * a name with nothing to make a slug from needs a slug of its own. Only this: the list's shape,
 * duplicates and the form of a given slug are the options' checks.
 */
export function sectionDeclarationProblem(declaration: SectionDeclaration): string | undefined {
  const { name, slug } = declaredSection(declaration);
  if (slug !== "") return undefined;
  return `the section ${JSON.stringify(name)} has no ${SLUG_LETTERS}: give it a slug, such as { name: ${JSON.stringify(name)}, slug: "tin-nong" }`;
}
