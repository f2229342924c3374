/**
 * The web editor for posts (option `cms`, off by default): Decap CMS at `cms.path`, i.e.
 * `index.html`, `config.yml` made from what the plugin knows (the posts folder, how new posts
 * are named, the sections, the site's language and time zone) and Decap's script, copied from
 * the site's own `node_modules/decap-cms`: Decap is a large React application that only sites
 * with an editor should install, and no CDN is involved.
 *
 * The editor's fields are decided per front matter key in `EDITOR_FIELDS`: its type lists every
 * key of `PostFrontMatter` (posts/post.ts, the post schema), so a key added there does not
 * compile here until it has a widget or is left out on purpose. Labels and hints, written for
 * journalists rather than developers, are in the locale packs (kernel/i18n, `cms`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import yaml from "js-yaml";
import type { PostFrontMatter } from "../../posts/post.ts";
import type { FeatureContext } from "../../kernel/feature.ts";
import { NewsroomError } from "../../kernel/errors.ts";
import { localePack } from "../../kernel/i18n/index.ts";
import type { NewsroomOptions } from "../../options/types.ts";
import type { AdminSettings, DateWidget, PostsCollection, SettingsPlaceholder } from "./contract.js";
import { FONT_STYLESHEET_URL, PLUGIN_DIR } from "../../kernel/paths.ts";

/** A Decap field, as config.yml writes it. */
export type DecapField = { name: string; label: string; widget: string; hint?: string; required?: boolean } & Record<string, unknown>;

/** How the editor writes a date it sets: wall-clock time without an offset, which the build reads in the site's zone. */
const CMS_DATE_FORMAT = "YYYY-MM-DD HH:mm";

/**
 * The date field's widget, registered by admin.js (features/cms/client/cms-admin.js): a datetime picker in the
 * site's time zone, whatever the browser's. It shows any date form the build reads as the site's
 * wall clock, writes CMS_DATE_FORMAT when the writer sets the date (or "now", the site's now), and
 * leaves a date the writer does not touch as the file had it.
 */
const DATE_WIDGET: DateWidget = "newsroom-datetime";

type Widget = { widget: string; required?: boolean } & Record<string, unknown>;

/**
 * Each front matter key's widget, in the editor's order; `null`: not in the editor. `slug` and
 * `updated` are left out: the build makes the slug from the title (a writer who needs another
 * one edits the file), and an emptied date widget would write `updated: ""`.
 */
function editorFields(options: CmsOptions): Record<keyof PostFrontMatter, Widget | null> {
  const sections = options.sections.categories.map((s) => (typeof s === "string" ? { name: s } : s));
  return {
    title: { widget: "string", required: true },
    // Newsroom's widget (admin.js): Decap's datetime widget knows the browser's zone and UTC only.
    // `format` says what it writes; "{{now}}", as for Decap's widget, is the site's time of opening.
    date: { widget: DATE_WIDGET, required: true, format: CMS_DATE_FORMAT, default: "{{now}}" },
    summary: { widget: "text", required: false },
    author: { widget: "string", required: false, ...(options.newPost.author ? { default: options.newPost.author } : {}) },
    category:
      sections.length > 0
        ? { widget: "select", required: false, options: sections.map((s) => ({ label: s.label ?? s.name, value: s.name })) }
        : { widget: "string", required: false },
    tags: { widget: "list", required: false, default: [] },
    image: { widget: "image", required: false, choose_url: false },
    image_alt: { widget: "string", required: false },
    caption: { widget: "string", required: false },
    featured: { widget: "boolean", required: false, default: false },
    draft: { widget: "boolean", required: false, default: false },
    slug: null,
    updated: null,
  };
}

/** The fields of the posts collection: the front matter's, then the body. */
export function cmsFields(options: CmsOptions): DecapField[] {
  const strings = localePack(options.locale).cms;
  const text = (name: string) => strings.fields[name] ?? { label: name };
  const fields: DecapField[] = [];
  for (const [name, widget] of Object.entries(editorFields(options))) {
    if (!widget) continue;
    const { label, hint } = text(name);
    const fieldHint =
      name === "date"
        ? strings.dateHint(options.timeZone)
        : name === "category" && widget.widget === "select"
          ? strings.categoryHint
          : hint;
    fields.push({ name, label, ...(fieldHint ? { hint: fieldHint } : {}), ...widget });
  }
  fields.push({ name: "body", label: text("body").label, widget: "markdown" });
  return fields;
}

/** Where things are, from the folder decap-server and the git backends see as the repository's root. */
export interface CmsPaths {
  /** The posts folder, e.g. "posts". */
  postsFolder: string;
  /** The media folder, e.g. "images/uploads". */
  mediaFolder: string;
}

/**
 * Decap's path of a new post inside the posts folder, from `newPost.file` (so that the editor and
 * `newsroom new` name posts alike): "{yyyy}/{MM}/{slug}.md" → "{{year}}/{{month}}/{{slug}}".
 * Decap's year, month and day are the time of saving, in UTC: its path templates cannot format
 * the date field (Decap lowercases them and drops their quotes: `{{fields.date | date('YYYY')}}`
 * comes out empty).
 */
export function cmsPostPath(file: string): { path: string; extension: string } {
  const extension = path.extname(file).slice(1);
  const decap = file
    .slice(0, -(extension.length + 1))
    .replace(/\{yyyy\}/g, "{{year}}")
    .replace(/\{MM\}/g, "{{month}}")
    .replace(/\{dd\}/g, "{{day}}")
    .replace(/\{slug\}/g, "{{slug}}");
  return { path: decap, extension };
}

/** config.yml's content, as an object. */
function cmsConfig(options: CmsOptions, paths: CmsPaths): Record<string, unknown> {
  const { cms } = options;
  const strings = localePack(options.locale).cms;
  const post = cmsPostPath(options.newPost.file);
  return {
    backend: { ...cms.backend },
    ...(cms.localBackend === false ? {} : { local_backend: cms.localBackend === true ? true : { url: cms.localBackend } }),
    locale: strings.decapLocale,
    ...(options.site.url ? { site_url: options.site.url, display_url: options.site.url } : {}),
    media_folder: trimSlashes(paths.mediaFolder),
    // The site path posts refer to the images by (the build checks that it exists in the input folder).
    public_folder: publicFolder(options),
    // Titles in Vietnamese (or any language) become ASCII file names, as the build's slugs are.
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        name: POSTS_COLLECTION,
        label: strings.posts,
        label_singular: strings.post,
        folder: trimSlashes(paths.postsFolder),
        path: post.path,
        extension: post.extension,
        format: "frontmatter",
        // Decap gives a collection with a `path` its own media folder, the post's folder, unless
        // it has one: uploads go to the site's media folder ("/…": from the repository's root).
        media_folder: `/${trimSlashes(paths.mediaFolder)}`,
        public_folder: publicFolder(options),
        create: true,
        slug: "{{slug}}",
        summary: "{{title}}",
        sortable_fields: ["date", "title"],
        fields: cmsFields(options),
      },
    ],
  };
}

function cmsConfigYaml(options: CmsOptions, paths: CmsPaths): string {
  return yaml.dump(cmsConfig(options, paths), { lineWidth: -1, noRefs: true });
}

/**
 * The editor's page: Decap's script and ours, nothing inline (see the README's CSP for the editor).
 * Decap reads `config.yml` beside the page.
 */
function adminPage(options: CmsOptions, prefix: (url: string) => string): string {
  const strings = localePack(options.locale).cms;
  const admin = options.cms.path;
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  return `<!doctype html>
<html lang="${escape(options.site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escape(`${strings.title} – ${options.site.title}`)}</title>
</head>
<body data-pagefind-ignore="all">
<script src="${escape(prefix(`${admin}${DECAP_SCRIPT}`))}"></script>
<script src="${escape(prefix(`${admin}admin.js`))}"></script>
</body>
</html>
`;
}

/** The stylesheets of the editor's preview: the site's own look. */
function previewStyles(options: CmsOptions, prefix: (url: string) => string): string[] {
  return ["/assets/newsroom/newsroom.css", ...(options.font ? [FONT_STYLESHEET_URL] : []), ...options.cms.previewStyles].map(prefix);
}

/** The collection admin.js draws the preview of. */
const POSTS_COLLECTION: PostsCollection = "posts";

/** The expression in admin.js replaced by the settings. */
const SETTINGS_PLACEHOLDER: SettingsPlaceholder = "self.__NEWSROOM_CMS__";

/** What admin.js (features/cms/client/cms-admin.js) reads: the site's zone, the preview's stylesheets and words. */
export function adminSettings(options: CmsOptions, prefix: (url: string) => string): AdminSettings {
  const pack = localePack(options.locale);
  return {
    timeZone: options.timeZone,
    previewStyles: previewStyles(options, prefix),
    articleDate: pack.cms.articleDate,
    labels: { author: pack.ui.author, tags: pack.ui.tags },
    mediaFolder: publicFolder(options),
    pathPrefix: prefix("/"),
  };
}

const ADMIN_SCRIPT = path.join(PLUGIN_DIR, "features", "cms", "client", "cms-admin.js");

/** admin.js: the date widget in the site's zone and the article-like preview, with the site's settings. */
export function adminScript(settings: AdminSettings): string {
  return readFileSync(ADMIN_SCRIPT, "utf8").replace(SETTINGS_PLACEHOLDER, () => JSON.stringify(settings));
}

const DECAP_SCRIPT = "decap-cms.js";

/**
 * Decap's script and the parts it loads on demand (webpack chunks, WebAssembly, the licence),
 * from the site's `node_modules` (resolved from the input folder and the project root, not from
 * this plugin).
 */
function decapFiles(projectRoot: string, inputDir = projectRoot): string[] {
  const require = createRequire(path.join(projectRoot, "package.json"));
  let main: string;
  try {
    main = require.resolve(`decap-cms/dist/${DECAP_SCRIPT}`, { paths: [inputDir, projectRoot] });
  } catch (error) {
    throw new NewsroomError(
      `cms: the web editor is on (cms.enabled) but Decap CMS is not installed in ${projectRoot}: run "npm install decap-cms" (or turn the option off)`,
      { cause: error },
    );
  }
  const dist = path.dirname(main);
  const parts = readdirSync(dist).filter((name) => /^[\w-]+\.decap-cms\.js$|\.wasm$|^decap-cms\.js\.LICENSE\.txt$/.test(name));
  return [main, ...parts.map((name) => path.join(dist, name))];
}

/** Registers the editor's files (only called when `cms.enabled`). */
/** What the editor reads of the options: its own, and the site's settings its posts must follow. */
export type CmsOptions = Pick<NewsroomOptions, "cms" | "site" | "locale" | "timeZone" | "newPost" | "font" | "sections">;

/** Registers the editor at `cms.path` (Decap's files, its page, config.yml and admin.js) when `cms` is on. */
export function registerCms(options: CmsOptions, where: FeatureContext): void {
  if (!options.cms.enabled) return;
  const { eleventyConfig } = where;
  const files = decapFiles(where.projectRoot, where.inputDir);
  const admin = options.cms.path;
  const outputFolder = admin.slice(1);
  for (const file of files) eleventyConfig.addPassthroughCopy({ [file]: `${outputFolder}${path.basename(file)}` });
  // Uploaded images are served from the same path as they have in the input folder.
  const mediaDir = path.resolve(where.inputDir, options.cms.mediaFolder);
  eleventyConfig.addPassthroughCopy({ [mediaDir]: trimSlashes(options.cms.mediaFolder) });

  const fromRoot = (dir: string) => path.relative(where.projectRoot, dir).split(path.sep).join("/") || ".";
  const paths = { postsFolder: fromRoot(where.postsDir), mediaFolder: fromRoot(mediaDir) };
  const add = (name: string, permalink: string, render: () => string) => where.addFile(`cms-${name}`, { permalink }, render);
  add("index", `${admin}index.html`, () => adminPage(options, where.prefix));
  add("config", `${admin}config.yml`, () => cmsConfigYaml(options, paths));
  add("script", `${admin}admin.js`, () => adminScript(adminSettings(options, where.prefix)));
}

/** The site path of the uploads, from the site's root (not the path prefix): what posts are given. */
function publicFolder(options: CmsOptions): string {
  return `/${trimSlashes(options.cms.mediaFolder)}`;
}

function trimSlashes(folder: string): string {
  return folder.replace(/^\/+|\/+$/g, "");
}

/**
 * The Content-Security-Policy the editor works under (for `cms.path` only: the rest of the site
 * keeps render/csp.ts's). Decap needs `'unsafe-eval'` (its config validation compiles code) and
 * `'unsafe-inline'` styles (CSS-in-JS); `connect` adds the backend's origins (decap-server's,
 * `https://api.github.com`…), `blob:` images are uploads previewed before saving, and Decap reads
 * them back (`fetch` of their `blob:` URLs) to keep a draft and to publish them.
 */
export function adminContentSecurityPolicy(...connect: string[]): string {
  const origins = connect.map((url) => new URL(url).origin);
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src ${["'self'", "blob:", ...origins].join(" ")}`,
    "frame-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
