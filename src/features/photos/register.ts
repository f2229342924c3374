/** The photos feature's filters and transform (the renditions are planned and encoded by build/build.ts). */
import type { FeatureContext } from "../../kernel/feature.ts";
import type { ImageRole, ResponsiveImages } from "./images.ts";

/**
 * `picture`: `<picture>` for a site photo, `<img>` with its size for an SVG or GIF ("" for a
 * remote one); `shareImage`: the 1200-pixel rendition for sharing; and a transform that writes a
 * page once the renditions it names are in the output (a failed encoding stops it, named). With
 * option `images` off (`images` undefined) photos are served as written.
 */
export function registerPhotos(images: ResponsiveImages | undefined, context: FeatureContext): void {
  const { eleventyConfig } = context;
  eleventyConfig.addFilter("picture", (src: string, alt: string, role: ImageRole) => images?.picture(src, alt ?? "", role) ?? "");
  eleventyConfig.addTransform("newsroom-photos", (content: unknown) => images?.whenPublished(content) ?? content);
  eleventyConfig.addFilter("shareImage", (src: string) => shareImage(images, src));
}

/** The photo readers' apps show when a page is shared: its 1200-pixel rendition, or the photo as written. */
export function shareImage(images: ResponsiveImages | undefined, src: string): string {
  return images?.shareImage(src) ?? src;
}
