/**
 * The sections and tags feature's options (`sections`, `tags`). Composed into the root schema by options/schema.ts; the
 * README's table and the public types come from here (`npm run options-table`).
 */
import {
  TRUE_OR_FALSE,
  A_STRING,
  enabled,
  feature,
  flag,
  option,
  sectionList,
  sectionsExpected,
  sitePath,
  urlPattern,
} from "../../options/fields.ts";

export const sectionOptions = feature(
  {
    enabled: enabled("Write section pages and their index."),
    url: option(urlPattern(["slug"]).default("/chuyen-muc/{slug}/"), {
      description: "URL of a section's pages; `{slug}` is the section's name slugged like titles (`Xây dựng Đảng` → `xay-dung-dang`).",
      expected: A_STRING,
    }),
    index: option(sitePath().default("/chuyen-muc/"), { description: "URL of the index of sections.", expected: A_STRING }),
    categories: option(sectionList().default([]), {
      description:
        'The site\'s sections in menu order, each a name or `{ name, label?, slug? }`. Declared, they make the header\'s section menu and the search page\'s category filter in that order, and a post with any other `category` stops the build naming it (with the nearest declared name). A name with nothing a URL can be made from (`"🔥"`, `"!!!"`, Chinese) needs a `slug`. Empty: any category is a section, named by its most used spelling.',
      expected: sectionsExpected,
    }),
    feeds: option(flag().default(true), {
      description: "Give each section its own Atom and JSON feed at `{section url}feed.xml` and `feed.json` (when feeds are on).",
      expected: TRUE_OR_FALSE,
    }),
  },
  {
    description:
      "Section pages: a page per section (a post's `category`), paginated, and an index of sections. `false`: no section pages, menu or links.",
    typeName: "SectionOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);

export const tagOptions = feature(
  {
    enabled: enabled("Write tag pages and their index."),
    url: option(urlPattern(["slug"]).default("/tag/{slug}/"), {
      description:
        "URL of a tag's pages; two spellings with one slug (`Sông Mã`, `sông mã`) are one tag, named by its most used spelling (see *Sections and tags*).",
      expected: A_STRING,
    }),
    index: option(sitePath().default("/tag/"), { description: "URL of the index of tags.", expected: A_STRING }),
  },
  {
    description:
      "Tag pages: a page per tag, paginated, and an index of tags. `false`: no tag pages, and an article's tags are shown without links.",
    typeName: "TagOptions",
    absent: { enabled: true },
    off: { enabled: false },
  },
);
