// "Search by date": sends the reader to the chosen day's archive page, or to the nearest
// day that has posts, and explains the substitution on arrival. No framework, no inline code.
// What it reads from the build (days.json, the form's and the notice's attributes) is declared
// in ../contract.d.ts.
import { dayUrl, nearestDay } from "./nearest-day.js";

/**
 * @import { DateNoticeAttribute, DateNoticeData, DateSearchAttribute, DateSearchData, DateSearchField, DateSearchParam, DaysIndex } from "../contract.js"
 */

/** @type {DateSearchAttribute} */
const FORM = "data-newsroom-date-search";
/** @type {DateNoticeAttribute} */
const NOTICE = "data-newsroom-date-notice";
/** @type {DateSearchField} */
const FIELD = "date";
/** @type {DateSearchParam} */
const DATE = "date";
/** @type {DateSearchParam} */
const REQUESTED = "requested";
/**
 * The day index, fetched once per page (browser code: a module instance lives as long as the page,
 * and every form on it reads the same days.json).
 * @type {Promise<DaysIndex["days"]> | undefined}
 */
let daysPromise;

/** @param {HTMLFormElement} form @returns {Partial<DateSearchData>} */
const formData = (form) => form.dataset;

/** @param {string} url */
function loadDays(url) {
  daysPromise ??= fetch(url)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.statusText))))
    .then((/** @type {DaysIndex} */ index) => index.days);
  return daysPromise;
}

/**
 * Goes to the requested day's page, or the nearest day's; false when it cannot (no index, no day).
 * @param {HTMLFormElement} form
 * @param {string} requested "yyyy-MM-dd"
 */
async function go(form, requested) {
  const { daysUrl = "", dayUrl: dayPattern = "" } = formData(form);
  let days;
  try {
    days = await loadDays(daysUrl);
  } catch {
    return false; // offline without the index: let the form reach the archive index
  }
  const found = nearestDay(days, requested);
  if (!found) return false;
  const target = new URL(dayUrl(dayPattern, found.day), location.href);
  if (found.match !== "exact") target.searchParams.set(REQUESTED, requested);
  location.assign(target.href);
  return true;
}

for (const form of /** @type {NodeListOf<HTMLFormElement>} */ (document.querySelectorAll(`form[${FORM}]`))) {
  form.addEventListener("submit", async (event) => {
    const requested = /** @type {HTMLInputElement | null} */ (form.elements.namedItem(FIELD))?.value ?? "";
    if (!requested) return;
    event.preventDefault();
    if (!(await go(form, requested))) form.submit();
  });
}

// The form's no-JavaScript target is the archive index with ?date=…; with JavaScript, go on to the day.
const params = new URLSearchParams(location.search);
const form = /** @type {HTMLFormElement | null} */ (document.querySelector(`form[${FORM}]`));
if (form && params.has(DATE) && new URL(form.action, location.href).pathname === location.pathname) {
  go(form, params.get(DATE) ?? "");
}

// On a day page reached from an empty day, say so.
const notice = /** @type {HTMLElement | null} */ (document.querySelector(`[${NOTICE}]`));
const requested = params.get(REQUESTED);
if (notice) {
  const { day = "", earlier = "", later = "" } = /** @type {Partial<DateNoticeData>} */ (notice.dataset);
  if (requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) && requested !== day) {
    const [y, m, d] = requested.split("-").map(Number);
    const formatted = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      day: "numeric",
      month: "numeric",
      year: "numeric",
      timeZone: "UTC",
    }).format(Date.UTC(y, m - 1, d));
    const template = requested < day ? later : earlier;
    if (template) {
      notice.textContent = template.replace("{date}", formatted);
      notice.hidden = false;
    }
  }
}
