/**
 * admin.js (src/features/cms/client/cms-admin.js, with the settings the build writes into it), run against a
 * stand-in of Decap's globals: `h` builds a plain tree, `createClass` returns the component's spec.
 * The date widget reads every date form as the build does (kernel/dates.ts), in the site's zone
 * whatever the machine's; it writes the site's wall clock; the preview's date line is the article
 * page's (the locale pack's `dates.article`); the preview's images are the site's or Decap's.
 */
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { parsePostDate } from "../../../../../src/kernel/dates.ts";
import { localePack } from "../../../../../src/kernel/i18n/index.ts";
import { resolveOptions } from "../../../../../src/options/index.ts";
import { adminScript, adminSettings } from "../../../../../src/features/cms/cms.ts";

interface Node {
  type: unknown;
  props: Record<string, any>;
  children: unknown[];
}
type Spec = {
  render(this: { props: Record<string, unknown> }): Node | null;
  componentDidMount?(this: { props: Record<string, unknown> }): void;
};

const h = (type: unknown, props: Record<string, any> | null, ...children: unknown[]): Node => ({
  type,
  props: props ?? {},
  children: children.flat(),
});

/** Runs admin.js for a site; what it registered with Decap. */
function load(user: Parameters<typeof resolveOptions>[0], prefix = "/") {
  const options = resolveOptions(user);
  const script = adminScript(adminSettings(options, (url) => `${prefix.slice(0, -1)}${url}`));
  const styles: string[] = [];
  const widgets: Record<string, { control: Spec; preview: Spec }> = {};
  const templates: Record<string, Spec> = {};
  const CMS = {
    registerPreviewStyle: (url: string) => styles.push(url),
    registerWidget: (name: string, control: Spec, preview: Spec) => (widgets[name] = { control, preview }),
    registerPreviewTemplate: (name: string, template: Spec) => (templates[name] = template),
  };
  new Function("window", "self", script)({ CMS, h, createClass: (spec: Spec) => spec }, {});
  return { styles, widgets, templates };
}

/** Every node of a tree, depth first. */
function nodes(tree: unknown): Node[] {
  if (!tree || typeof tree !== "object" || !("type" in tree)) return [];
  const node = tree as Node;
  return [node, ...node.children.flatMap(nodes)];
}

const byClass = (tree: unknown, name: string) => nodes(tree).find((n) => n.props.className === name);
const text = (tree: unknown): string =>
  typeof tree === "string" || typeof tree === "number"
    ? String(tree)
    : tree && typeof tree === "object" && "children" in tree
      ? (tree as Node).children.map(text).join("")
      : "";

const ZONE = "Asia/Ho_Chi_Minh";
const site = load({ locale: "vi", timeZone: ZONE }, "/tin/");
const control = site.widgets["newsroom-datetime"]!.control;

/** The datetime-local input the date widget renders for a value. */
function input(value: unknown, onChange: (value: string) => void = () => {}): Node {
  const tree = control.render.call({ props: { value, onChange, forID: "date", classNameWrapper: "w", t: (key: string) => key } });
  return nodes(tree).find((n) => n.type === "input")!;
}

describe("the date widget, in the site's zone", () => {
  // Machines' zones differ; these forms must read the same anywhere (the build never looks at TZ either).
  const forms: [unknown, string][] = [
    ["2019-10-18", "2019-10-18T00:00"],
    ["2019-10-18 08:30", "2019-10-18T08:30"],
    ["2019-10-18  08:30", "2019-10-18T08:30"],
    ["2019-10-18T08:30", "2019-10-18T08:30"],
    ["2019-10-18t08:30z", "2019-10-18T15:30"],
    ["2019-10-18T08:30:45.123", "2019-10-18T08:30"],
    ["2019-10-18T08:30:45.123456789+07:00", "2019-10-18T08:30"],
    ["2019-10-18T08:30:00+07:00", "2019-10-18T08:30"],
    ["2019-10-18T08:30+0700", "2019-10-18T08:30"],
    ["2019-10-18T08:30+07", "2019-10-18T08:30"],
    ["2019-10-18T01:30:00Z", "2019-10-18T08:30"],
    ["2019-10-18T01:30:00.000z", "2019-10-18T08:30"],
    ["2019-10-17T21:30:00-04:00", "2019-10-18T08:30"],
    ["2019-10-18T23:30:00-02:00", "2019-10-19T08:30"],
    ["2019-12-31T17:30:00Z", "2020-01-01T00:30"],
  ];

  test.each(forms)("%j shows as %s, the time the build reads", (value, shown) => {
    expect(input(value).props.value).toBe(shown);
    const parsed = parsePostDate(value, ZONE);
    expect(parsed.ok && parsed.date.toFormat("yyyy-MM-dd'T'HH:mm")).toBe(shown);
  });

  test("a UTC timestamp, which Decap's YAML reads as a Date, shows in the site's zone", () => {
    expect(input(new Date("2019-10-18T01:30:00Z")).props.value).toBe("2019-10-18T08:30");
  });

  test.each([
    ["18/10/2019"],
    ["2019-10-18 8:30"],
    ["2019-10-18t08:30"],
    ["2019-10-18+07:00"],
    ["{{now}}"],
    [""],
    [undefined],
    [20191018],
    [new Date("nonsense")],
  ])("%j, which the build does not read as a date, shows nothing", (value) => {
    expect(input(value).props.value).toBe("");
    expect(parsePostDate(value, ZONE).ok).toBe(false);
  });

  test("a time set is written as the site's wall clock, CMS_DATE_FORMAT; an emptied picker empties the field", () => {
    const written: string[] = [];
    const field = input("2019-10-18T01:30:00Z", (value) => written.push(value));
    field.props.onChange({ target: { value: "2019-10-19T06:45" } });
    field.props.onChange({ target: { value: "" } });
    expect(written).toEqual(["2019-10-19 06:45", ""]);
  });

  test('a new post\'s "{{now}}", and the "now" button, are the site\'s now; a date already there is left alone', () => {
    const written: string[] = [];
    const props = { value: "{{now}}", onChange: (value: string) => written.push(value), t: (key: string) => key };
    const before = DateTime.now().setZone(ZONE).startOf("minute");
    control.componentDidMount!.call({ props });
    control.componentDidMount!.call({ props: { ...props, value: "2019-10-18" } });
    const button = nodes(control.render.call({ props })).find((n) => n.type === "button")!;
    expect(text(button)).toBe("editor.editorWidgets.datetime.now");
    button.props.onClick();
    expect(written).toHaveLength(2);
    for (const value of written) {
      const at = DateTime.fromFormat(value, "yyyy-MM-dd HH:mm", { zone: ZONE });
      expect(at.isValid).toBe(true);
      expect(at.diff(before, "minutes").minutes).toBeGreaterThanOrEqual(0);
      expect(at.diff(before, "minutes").minutes).toBeLessThan(2);
    }
  });
});

/** The preview of a post with these fields, rendered. */
function preview(templates: Record<string, Spec>, data: Record<string, unknown>): Node {
  const props = {
    entry: { getIn: ([, key]: string[]) => data[key!] },
    widgetFor: (name: string) => `«${name}»`,
    getAsset: (path: string) => ({ toString: () => `decap:${path}` }),
  };
  return templates.posts!.render.call({ props })!;
}

describe("the posts' preview", () => {
  test("is the article page's structure and words: category, headline, date line, author, summary, photo and caption, body, tags", () => {
    const tree = preview(site.templates, {
      title: "Thị trấn Sông Mã",
      date: "2019-10-18T01:30:00Z",
      author: "Lò Văn Hưng",
      category: "Thời sự",
      summary: "Khang trang, sạch, đẹp.",
      image: "/images/uploads/song-ma.jpg",
      image_alt: "Phố chính",
      caption: "Thị trấn Sông Mã.",
      tags: { toArray: () => ["Sông Mã", " ", "đô thị"] },
    });
    expect(tree.props.className).toBe("site-main");
    expect(text(byClass(tree, "article-title"))).toBe("Thị trấn Sông Mã");
    expect(text(byClass(tree, "article-category"))).toBe("Thời sự");
    expect(byClass(tree, "article-date")!.props.dateTime).toBe("2019-10-18T08:30");
    expect(text(byClass(tree, "article-meta"))).toBe("Ngày 18 tháng 10 năm 2019 · Tác giả: Lò Văn Hưng");
    expect(text(byClass(tree, "article-summary"))).toBe("Khang trang, sạch, đẹp.");
    const figure = byClass(tree, "article-figure")!;
    // An upload is asked of Decap by its name in the media folder.
    expect(nodes(figure).find((n) => n.type === "img")!.props).toEqual({ src: "decap:song-ma.jpg", alt: "Phố chính" });
    expect(text(nodes(figure).find((n) => n.type === "figcaption"))).toBe("Thị trấn Sông Mã.");
    expect(text(byClass(tree, "article-body"))).toBe("«body»");
    expect(text(byClass(tree, "article-tags-heading"))).toBe("Từ khóa");
    expect(
      nodes(byClass(tree, "article-tags"))
        .filter((n) => n.type === "li")
        .map(text),
    ).toEqual(["Sông Mã", "đô thị"]);
  });

  test("leaves out what the post does not have, as the article page does", () => {
    const tree = preview(site.templates, { title: "Tin", date: "2019-10-18", summary: " ", tags: [] });
    const classes = nodes(tree).map((n) => n.props.className);
    for (const absent of ["article-category", "article-author", "article-summary", "article-figure", "article-footer"]) {
      expect(classes).not.toContain(absent);
    }
    expect(text(byClass(tree, "article-meta"))).toBe("Ngày 18 tháng 10 năm 2019");
  });

  test("shows a photo outside the media folder at its site URL, under the path prefix; a remote one as Decap has it", () => {
    const src = (image: string) => nodes(preview(site.templates, { title: "T", image })).find((n) => n.type === "img")!.props.src;
    expect(src("/images/photos/cau.jpg")).toBe("/tin/images/photos/cau.jpg");
    expect(src("/images/uploads/2019/cau.jpg")).toBe("/tin/images/uploads/2019/cau.jpg");
    expect(src("https://anh.example/cau.jpg")).toBe("decap:https://anh.example/cau.jpg");
    const other = load({ cms: { mediaFolder: "media" } });
    const otherSrc = (image: string) => nodes(preview(other.templates, { title: "T", image })).find((n) => n.type === "img")!.props.src;
    expect(otherSrc("/media/cau.jpg")).toBe("decap:cau.jpg");
    expect(otherSrc("/images/uploads/cau.jpg")).toBe("/images/uploads/cau.jpg");
  });

  test.each(["vi", "en", "fr", "de"])("the date line is the article page's in %s", (locale) => {
    const { templates } = load({ locale, timeZone: "Europe/Paris" });
    const pack = localePack(locale);
    for (const date of ["2019-10-18 08:30", "2020-01-01T00:30:00+01:00", "2024-02-29", "2019-12-31T23:30:00Z"]) {
      const parsed = parsePostDate(date, "Europe/Paris");
      if (!parsed.ok) throw new Error(date);
      expect(text(byClass(preview(templates, { title: "T", date }), "article-date"))).toBe(pack.dates.article(parsed.date));
    }
  });
});

test("admin.js registers the site's stylesheets for the preview, the date widget and the posts' preview", () => {
  expect(site.styles).toEqual(["/tin/assets/newsroom/newsroom.css", "/tin/assets/newsroom/fonts.css"]);
  expect(Object.keys(site.widgets)).toEqual(["newsroom-datetime"]);
  expect(Object.keys(site.templates)).toEqual(["posts"]);
  expect(load({ font: false, cms: { previewStyles: ["/assets/site.css"] } }).styles).toEqual([
    "/assets/newsroom/newsroom.css",
    "/assets/site.css",
  ]);
});
