/** How the posts folder is read: symbolic links are followed or reported, never skipped in silence. */
import { symlinkSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { createSite, type FixtureSite, postFile, postsErrorOf } from "../helpers/site.ts";

let site: FixtureSite | undefined;
afterEach(() => site?.remove());

test("symbolic links to posts and to folders of posts are followed; a loop is read once", async () => {
  site = createSite({
    "posts/own.md": postFile({ title: "Bài riêng", date: "2020-01-01" }),
    "shared/linked.md": postFile({ title: "Bài liên kết", date: "2020-01-02" }),
    "archive-2019/old.md": postFile({ title: "Bài cũ", date: "2019-05-05" }),
  });
  symlinkSync(path.join(site.dir, "shared/linked.md"), path.join(site.dir, "posts/linked.md"));
  symlinkSync(path.join(site.dir, "archive-2019"), path.join(site.dir, "posts/2019"));
  symlinkSync(path.join(site.dir, "posts"), path.join(site.dir, "posts/loop"));
  await site.build({ locale: "vi" });
  const articles = site.outputFiles().filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f));
  expect(articles.toSorted()).toEqual([
    "2019/05/05/bai-cu/index.html",
    "2020/01/01/bai-rieng/index.html",
    "2020/01/02/bai-lien-ket/index.html",
  ]);
});

test("a symbolic link that leads nowhere is reported by name, never skipped in silence", async () => {
  site = createSite({ "posts/own.md": postFile({ title: "Bài riêng", date: "2020-01-01" }) });
  symlinkSync(path.join(site.dir, "nowhere.md"), path.join(site.dir, "posts/dangling.md"));
  const error = await postsErrorOf(site.build());
  expect(error.problems).toHaveLength(1);
  expect(error.problems[0]).toMatchObject({ field: "file", expected: "a symbolic link to a post or a folder of posts" });
  expect(error.problems[0]!.file).toMatch(/posts\/dangling\.md$/);
});
