// The search page: Pagefind's JS API behind a small form. The query and filters live in
// the URL (/search/?q=song+ma&month=2019-10), so results can be shared and the back
// button works. No framework, no inline code (works under a strict CSP). What it reads from
// the build (the form's attributes and strings, the records' meta) is declared in ../contract.d.ts.
import { rangeFilter } from "./date-range.js";
import { highlightExcerpt } from "./highlight.js";
import { openSearch } from "./search-parts.js";

/**
 * @import { SearchField, SearchFormAttribute, SearchFormData, SearchMoreAttribute, SearchPageStrings, SearchParam, SearchResultsAttribute, SearchSortChoice, SearchStatusAttribute } from "../contract.js"
 * @import { Filters, PagefindData, PagefindResult } from "./search-parts.js"
 */
/**
 * The search: the form's fields, as the URL's parameters hold them ("" when not given).
 * @typedef {Record<SearchField, string>} SearchState
 */
/**
 * The page: its elements, what the build gave it, and where the latest search stands.
 * @typedef {object} Page
 * @property {HTMLFormElement} form
 * @property {Partial<SearchFormData>} data the form's attributes
 * @property {Partial<SearchPageStrings>} strings
 * @property {Element} status the status line
 * @property {Element} list the results
 * @property {HTMLButtonElement} more shows the next page of results
 * @property {HTMLButtonElement} allYears shows the complete results that came while the reader was reading
 * @property {ReturnType<typeof openSearch> | undefined} pagefind opened on the first search
 * @property {number} run the latest search's number: answers to older ones are dropped
 * @property {PagefindResult[]} shown the results being listed
 * @property {number} shownCount how many of them are listed
 * @property {boolean} reading whether the reader has begun with the results on screen
 * @property {ReturnType<typeof setTimeout> | undefined} typing the pending search while typing
 */

const PAGE = 10;
/** @type {readonly SearchField[]} */
const FIELDS = ["q", "year", "month", "category", "from", "to", "sort"];
/** @type {SearchParam} */
const DAY = "day";
/** @type {SearchSortChoice} */
const NEWEST = "newest";
/** @type {SearchFormAttribute} */
const FORM = "data-newsroom-search";
/** @type {SearchStatusAttribute} */
const STATUS = "data-newsroom-search-status";
/** @type {SearchResultsAttribute} */
const RESULTS = "data-newsroom-search-results";
/** @type {SearchMoreAttribute} */
const MORE = "data-newsroom-search-more";
/** On the results while they are the newest posts' only and the complete ones are coming (the script's own). */
const PENDING = "data-newsroom-search-pending";

const form = /** @type {HTMLFormElement | null} */ (document.querySelector(`form[${FORM}]`));
if (form) start(form);

/** @param {HTMLFormElement} form */
function start(form) {
  const status = document.querySelector(`[${STATUS}]`);
  const list = document.querySelector(`[${RESULTS}]`);
  const more = /** @type {HTMLButtonElement | null} */ (document.querySelector(`[${MORE}]`));
  if (!status || !list || !more) return;
  /** @type {Partial<SearchFormData>} */
  const data = form.dataset;
  /** @type {Page} */
  const page = {
    form,
    data,
    strings: JSON.parse(data.strings ?? "{}"),
    status,
    list,
    more,
    allYears: allYearsButton(status),
    pagefind: undefined,
    run: 0,
    shown: [],
    shownCount: 0,
    reading: false,
    typing: undefined,
  };
  page.allYears.textContent = page.strings.showAllYears ?? null;

  // Whether the reader has begun with the results on screen (scrolled, pointed, focused, asked for
  // more): complete results arriving later then wait behind a button instead of moving the list.
  const reading = () => startReading(page);
  addEventListener("scroll", reading, { passive: true });
  list.addEventListener("pointerdown", reading);
  list.addEventListener("focusin", reading);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(page.typing);
    update(page, true);
  });
  form.addEventListener("input", (event) => {
    clearTimeout(page.typing);
    page.typing = setTimeout(() => update(page, false), /** @type {HTMLInputElement} */ (event.target).name === "q" ? 300 : 0);
  });
  more.addEventListener("click", () => {
    startReading(page);
    showMore(page, stateOfForm(form), page.run);
  });
  addEventListener("popstate", () => {
    const state = stateFrom(new URLSearchParams(location.search));
    fill(form, state);
    search(page, state);
  });

  const initial = stateFrom(new URLSearchParams(location.search));
  fill(form, initial);
  search(page, initial);
}

/** The button that shows the complete results, after the status line. @param {Element} status */
function allYearsButton(status) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "search-all-years";
  button.hidden = true;
  status.after(button);
  return button;
}

/** @param {Page} page */
function startReading(page) {
  if (page.list.hasAttribute(PENDING)) page.reading = true;
}

/** Pagefind's runtime from the root bundle, then the parts' list: searches open only the parts they need. @param {Page} page */
function load(page) {
  return (page.pagefind ??= (async () => {
    const bundleUrl = new URL(page.data.bundle ?? "", location.href).href;
    const module = await import(`${bundleUrl}pagefind.js`);
    return openSearch({ bundleUrl, baseUrl: page.data.baseUrl ?? "/", pagefind: module, options: { excerptLength: 30 } });
  })());
}

/**
 * The search state from a URL's parameters; `day` is a one-day range.
 * @param {URLSearchParams} params
 * @returns {SearchState}
 */
function stateFrom(params) {
  const state = stateOf((f) => params.get(f) ?? "");
  const day = params.get(DAY);
  if (day && !state.from && !state.to) state.from = state.to = day;
  return state;
}

/** @param {HTMLFormElement} form @returns {SearchState} */
function stateOfForm(form) {
  return stateOf((f) => (field(form, f)?.value ?? "").trim());
}

/** @param {(field: SearchField) => string} value @returns {SearchState} */
function stateOf(value) {
  return /** @type {SearchState} */ (Object.fromEntries(FIELDS.map((f) => [f, value(f)])));
}

/** @param {HTMLFormElement} form @param {SearchField} name */
function field(form, name) {
  return /** @type {HTMLInputElement | HTMLSelectElement | null} */ (form.elements.namedItem(name));
}

/** Sets the form's fields to a state. @param {HTMLFormElement} form @param {SearchState} state */
function fill(form, state) {
  for (const f of FIELDS) {
    const input = field(form, f);
    if (!input) continue;
    if (input instanceof HTMLSelectElement && state[f] && ![...input.options].some((o) => o.value === state[f])) {
      input.add(new Option(state[f], state[f])); // a value from a shared link that is not offered
    }
    input.value = state[f];
  }
}

/** The page's URL for a state. @param {SearchState} state */
function urlOf(state) {
  const params = new URLSearchParams();
  for (const f of FIELDS) if (state[f]) params.set(f, state[f]);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ""}`;
}

/**
 * Pagefind's filters for a state; an open date range ends at the first or last day with posts.
 * @param {SearchState} state
 * @param {Partial<SearchFormData>} data
 * @returns {Filters}
 */
function filtersOf(state, data) {
  /** @type {Filters} */
  const filters = {};
  if (state.year) filters.year = state.year;
  if (state.month) filters.month = state.month;
  if (state.category) filters.category = state.category;
  if (state.from || state.to) {
    const range = rangeFilter(state.from || data.firstDay || "", state.to || data.lastDay || "");
    if (range) Object.assign(filters, range);
    else filters.day = "none"; // an impossible range finds nothing
  }
  return filters;
}

/**
 * A string with its "{name}"s replaced.
 * @param {string | undefined} template
 * @param {Record<string, string | undefined>} [values]
 */
function say(template, values = {}) {
  return (template ?? "").replace(/\{(\w+)\}/g, (_, /** @type {string} */ key) => String(values[key] ?? ""));
}

/** Writes the state into the URL (a new history entry when `push`), then searches. @param {Page} page @param {boolean} push */
function update(page, push) {
  const state = stateOfForm(page.form);
  const url = urlOf(state);
  if (url !== `${location.pathname}${location.search}`) history[push ? "pushState" : "replaceState"](null, "", url);
  search(page, state);
}

/**
 * Searches and lists the results: the newest posts' first when older years take longer; complete
 * results that arrive while the reader is reading wait behind a button.
 * @param {Page} page
 * @param {SearchState} state
 */
async function search(page, state) {
  const { list, status, more, allYears, strings } = page;
  const mine = ++page.run;
  const filters = filtersOf(state, page.data);
  const hasFilters = Object.keys(filters).length > 0;
  list.replaceChildren();
  list.removeAttribute(PENDING);
  more.hidden = true;
  allYears.hidden = true;
  page.reading = false;
  if (!state.q && !hasFilters) {
    status.textContent = "";
    return;
  }
  status.textContent = strings.loading ?? null;
  let response;
  try {
    const pf = await load(page);
    response = await pf.search(
      state.q || null,
      { filters, sort: state.sort === NEWEST ? { date: "desc" } : undefined },
      {
        // The newest posts' results first; the older years are searched once they are on screen.
        onFirst: async (first) => {
          if (mine !== page.run || first.results.length === 0) return;
          list.setAttribute(PENDING, "");
          await show(page, first.results, state, mine, strings.searchingOlder);
        },
      },
    );
  } catch (error) {
    console.error(error);
    if (mine === page.run) status.textContent = strings.failed ?? null;
    return;
  }
  if (mine !== page.run || !response) return; // a newer search took over
  const pending = list.hasAttribute(PENDING);
  list.removeAttribute(PENDING);
  if (pending && page.reading) {
    // Never move what the reader is looking at: the complete results come when asked for.
    const { results } = response;
    allYears.hidden = false;
    allYears.onclick = () => {
      allYears.hidden = true;
      show(page, results, state, mine);
    };
    status.textContent = summary(page.strings, results, state);
    return;
  }
  await show(page, response.results, state, mine);
}

/**
 * The status line's count of results.
 * @param {Partial<SearchPageStrings>} strings
 * @param {PagefindResult[]} results
 * @param {SearchState} state
 */
function summary(strings, results, state) {
  const count = results.length.toLocaleString(document.documentElement.lang || undefined);
  return results.length === 0
    ? say(strings.noResults, { query: state.q })
    : say(state.q ? strings.results : strings.resultsNoQuery, { count, query: state.q });
}

/**
 * Lists the first page of `results` (replacing what is listed); `note` follows the count while more is coming.
 * @param {Page} page
 * @param {PagefindResult[]} results
 * @param {SearchState} state
 * @param {number} mine the search's number
 * @param {string} [note]
 */
async function show(page, results, state, mine, note) {
  page.shown = results;
  page.shownCount = 0;
  const text = summary(page.strings, results, state);
  page.status.textContent = note ? `${text}. ${note}` : text;
  page.list.replaceChildren();
  await showMore(page, state, mine);
}

/**
 * Lists the next page of the results being shown.
 * @param {Page} page
 * @param {SearchState} state
 * @param {number} mine the search's number
 */
async function showMore(page, state, mine) {
  const next = page.shown.slice(page.shownCount, page.shownCount + PAGE);
  page.shownCount += next.length;
  const data = await Promise.all(next.map((r) => r.data()));
  if (mine !== page.run) return;
  for (const item of data) page.list.append(render(item, state.q, page.data.baseUrl));
  page.more.hidden = page.shownCount >= page.shown.length;
}

/**
 * One result: its image, title, date and excerpt.
 * @param {PagefindData} item
 * @param {string} query
 * @param {string | undefined} baseUrl the site's root URL, path prefix applied
 */
function render(item, query, baseUrl) {
  const li = document.createElement("li");
  li.className = "search-result";
  if (item.meta.image) li.append(resultImage(item.meta.image, item.meta.image_alt, baseUrl));
  const title = document.createElement("h2");
  title.className = "search-result-title";
  const link = document.createElement("a");
  link.href = item.url;
  link.textContent = item.meta.title ?? item.url;
  title.append(link);
  const date = document.createElement("p");
  date.className = "search-result-date";
  date.textContent = item.meta.date ?? "";
  const excerpt = document.createElement("p");
  excerpt.className = "search-result-excerpt";
  // Pagefind's excerpt is escaped text with <mark>s; highlightExcerpt keeps it so.
  excerpt.innerHTML = query ? highlightExcerpt(item.excerpt, item.content, query) : item.excerpt;
  li.append(title, date, excerpt);
  return li;
}

/**
 * A result's image: paths inside the site get the deploy prefix; URLs stay as they are.
 * @param {string} src
 * @param {string | undefined} alt
 * @param {string | undefined} baseUrl
 */
function resultImage(src, alt, baseUrl) {
  const img = document.createElement("img");
  img.className = "search-result-image";
  img.src = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src) ? src : `${baseUrl}${src.replace(/^\//, "")}`;
  img.alt = alt ?? "";
  img.loading = "lazy";
  return img;
}
