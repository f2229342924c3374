// #23 items 1 and 3: an incremental `newsroom build` renders only the pages whose inputs changed, and its output equals a full build's.
import { afterEach, beforeEach, expect, test } from "vitest";
import { IncrementalSite, SECTIONS, TAGS } from "../helpers/incremental.ts";

let site: IncrementalSite;
beforeEach(async () => {
  site = new IncrementalSite();
  for (let i = 0; i < 6; i++)
    site.post(`p${i}`, {
      title: `Bài ${i}`,
      date: `2019-10-0${1 + (i % 3)} 0${i}:00`,
      category: SECTIONS[i % 3]!,
      tags: [TAGS[i % 4]!],
      body: `Nội dung ${i}.`,
      ...(i === 2 ? { image: "/images/p.svg" } : {}),
    });
  await site.build();
});
afterEach(() => site.dispose());

async function same(): Promise<void> {
  await site.buildReference();
  expect(site.differences()).toEqual([]);
}

test("nothing changed: no page is rendered, and the output is a full build's", async () => {
  const { rendered, stored } = await site.build();
  expect(rendered).toEqual([]);
  expect(stored).toBeGreaterThan(20);
  expect(site.logged.at(-1) ?? "").toBe(""); // the command logs nothing of its own when nothing went wrong
  await same();
});
