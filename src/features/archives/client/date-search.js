// "Search by date": sends the reader to the chosen day's archive page, or to the nearest
// day that has posts, and explains the substitution on arrival. No framework, no inline code.
import { dayUrl, nearestDay } from "./nearest-day.js";

const REQUESTED = "requested";
let daysPromise;

function loadDays(url) {
  daysPromise ??= fetch(url)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.statusText))))
    .then((index) => index.days);
  return daysPromise;
}

async function go(form, requested) {
  let days;
  try {
    days = await loadDays(form.dataset.daysUrl);
  } catch {
    return false; // offline without the index: let the form reach the archive index
  }
  const found = nearestDay(days, requested);
  if (!found) return false;
  const target = new URL(dayUrl(form.dataset.dayUrl, found.day), location.href);
  if (found.match !== "exact") target.searchParams.set(REQUESTED, requested);
  location.assign(target.href);
  return true;
}

for (const form of /** @type {NodeListOf<HTMLFormElement>} */ (document.querySelectorAll("form[data-newsroom-date-search]"))) {
  form.addEventListener("submit", async (event) => {
    const requested = /** @type {HTMLInputElement | null} */ (form.elements.namedItem("date"))?.value ?? "";
    if (!requested) return;
    event.preventDefault();
    if (!(await go(form, requested))) form.submit();
  });
}

// The form's no-JavaScript target is the archive index with ?date=…; with JavaScript, go on to the day.
const params = new URLSearchParams(location.search);
const form = /** @type {HTMLFormElement | null} */ (document.querySelector("form[data-newsroom-date-search]"));
if (form && params.has("date") && new URL(form.action, location.href).pathname === location.pathname) {
  go(form, params.get("date") ?? "");
}

// On a day page reached from an empty day, say so.
const notice = /** @type {HTMLElement | null} */ (document.querySelector("[data-newsroom-date-notice]"));
const requested = params.get(REQUESTED);
if (notice && requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) && requested !== notice.dataset.day) {
  const [y, m, d] = requested.split("-").map(Number);
  const formatted = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    day: "numeric",
    month: "numeric",
    year: "numeric",
    timeZone: "UTC",
  }).format(Date.UTC(y, m - 1, d));
  const template = requested < notice.dataset.day ? notice.dataset.later : notice.dataset.earlier;
  notice.textContent = template.replace("{date}", formatted);
  notice.hidden = false;
}
