// The search page: Pagefind's JS API behind a small form. The query and filters live in
// the URL (/search/?q=song+ma&month=2019-10), so results can be shared and the back
// button works. No framework, no inline code (works under a strict CSP).
import { rangeFilter } from "./date-range.js";
import { highlightExcerpt } from "./highlight.js";
import { openSearch } from "./search-parts.js";

const PAGE = 10;
const FIELDS = ["q", "year", "month", "category", "from", "to", "sort"];

const form = /** @type {HTMLFormElement | null} */ (document.querySelector("form[data-newsroom-search]"));
if (form) start(form);

/** @param {HTMLFormElement} form */
function start(form) {
  const strings = JSON.parse(form.dataset.strings ?? "{}");
  const status = document.querySelector("[data-newsroom-search-status]");
  const list = document.querySelector("[data-newsroom-search-results]");
  const more = /** @type {HTMLButtonElement} */ (document.querySelector("[data-newsroom-search-more]"));
  let pagefind;
  let run = 0;
  let shown = [];
  let shownCount = 0;

  // Pagefind's runtime from the root bundle, then the parts' list: searches open only the parts they need.
  const load = () =>
    (pagefind ??= (async () => {
      const bundleUrl = new URL(form.dataset.bundle, location.href).href;
      const module = await import(`${bundleUrl}pagefind.js`);
      return openSearch({ bundleUrl, baseUrl: form.dataset.baseUrl, pagefind: module, options: { excerptLength: 30 } });
    })());

  /** The search state from a URL's parameters; `day` is a one-day range. */
  const stateFrom = (params) => {
    const state = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ""]));
    const day = params.get("day");
    if (day && !state.from && !state.to) state.from = state.to = day;
    return state;
  };
  /** @param {string} name */
  const field = (name) => /** @type {HTMLInputElement | HTMLSelectElement | null} */ (form.elements.namedItem(name));
  const stateOfForm = () => Object.fromEntries(FIELDS.map((f) => [f, (field(f)?.value ?? "").trim()]));
  const fill = (state) => {
    for (const f of FIELDS) {
      const input = field(f);
      if (!input) continue;
      if (input instanceof HTMLSelectElement && state[f] && ![...input.options].some((o) => o.value === state[f])) {
        input.add(new Option(state[f], state[f])); // a value from a shared link that is not offered
      }
      input.value = state[f];
    }
  };
  const urlOf = (state) => {
    const params = new URLSearchParams();
    for (const f of FIELDS) if (state[f]) params.set(f, state[f]);
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}`;
  };

  const filtersOf = (state) => {
    const filters = {};
    if (state.year) filters.year = state.year;
    if (state.month) filters.month = state.month;
    if (state.category) filters.category = state.category;
    if (state.from || state.to) {
      const range = rangeFilter(state.from || form.dataset.firstDay, state.to || form.dataset.lastDay);
      if (range) Object.assign(filters, range);
      else filters.day = "none"; // an impossible range finds nothing
    }
    return filters;
  };

  const say = (template, values = {}) => (template ?? "").replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));

  // Whether the reader has begun with the results on screen (scrolled, pointed, focused, asked for
  // more): complete results arriving later then wait behind a button instead of moving the list.
  let reading = false;
  const startReading = () => {
    if (list.hasAttribute("data-newsroom-search-pending")) reading = true;
  };
  addEventListener("scroll", startReading, { passive: true });
  list.addEventListener("pointerdown", startReading);
  list.addEventListener("focusin", startReading);
  const allYears = document.createElement("button");
  allYears.type = "button";
  allYears.className = "search-all-years";
  allYears.hidden = true;
  allYears.textContent = strings.showAllYears;
  status.after(allYears);

  async function search(state) {
    const mine = ++run;
    const filters = filtersOf(state);
    const hasFilters = Object.keys(filters).length > 0;
    list.replaceChildren();
    list.removeAttribute("data-newsroom-search-pending");
    more.hidden = true;
    allYears.hidden = true;
    reading = false;
    if (!state.q && !hasFilters) {
      status.textContent = "";
      return;
    }
    status.textContent = strings.loading;
    let response;
    try {
      const pf = await load();
      response = await pf.search(
        state.q || null,
        { filters, sort: state.sort === "newest" ? { date: "desc" } : undefined },
        {
          // The newest posts' results first, while the older years are searched.
          onFirst: (first) => {
            if (mine !== run || first.results.length === 0) return;
            list.setAttribute("data-newsroom-search-pending", "");
            show(first.results, state, mine, strings.searchingOlder);
          },
        },
      );
    } catch (error) {
      console.error(error);
      if (mine === run) status.textContent = strings.failed;
      return;
    }
    if (mine !== run || !response) return; // a newer search took over
    const pending = list.hasAttribute("data-newsroom-search-pending");
    list.removeAttribute("data-newsroom-search-pending");
    if (pending && reading) {
      // Never move what the reader is looking at: the complete results come when asked for.
      allYears.hidden = false;
      allYears.onclick = () => {
        allYears.hidden = true;
        show(response.results, state, mine);
      };
      status.textContent = summary(response.results, state);
      return;
    }
    await show(response.results, state, mine);
  }

  const summary = (results, state) => {
    const count = results.length.toLocaleString(document.documentElement.lang || undefined);
    return results.length === 0
      ? say(strings.noResults, { query: state.q })
      : say(state.q ? strings.results : strings.resultsNoQuery, { count, query: state.q });
  };

  /** Lists the first page of `results` (replacing what is listed); `note` follows the count while more is coming. */
  async function show(results, state, mine, note) {
    shown = results;
    shownCount = 0;
    const text = summary(results, state);
    status.textContent = note ? `${text}. ${note}` : text;
    list.replaceChildren();
    await showMore(state, mine);
  }

  async function showMore(state, mine) {
    const next = shown.slice(shownCount, shownCount + PAGE);
    shownCount += next.length;
    const data = await Promise.all(next.map((r) => r.data()));
    if (mine !== run) return;
    for (const item of data) list.append(render(item, state.q));
    more.hidden = shownCount >= shown.length;
  }

  function render(item, query) {
    const li = document.createElement("li");
    li.className = "search-result";
    if (item.meta.image) {
      const img = document.createElement("img");
      img.className = "search-result-image";
      const src = item.meta.image;
      // Paths inside the site get the deploy prefix; URLs stay as they are.
      img.src = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src) ? src : `${form.dataset.baseUrl}${src.replace(/^\//, "")}`;
      img.alt = item.meta.image_alt ?? "";
      img.loading = "lazy";
      li.append(img);
    }
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

  let typing;
  const update = (push) => {
    const state = stateOfForm();
    const url = urlOf(state);
    if (url !== `${location.pathname}${location.search}`) history[push ? "pushState" : "replaceState"](null, "", url);
    search(state);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    update(true);
  });
  form.addEventListener("input", (event) => {
    clearTimeout(typing);
    typing = setTimeout(() => update(false), /** @type {HTMLInputElement} */ (event.target).name === "q" ? 300 : 0);
  });
  more.addEventListener("click", () => {
    startReading();
    showMore(stateOfForm(), run);
  });
  addEventListener("popstate", () => {
    const state = stateFrom(new URLSearchParams(location.search));
    fill(state);
    search(state);
  });

  const initial = stateFrom(new URLSearchParams(location.search));
  fill(initial);
  search(initial);
}
