/**
 * The front page's options (`frontPage`). Composed into the root schema by options/schema.ts; the
 * README's table and the public types come from here (`npm run options-table`).
 */
import { TRUE_OR_FALSE, UP_TO_50, feature, flag, option, wholeNumber } from "../../options/fields.ts";

export const frontPageOptions = feature(
  {
    lead: option(flag().default(true), {
      description: "Open the front page with a lead story: the newest post marked `featured: true`, else the newest post.",
      expected: TRUE_OR_FALSE,
    }),
    sectionPosts: option(wholeNumber(0, 50).default(4), {
      description: "Then a block per section (declared order, else by name) with its newest posts: how many; `0`: no blocks.",
      expected: UP_TO_50,
    }),
  },
  {
    description: "The front page (the home list's first page). `false`: no lead story and no section blocks, the list alone.",
    typeName: "FrontPageOptions",
    absent: {},
    off: { lead: false, sectionPosts: 0 },
  },
);
