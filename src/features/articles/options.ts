/**
 * The articles feature's options (`related`). Composed into the root schema by options/schema.ts; the
 * README's table and the public types come from here (`npm run options-table`).
 */
import { UP_TO_50, feature, option, wholeNumber } from "../../options/fields.ts";

export const relatedOptions = feature(
  {
    count: option(wholeNumber(0, 50).default(5), {
      description:
        'Related articles ("Tin liên quan") under each article, ranked by shared tags, section and text, newer first on ties; `0`: none.',
      expected: UP_TO_50,
    }),
    sameSection: option(wholeNumber(0, 50).default(5), {
      description:
        "Other articles of the article's section (\"Tin cùng chuyên mục\"): those published just before it (just after, for the section's oldest), the related ones left out; `0`: none.",
      expected: UP_TO_50,
    }),
  },
  {
    description: "What the article page shows under the article; see *Front page and related articles*. `false`: both lists off.",
    typeName: "RelatedOptions",
    absent: {},
    off: { count: 0, sameSection: 0 },
  },
);
