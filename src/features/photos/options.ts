/**
 * The photos feature's options (`images`). Composed into the root schema by options/schema.ts; the
 * README's table and the public types come from here (`npm run options-table`).
 */
import { z } from "zod";
import { A_STRING, enabled, feature, nonBlank, option, sitePath, wholeNumber } from "../../options/fields.ts";

const IMAGE_FORMATS = ["avif", "webp", "jpeg", "png"] as const;
export const imageOptions = feature(
  {
    enabled: enabled("Encode local photos (.jpg, .png, .webp, .avif) into several widths and formats and write `<picture>`."),
    widths: option(z.array(wholeNumber(16, 8000)).min(1).default([480, 800, 1200]), {
      description: "Widths of the renditions, in pixels (never wider than the photo); the widest near 1200 serves Open Graph and JSON-LD.",
      expected: "a list of widths in pixels, such as [480, 800, 1200]",
    }),
    formats: option(
      z
        .array(z.enum(IMAGE_FORMATS))
        .refine((formats) => formats.some((f) => f === "jpeg" || f === "png"))
        .default(["avif", "webp", "jpeg"]),
      {
        description: "Formats of the renditions, best first (browsers take the first they support); `jpeg` or `png` among them.",
        expected:
          'a list of "avif", "webp", "jpeg", "png" with "jpeg" or "png" among them (for browsers and crawlers that read nothing else), such as ["avif", "webp", "jpeg"]',
      },
    ),
    url: option(sitePath().default("/img/"), { description: "URL folder of the renditions in the site.", expected: A_STRING }),
    cache: option(nonBlank().default(".cache/newsroom-img"), {
      description: "Folder (from the project root) where renditions are kept between builds: an unchanged photo is not encoded again.",
      expected: "a folder path",
    }),
  },
  {
    description:
      "Responsive photos (@11ty/eleventy-img) of posts, the lead `image` and the images of the body; see *Photos*. `false`: photos are shown as they are.",
    typeName: "ImageOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);
