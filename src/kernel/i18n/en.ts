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
      lunar: (l) => `(lunar calendar: ${l.day}/${l.month}${l.leap ? " leap" : ""}, year ${l.yearName})`,
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
      sections: "Sections",
      tagTitle: (name) => `Tag: ${name}`,
      postCount: (n) => `${n.toLocaleString("en")} ${n === 1 ? "article" : "articles"}`,
      sectionMenu: "Sections",
      relatedArticles: "Related articles",
      sameSection: (section) => `More in ${section}`,
      leadStory: "Top story",
      moreInSection: "More",
      readingTime: (m) => `${m} min read`,
      skipToContent: "Skip to content",
      noPosts: "No posts yet.",
      notFoundTitle: "Page not found",
      notFoundMessage: "The page you are looking for does not exist, or has moved. Search the articles by word or by date.",
      offlineTitle: "You are offline",
      offlineMessage:
        "This page has not been saved for offline reading. The pages you have visited and search still work; try again when you are back online.",
    },
    archive: {
      yearTitle: (y) => String(y),
      monthTitle: (y, m) => DateTime.utc(y, m, 1).setLocale(locale).toFormat("LLLL yyyy"),
      dayTitle: (y, m, d) => DateTime.utc(y, m, d).setLocale(locale).toLocaleString(DateTime.DATE_FULL),
      monthLabel: (m) => DateTime.utc(2000, m, 1).setLocale(locale).toFormat("LLLL"),
      dayLabel: (d) => String(d),
      // 2024-01-01 is a Monday.
      weekdaysShort: Array.from({ length: 7 }, (_, i) =>
        DateTime.utc(2024, 1, 1 + i)
          .setLocale(locale)
          .toFormat("ccc"),
      ),
      weekdaysLong: Array.from({ length: 7 }, (_, i) =>
        DateTime.utc(2024, 1, 1 + i)
          .setLocale(locale)
          .toFormat("cccc"),
      ),
      archive: "Archive",
      postCount: (n) => `${n.toLocaleString(locale)} ${n === 1 ? "post" : "posts"}`,
      monthsOfYear: "Months",
      latestOfYear: "Latest of the year",
      postsOfMonth: "Posts of the month",
      postsOfDay: "Posts of the day",
      dateSearchLabel: "Search by date",
      dateSearchButton: "Go",
      dateSearchBrowse: "Browse the archive by month",
      dateSearchEarlier: "No posts on {date}. Here are the posts of the nearest earlier day.",
      dateSearchLater: "No posts on or before {date}. Here are the posts of the nearest later day.",
    },
    search: {
      title: "Search",
      queryLabel: "Search words",
      placeholder: "Search the archive",
      button: "Search",
      filters: "Filters",
      year: "Year",
      month: "Month",
      category: "Category",
      from: "From",
      to: "To",
      sort: "Sort",
      sortRelevance: "Most relevant",
      sortNewest: "Newest first",
      any: "All",
      results: "{count} results for “{query}”",
      resultsNoQuery: "{count} posts",
      noResults: "No results for “{query}”.",
      loading: "Searching…",
      searchingOlder: "The newest results; still searching earlier years…",
      showAllYears: "Show results from every year",
      failed: "The search index could not be loaded. Try again when you are online.",
      more: "More results",
      inYear: "Search this year",
      inMonth: "Search this month",
      inDay: "Search this day",
      needsJavaScript: "Search needs JavaScript. You can still browse posts by date in the archive.",
    },
    cms: {
      title: "Content manager",
      posts: "Posts",
      post: "Post",
      fields: {
        title: { label: "Title", hint: "The headline; the address of the article is made from it." },
        date: { label: "Publication date" },
        summary: { label: "Summary", hint: "One or two sentences for lists and search engines; empty: the start of the text." },
        author: { label: "Author" },
        category: { label: "Section" },
        tags: { label: "Tags", hint: "Words separated by commas." },
        image: { label: "Photo", hint: "The lead photo, shown above the article and in lists." },
        image_alt: { label: "Photo description", hint: "What the photo shows, for readers who cannot see it." },
        caption: { label: "Caption", hint: "Shown under the photo." },
        featured: { label: "Lead story", hint: "The newest lead story opens the front page." },
        draft: { label: "Draft", hint: "A draft is not published." },
        body: { label: "Text" },
      },
      dateHint: (zone) => `The site's time (${zone}). A later date schedules the post: it appears with the first build after it.`,
      categoryHint: "One of the site's sections.",
      decapLocale: "en",
      articleDate: { locale },
    },
  };
}

export const en: LocalePack = intlPack("en");
