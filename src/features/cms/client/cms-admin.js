/* Newsroom's additions to Decap CMS: the web editor's admin.js, loaded after decap-cms.js as a plain
 * script. The build puts the settings (JSON made from the site's options and locale pack) in place of
 * the placeholder below. It registers
 * - the date field's widget, `newsroom-datetime`: the picker shows and sets the time in the site's
 *   zone whatever the browser's, writes "YYYY-MM-DD HH:mm" (the site's wall clock) when the writer
 *   changes the date, and leaves the date as the file had it otherwise;
 * - the posts' preview: the article page's structure and classes (src/layouts/article.njk), in the
 *   site's stylesheets. Decap gives `CMS`, `h` (React.createElement) and `createClass`. */
/** @import { AdminSettings, DateWidget, PostsCollection } from "../contract.js" */
(function () {
  /** @type {AdminSettings} */
  // @ts-expect-error: a placeholder, which the build replaces with the settings (contract.d.ts: SettingsPlaceholder)
  const settings = self.__NEWSROOM_CMS__;
  /** @type {DateWidget} */
  const DATE_WIDGET = "newsroom-datetime";
  /** @type {PostsCollection} */
  const POSTS = "posts";
  /**
   * Decap's globals, as far as admin.js uses them (decap-cms.js puts them on window).
   * @typedef {(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown} CreateElement
   * @typedef {{
   *   registerPreviewStyle(url: string): void,
   *   registerWidget(name: string, control: unknown, preview: unknown): void,
   *   registerPreviewTemplate(name: string, template: unknown): void,
   * }} Cms
   * @typedef {{ CMS: Cms, h: CreateElement, createClass: (spec: object) => unknown }} DecapGlobals
   * @typedef {{
   *   forID: string, value: unknown, onChange: (value: string) => void, classNameWrapper: string,
   *   setActiveStyle: () => void, setInactiveStyle: () => void, t?: (key: string) => string, isDisabled?: boolean,
   * }} ControlProps the date widget's control's props
   * @typedef {{ entry: { getIn(path: string[]): unknown }, widgetFor(name: string): unknown,
   *   getAsset(path: string): unknown, document?: Document }} TemplateProps the posts' preview's props
   */
  const { CMS, h, createClass } = /** @type {DecapGlobals} */ (/** @type {unknown} */ (window));
  const zone = settings.timeZone;

  // The forms the build reads (kernel/dates.ts), once spaces after the day are a "T": a day, a
  // wall-clock time in the site's zone, an instant (its "T" and "Z" in either case).
  const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d{1,9})?)?)?$/;
  const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}(?::?\d{2})?)$/i;
  const clock = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });

  /** "YYYY-MM-DDTHH:mm": the instant's wall clock in the site's zone. */
  function wallClock(/** @type {Date} */ instant) {
    /** @type {Record<string, string>} */
    const parts = {};
    for (const part of clock.formatToParts(instant)) parts[part.type] = part.value;
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  }

  /**
   * The date field's value as the site reads it, "YYYY-MM-DDTHH:mm" in the site's zone (the
   * datetime-local input's form), or "" when it is none of the build's forms. Decap hands over what
   * the file says: a string, or a Date for a UTC timestamp ("2019-10-18T01:30:00Z").
   * @param {unknown} value
   */
  function siteTime(value) {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : wallClock(value);
    if (typeof value !== "string") return "";
    const text = value.trim().replace(/^(\d{4}-\d{2}-\d{2}) +(?=\d)/, "$1T");
    const local = LOCAL.exec(text);
    if (local) return `${local[1]}T${local[2] ?? "00:00"}`;
    const instant = INSTANT.exec(text);
    if (!instant) return "";
    const [, day, time, offset] = instant;
    const utcOffset = /^z$/i.test(offset) ? "Z" : `${offset.slice(0, 3)}:${offset.slice(3).replace(":", "") || "00"}`;
    const date = new Date(`${day}T${time}${utcOffset}`);
    return Number.isNaN(date.getTime()) ? "" : wallClock(date);
  }

  /** What the widget writes: the site's wall clock, "YYYY-MM-DD HH:mm" (CMS_DATE_FORMAT in features/cms/cms.ts). */
  const stored = (/** @type {string} */ input) => input.replace("T", " ");

  const DateTimeControl = createClass({
    /** @this {{ props: ControlProps }} */
    componentDidMount() {
      // New posts: the field's default is "{{now}}", as for Decap's own datetime widget.
      if (this.props.value === "{{now}}") this.props.onChange(stored(wallClock(new Date())));
    },
    /** @this {{ props: ControlProps }} */
    render() {
      const { forID, value, onChange, classNameWrapper, setActiveStyle, setInactiveStyle, t, isDisabled } = this.props;
      return h(
        "div",
        { className: classNameWrapper, style: { display: "flex", gap: "1rem", alignItems: "center", flexWrap: "wrap" } },
        h("input", {
          id: forID,
          type: "datetime-local",
          value: siteTime(value),
          disabled: isDisabled,
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
          onChange: (/** @type {{ target: HTMLInputElement }} */ event) => onChange(event.target.value ? stored(event.target.value) : ""),
        }),
        h("span", { style: { color: "#666", fontSize: "0.85em" } }, zone),
        isDisabled
          ? null
          : h(
              "button",
              { type: "button", style: { cursor: "pointer" }, onClick: () => onChange(stored(wallClock(new Date()))) },
              t ? t("editor.editorWidgets.datetime.now") : "Now",
            ),
      );
    },
  });

  /** The article page's date line for a site time ("YYYY-MM-DDTHH:mm"): locale pack, `dates.article`. */
  function articleDate(/** @type {string} */ time) {
    const [y, M, d] = time.slice(0, 10).split("-").map(Number);
    const form = settings.articleDate;
    /** @type {Record<string, number>} */
    const fields = { y, M, d };
    if ("pattern" in form) return form.pattern.replace(/\{([yMd])\}/g, (_, /** @type {string} */ key) => String(fields[key]));
    const format = new Intl.DateTimeFormat(form.locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    return format.format(Date.UTC(y, M - 1, d));
  }

  const DateTimePreview = createClass({
    /** @this {{ props: { value: unknown } }} */
    render() {
      const time = siteTime(this.props.value);
      return time ? h("time", { dateTime: time }, articleDate(time)) : null;
    },
  });

  /**
   * A list field's value (an Immutable List in Decap) as an array of strings.
   * @param {unknown} value
   * @returns {string[]}
   */
  function strings(value) {
    /** @type {unknown[]} */
    const items =
      value && typeof (/** @type {{ toArray?: unknown }} */ (value).toArray) === "function"
        ? /** @type {{ toArray(): unknown[] }} */ (value).toArray()
        : Array.isArray(value)
          ? value
          : [];
    return items.filter(/** @type {(item: unknown) => item is string} */ ((item) => typeof item === "string" && item.trim() !== ""));
  }

  /**
   * Where the preview finds an image a post names by its site path ("/images/uploads/song-ma.jpg",
   * the form the build checks). Decap takes any path that starts with "/" for a URL and has the
   * browser fetch it from the editor's origin as it is: under a path prefix that is nowhere, and
   * an image uploaded since the last build is not on the site yet. So an upload is asked of Decap
   * by its name in the media folder (Decap reads it from the repository, or from the upload itself
   * before publishing), and any other site path gets the path prefix, as on the article page.
   * @param {string} image
   * @param {(path: string) => unknown} getAsset
   */
  function imageSource(image, getAsset) {
    const uploads = `${settings.mediaFolder}/`;
    if (image.startsWith(uploads) && !image.slice(uploads.length).includes("/")) return String(getAsset(image.slice(uploads.length)));
    if (image.startsWith("/") && !image.startsWith("//")) return settings.pathPrefix + image.slice(1);
    return String(getAsset(image));
  }

  /** The posts' preview: src/layouts/article.njk's structure and classes, inside the page's main. */
  /** @typedef {{ props: TemplateProps, bodyImages(): void }} ArticlePreviewThis */
  const ArticlePreview = createClass({
    /** @this {ArticlePreviewThis} */
    componentDidMount() {
      this.bodyImages();
    },
    /** @this {ArticlePreviewThis} */
    componentDidUpdate() {
      this.bodyImages();
    },
    /** The body's images (Decap's markdown preview, not ours to render) found as the lead image is. */
    /** @this {ArticlePreviewThis} */
    bodyImages() {
      const { document, getAsset } = this.props;
      for (const img of document ? document.querySelectorAll(".article-body img") : []) {
        const image = img.getAttribute("data-newsroom-src") ?? img.getAttribute("src") ?? "";
        if (!image.startsWith("/") || image.startsWith("//")) continue;
        img.setAttribute("data-newsroom-src", image);
        const source = imageSource(image, getAsset);
        if (img.getAttribute("src") !== source) img.setAttribute("src", source);
      }
    },
    /** @this {ArticlePreviewThis} */
    render() {
      const { entry, widgetFor, getAsset } = this.props;
      const data = (/** @type {string} */ key) => entry.getIn(["data", key]);
      const text = (/** @type {string} */ key) => {
        const value = data(key);
        return typeof value === "string" && value.trim() !== "" ? value : "";
      };
      const time = siteTime(data("date"));
      const author = text("author");
      const image = text("image");
      const tags = strings(data("tags"));
      return h(
        "main",
        { className: "site-main" },
        h(
          "article",
          { className: "article" },
          h(
            "header",
            { className: "article-header" },
            text("category") ? h("p", { className: "article-category" }, text("category")) : null,
            h("h1", { className: "article-title" }, text("title")),
            h(
              "p",
              { className: "article-meta" },
              time ? h("time", { className: "article-date", dateTime: time }, articleDate(time)) : null,
              time && author ? " · " : null,
              author
                ? h(
                    "span",
                    { className: "article-author" },
                    h("span", { className: "visually-hidden" }, `${settings.labels.author}: `),
                    author,
                  )
                : null,
            ),
          ),
          text("summary") ? h("p", { className: "article-summary" }, text("summary")) : null,
          image
            ? h(
                "figure",
                { className: "article-figure" },
                h("img", { src: imageSource(image, getAsset), alt: text("image_alt") }),
                text("caption") ? h("figcaption", null, text("caption")) : null,
              )
            : null,
          h("div", { className: "article-body" }, widgetFor("body")),
          tags.length > 0
            ? h(
                "footer",
                { className: "article-footer" },
                h("h2", { className: "article-tags-heading" }, settings.labels.tags),
                h(
                  "ul",
                  { className: "article-tags" },
                  tags.map((tag, i) => h("li", { key: i }, tag)),
                ),
              )
            : null,
        ),
      );
    },
  });

  for (const url of settings.previewStyles) CMS.registerPreviewStyle(url);
  CMS.registerWidget(DATE_WIDGET, DateTimeControl, DateTimePreview);
  CMS.registerPreviewTemplate(POSTS, ArticlePreview);
})();
