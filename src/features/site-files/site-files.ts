/**
 * The small files every site has: `/robots.txt`, the web app manifest and its default icon (a
 * monogram of the site's title). Pure text from the options.
 */
import type { NewsroomOptions } from "../../options/types.ts";

/** The manifest's URL and the default icon's, without path prefix. */
export const MANIFEST_URL = "/manifest.webmanifest";
export const DEFAULT_ICON_URL = "/assets/newsroom/icon.svg";

/** `/robots.txt`: everything allowed; the sitemap named when there is one (absolute URL). */
export function robotsTxt(sitemapUrl: string | undefined): string {
  return ["User-agent: *", "Allow: /", ...(sitemapUrl ? [`Sitemap: ${sitemapUrl}`] : []), ""].join("\n");
}

/**
 * The site's icons, without path prefix: the manifest's (option `manifest.icons`), else the
 * monogram; none when the manifest is off. Every page links them as its `<link rel="icon">` too,
 * so that browsers do not ask for a `/favicon.ico` the site does not have.
 */
export function siteIcons(options: Pick<NewsroomOptions, "manifest">): { src: string; sizes: string; type: string }[] {
  if (!options.manifest.enabled) return [];
  return options.manifest.icons.length > 0 ? options.manifest.icons : [{ src: DEFAULT_ICON_URL, sizes: "any", type: "image/svg+xml" }];
}

/** The web app manifest (JSON), its URLs passed through `prefix` (the deploy path prefix). */
export function webManifest(options: Pick<NewsroomOptions, "site" | "manifest">, prefix: (url: string) => string): string {
  const icons = siteIcons(options);
  return `${JSON.stringify(
    {
      name: options.site.title,
      short_name: options.manifest.shortName || options.site.title,
      ...(options.site.description ? { description: options.site.description } : {}),
      lang: options.site.language,
      start_url: prefix("/"),
      scope: prefix("/"),
      display: "standalone",
      background_color: options.manifest.backgroundColor,
      theme_color: options.manifest.themeColor,
      icons: icons.map((icon) => ({ ...icon, src: prefix(icon.src) })),
    },
    null,
    2,
  )}\n`;
}

/** A square SVG with the initials of the site's title ("Báo Sơn La" → "BS"), for the manifest and as a fallback favicon. */
export function monogramIcon(title: string, colors: { background: string; text: string }): string {
  const initials =
    title
      .split(/\s+/)
      .map((word) => [...word.normalize("NFC")].find((c) => /\p{L}|\p{N}/u.test(c)) ?? "")
      .filter(Boolean)
      .slice(0, 2)
      .join("")
      .toLocaleUpperCase() || "N";
  const text = initials.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="${colors.background}"/><text x="256" y="256" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="220" font-weight="700" fill="${colors.text}">${text}</text></svg>\n`;
}
