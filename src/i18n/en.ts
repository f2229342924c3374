import { DateTime } from "luxon";
import type { LocalePack } from "./types.ts";

/**
 * English strings; its date forms use Intl with the site's locale, so any locale
 * without a pack of its own still gets dates in its own language.
 */
export function intlPack(locale: string): LocalePack {
  return {
    dates: {
      long: (d) => d.setLocale(locale).toLocaleString(DateTime.DATE_HUGE),
      article: (d) => d.setLocale(locale).toLocaleString(DateTime.DATE_FULL),
      short: (d) => d.setLocale(locale).toLocaleString(DateTime.DATE_SHORT),
    },
    ui: {
      home: "Home",
      latestNews: "Latest news",
      newerPosts: "Newer posts",
      olderPosts: "Older posts",
      page: (n) => `Page ${n}`,
      previousArticle: "Previous article",
      nextArticle: "Next article",
      author: "Author",
      category: "Category",
      tags: "Tags",
      readingTime: (m) => `${m} min read`,
      skipToContent: "Skip to content",
      noPosts: "No posts yet.",
    },
  };
}

export const en: LocalePack = intlPack("en");
