/** #21 item 3: one rule names sections and tags — the declared name, else the most used spelling, ties to the oldest post's. */
import { expect, test } from "vitest";
import type { Post } from "../../../../src/posts/post.ts";
import { groupTopics, topicNames, withTopicNames } from "../../../../src/features/topics/topics.ts";
import { post } from "../../../helpers/posts.ts";

/** Posts newest first (as the build passes them): number n is dated day n, so the last is the oldest. */
const posts = (...specs: Partial<Post>[]): Post[] =>
  specs.map((extra, i) =>
    post(i + 1, 28 - i, { ...extra, tagLinks: (extra.tags ?? []).map((name) => ({ name, url: `/tag/x-${name}/` })) }),
  );
const settings = { sectionUrl: "/chuyen-muc/{slug}/", tagUrl: "/tag/{slug}/", pageSize: 10, declared: [], locale: "vi" };

test("the most used spelling names a section, whatever the newest post writes", () => {
  const list = posts({ category: "thời sự" }, { category: "Thời sự" }, { category: "Thời sự" });
  expect(topicNames(list, []).sections.get("thoi-su")).toBe("Thời sự");
  expect(groupTopics(list, settings).sections.map((s) => [s.name, s.label, s.count])).toEqual([["Thời sự", "Thời sự", 3]]);
});

test("a tie goes to the spelling of the oldest post, whatever the order of the others", () => {
  // Oldest last: "Kinh Tế" (post 4) is used first; each spelling has two posts.
  const list = posts({ tags: ["kinh tế"] }, { tags: ["Kinh Tế"] }, { tags: ["kinh tế"] }, { tags: ["Kinh Tế"] });
  expect(topicNames(list, []).tags.get("kinh-te")).toBe("Kinh Tế");
  expect(topicNames(list.slice(0, 3), []).tags.get("kinh-te")).toBe("kinh tế");
  expect(groupTopics(list, settings).tags.map((t) => [t.name, t.count])).toEqual([["Kinh Tế", 4]]);
});

test("a declared section keeps its declared name and label", () => {
  const list = posts({ category: "Thời sự" });
  const declared = [{ name: "Thời sự", label: "Tin trong ngày", slug: "tin" }];
  expect(topicNames(list, declared).sections).toEqual(new Map([["tin", "Thời sự"]]));
  expect(groupTopics(list, { ...settings, declared }).sections.map((s) => [s.name, s.label, s.url])).toEqual([
    ["Thời sự", "Tin trong ngày", "/chuyen-muc/tin/"],
  ]);
});

test("withTopicNames gives every post the names, one tag per slug, and leaves posts already named as they were", () => {
  const list = posts(
    { category: "thời sự", tags: ["SÔNG MÃ", "sông mã", "lũ"] },
    { category: "Thời sự", tags: ["sông mã"] },
    { category: "Thời sự", tags: ["Sông Mã"] },
  );
  const named = withTopicNames(list, []);
  expect(named.map((p) => [p.category, p.tags])).toEqual([
    ["Thời sự", ["sông mã", "lũ"]],
    ["Thời sự", ["sông mã"]],
    ["Thời sự", ["sông mã"]],
  ]);
  expect(named[0]!.tagLinks).toEqual([
    { name: "sông mã", url: "/tag/x-SÔNG MÃ/" },
    { name: "lũ", url: "/tag/x-lũ/" },
  ]);
  expect(named[1]).toBe(list[1]);
  expect(named[2]).not.toBe(list[2]);
  expect(list[2]!.tags).toEqual(["Sông Mã"]); // the input is left as it is
  expect(withTopicNames(named, [])).toEqual(named);
});
