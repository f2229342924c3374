/** The slugs src/kernel/slug.ts remembers: the library is slow, and the memory of slugs made is bounded. */
import { expect, test, vi } from "vitest";
import { slugify } from "../../../src/kernel/slug.ts";

// A stand-in for the library that counts its calls; this file's own module state starts empty.
const library = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@sindresorhus/slugify", () => ({
  default: (text: string) => {
    library.calls++;
    return text.toLowerCase();
  },
}));

test("a text slugged before is not slugged again, and at most 100,000 slugs are remembered", () => {
  expect(slugify("Thời sự")).toBe("thời sự");
  expect(slugify("Xã hội")).toBe("xã hội");
  expect(slugify("Thời sự")).toBe("thời sự");
  expect(library.calls).toBe(2);

  // 2 slugs remembered; 99,998 more fill the memory, and "Thời sự" is still in it.
  for (let n = 0; n < 99_998; n++) slugify(`tin ${n}`);
  library.calls = 0;
  slugify("Thời sự");
  expect(library.calls).toBe(0);

  // One more text: the memory is emptied before it is remembered, and "Thời sự" is made again.
  slugify("Kinh tế");
  slugify("Thời sự");
  expect(library.calls).toBe(2);
});
