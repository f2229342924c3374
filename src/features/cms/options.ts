/**
 * The editor's options (`cms`). Composed into the root schema by options/schema.ts; the
 * README's table and the public types come from here (`npm run options-table`).
 */
import { z } from "zod";
import { A_STRING, enabled, feature, isAbsoluteHttpUrl, nonBlank, option, sitePath } from "../../options/fields.ts";

const DEFAULT_BACKEND = { name: "git-gateway", branch: "main" };
export const cmsOptions = feature(
  {
    enabled: enabled("Write the editor.", "`true` in a `cms` object; without one, the editor is off"),
    path: option(sitePath().default("/admin/"), { description: "URL folder of the editor.", expected: A_STRING }),
    backend: option(z.looseObject({ name: nonBlank() }).default(DEFAULT_BACKEND), {
      description:
        "Decap's `backend` settings as Decap documents them (`name`, `repo`, `branch`, `base_url`, `auth_endpoint`…): where saved posts are committed.",
      tsType: "{ name: string; [setting: string]: unknown }",
      expected: 'Decap\'s backend settings with a name, such as { name: "github", repo: "owner/site", branch: "main" }',
    }),
    mediaFolder: option(
      z
        .string()
        .refine(
          (folder) =>
            /^[^/\\]/.test(folder) &&
            !folder.split(/[/\\]/).some((segment) => segment === ".." || segment === ".") &&
            !/[{}\s]/.test(folder),
        )
        .default("images/uploads"),
      {
        description:
          "Folder, inside the input folder, where images uploaded in the editor go; posts refer to them by the same path from the site's root (`/images/uploads/photo.jpg`).",
        expected: 'a folder inside the input folder, without spaces, such as "images/uploads"',
      },
    ),
    localBackend: option(z.union([z.boolean(), z.string().refine(isAbsoluteHttpUrl)]).default(true), {
      description:
        "Let the editor save through `decap-server` on this machine (only when opened from `localhost`): `true` for Decap's default (port 8081), the URL of its API for another port, `false` never.",
      expected: 'true, false, or the URL of decap-server\'s API such as "http://localhost:8082/api/v1"',
    }),
    previewStyles: option(z.array(z.string().regex(/^\/[^/]/)).default([]), {
      description: "The site's own stylesheets (site paths) for the editor's preview, after Newsroom's.",
      expected: 'a list of site paths such as ["/assets/site.css"]',
    }),
  },
  {
    description:
      "The web editor for posts (Decap CMS, which the site installs: `npm install -D decap-cms`) at `cms.path`, with a `config.yml` made from these options; see *Web editor (Decap CMS)*. Off unless set: `true` turns it on with its defaults, and so does an object without `enabled: false`.",
    typeName: "CmsOptions",
    absent: { enabled: false },
    off: { enabled: false },
  },
);
