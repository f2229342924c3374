/**
 * The site files' options (`manifest`). Composed into the root schema by options/schema.ts; the
 * README's table and the public types come from here (`npm run options-table`).
 */
import { z } from "zod";
import { enabled, colour, feature, option, text } from "../../options/fields.ts";

export const manifestOptions = feature(
  {
    enabled: enabled(
      'Write the manifest (`/manifest.webmanifest`) and link it from every page, with its icons as the favicon (`<link rel="icon">`, under the path prefix).',
    ),
    shortName: option(text().default(""), {
      description: "The short name under the installed icon.",
      shownDefault: "the site's title",
      expected: "text",
    }),
    icons: option(
      z
        .array(
          option(
            z.strictObject({
              src: option(z.string(), { description: 'The icon\'s file, a site path such as `"/images/icon-512.png"`.' }),
              sizes: option(z.string(), { description: 'Its sizes, such as `"512x512"` (`"any"` for SVG).' }),
              type: option(z.string(), { description: 'Its media type, such as `"image/png"`.' }),
              purpose: option(z.string().optional(), { description: 'What it is for: `"any"`, `"maskable"`, `"monochrome"`.' }),
            }),
            {
              description: "An icon of the installed site.",
              typeName: "ManifestIcon",
            },
          ),
        )
        .default([]),
      {
        description:
          "Icons, site paths with their sizes and types (`[{ src, sizes, type, purpose? }]`). Empty: a monogram of the site's title, drawn as SVG.",
        expected: 'a list of { src, sizes, type }, such as [{ src: "/images/icon-512.png", sizes: "512x512", type: "image/png" }]',
      },
    ),
    themeColor: colour('The browser\'s colour around the installed site (`<meta name="theme-color">`).'),
    backgroundColor: colour("The splash screen's background."),
  },
  {
    description:
      'The web app manifest, so that the offline-capable site can be installed; every page links its icons as the favicon (`<link rel="icon">`, under the path prefix). `false`: no manifest and no icon link (link yours in `_includes/newsroom/head.njk`).',
    typeName: "ManifestOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);
