/** #22 item 5: pageUrl (src/kernel/urls.ts); this test was in test/unit/archives.test.ts. */
import { expect, test } from "vitest";
import { pageUrl } from "../../../src/kernel/urls.ts";

test("pageUrl", () => {
  expect(pageUrl("/2019/10/", 0)).toBe("/2019/10/");
  expect(pageUrl("/2019/10/", 2)).toBe("/2019/10/page/3/");
});
