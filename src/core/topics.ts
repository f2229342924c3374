/** Names, slugs and URLs of sections (categories) and tags: shared by posts and their pages. Pure. */
import type { SectionDeclaration } from "../options/types.ts";
import { expandPermalink } from "./permalink.ts";
import { slugify } from "./slug.ts";

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
