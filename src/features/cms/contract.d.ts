/**
 * What the editor's script (client/cms-admin.js, served as `{cms.path}admin.js`) reads from the
 * build: one declaration, used by cms.ts, which writes the settings into the script, and by the
 * script itself (JSDoc import). test/unit/features/cms/contract.test.ts checks the written script
 * against this file.
 */

/** The settings admin.js runs with: the site's zone, the preview's stylesheets and words. */
export interface AdminSettings {
  /** The site's IANA time zone: the date widget's. */
  timeZone: string;
  /** The preview's stylesheets, path prefix applied. */
  previewStyles: string[];
  /** The article page's date line (locale pack, `cms.articleDate`): a pattern of {d}, {M}, {y}, or Intl's long date in a locale. */
  articleDate: { pattern: string } | { locale: string };
  /** The article page's words the preview shows (locale pack, `ui`). */
  labels: { author: string; tags: string };
  /** Decap's `public_folder`: the site path of the uploads, as posts name them ("/images/uploads"). */
  mediaFolder: string;
  /** The site's path prefix ("/", "/tin/"): the preview's images are the site's. */
  pathPrefix: string;
}

/** The expression in admin.js that the build replaces with the settings, as JSON. */
export type SettingsPlaceholder = "self.__NEWSROOM_CMS__";

/** The name admin.js registers its date widget under: the posts' `date` field in config.yml uses it. */
export type DateWidget = "newsroom-datetime";

/** The collection whose preview admin.js draws: config.yml's posts collection. */
export type PostsCollection = "posts";
