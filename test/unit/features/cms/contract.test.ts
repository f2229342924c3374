/**
 * #22 item 4: the editor's contract (src/features/cms/contract.d.ts) between the build (cms.ts
 * writes admin.js with its settings, and config.yml) and admin.js (client/cms-admin.js): the
 * placeholder the build replaces is in admin.js once, the settings written are every declared
 * one, and the date widget config.yml names is the one admin.js registers (with the posts' preview). Before
 * #22 these were agreed on by spelling only.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { adminScript, adminSettings, cmsFields } from "../../../../src/features/cms/cms.ts";
import type { AdminSettings, DateWidget, PostsCollection, SettingsPlaceholder } from "../../../../src/features/cms/contract.js";
import { PLUGIN_DIR } from "../../../../src/kernel/paths.ts";
import { resolveOptions } from "../../../../src/options/index.ts";
import { namesOf } from "../../../helpers/contract.ts";

const SETTINGS = namesOf<keyof AdminSettings>({
  timeZone: true,
  previewStyles: true,
  articleDate: true,
  labels: true,
  mediaFolder: true,
  pathPrefix: true,
});
const PLACEHOLDER = namesOf<SettingsPlaceholder>({ "self.__NEWSROOM_CMS__": true })[0]!;
const WIDGET = namesOf<DateWidget>({ "newsroom-datetime": true })[0]!;
const COLLECTION = namesOf<PostsCollection>({ posts: true })[0]!;

const options = resolveOptions({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh", cms: { enabled: true } });
const source = readFileSync(path.join(PLUGIN_DIR, "features", "cms", "client", "cms-admin.js"), "utf8");

/** Runs admin.js as the editor does, with stand-ins for Decap's globals; what it read and registered. */
function run(script: string) {
  const widgets: string[] = [];
  const templates: string[] = [];
  const CMS = {
    registerPreviewStyle: () => {},
    registerWidget: (name: string) => widgets.push(name),
    registerPreviewTemplate: (name: string) => templates.push(name),
  };
  new Function("window", "self", script)({ CMS, h: () => null, createClass: (spec: unknown) => spec }, {});
  return { widgets, templates };
}

test("admin.js holds the placeholder once, and the build puts every declared setting in its place", () => {
  expect(source.split(PLACEHOLDER)).toHaveLength(2);
  const settings = adminSettings(options, (url) => `/tin${url}`);
  expect(Object.keys(settings).sort()).toEqual([...SETTINGS].sort());
  const script = adminScript(settings);
  expect(script).not.toContain(PLACEHOLDER);
  expect(script).toContain(`const settings = ${JSON.stringify(settings)};`);
});

test("config.yml's date widget is the one admin.js registers, and its preview is for the posts collection", () => {
  expect(cmsFields(options).find((field) => field.name === "date")?.widget).toBe(WIDGET);
  expect(run(adminScript(adminSettings(options, (url) => url)))).toEqual({ widgets: [WIDGET], templates: [COLLECTION] });
});
