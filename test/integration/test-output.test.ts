/**
 * #21 item 11: `npm test` stays readable. A fixture build prints the warnings and errors of a
 * build that succeeds (real ones must be seen), nothing of a build that fails (the test gets the
 * error), and no warning that is not its topic (feeds without `site.url`).
 */
import { afterEach, expect, type MockInstance, test, vi } from "vitest";
import { createSite, type FixtureSite, postFile, postsErrorOf } from "../helpers/site.ts";

let site: FixtureSite | undefined;
let printed: MockInstance[] = [];
afterEach(() => {
  for (const spy of printed) spy.mockRestore();
  site?.remove();
});

/** Everything the build prints, by console method. */
function listen(): Record<"log" | "warn" | "error", string[]> {
  const lines = { log: [] as string[], warn: [] as string[], error: [] as string[] };
  printed = (["log", "warn", "error"] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines[method].push(args.join(" "))),
  );
  return lines;
}

test("a fixture without site.url builds without printing anything", async () => {
  site = createSite({ "posts/a.md": postFile({ title: "Tin", date: "2019-10-18" }) });
  const lines = listen();
  await site.build({ search: { enabled: false } });
  expect(site.exists("/2019/10/18/tin/")).toBe(true);
  expect(lines).toEqual({ log: [], warn: [], error: [] });
});

test("a build that fails prints nothing: the test gets its error, which names the post", async () => {
  site = createSite({ "posts/bad.md": postFile({ date: "2019-10-18" }) });
  const lines = listen();
  const error = await postsErrorOf(site.build({ search: { enabled: false } }));
  expect(error.problems.map((p) => [p.file.split("/").pop(), p.field])).toEqual([["bad.md", "title"]]);
  expect(lines).toEqual({ log: [], warn: [], error: [] });
  // What Eleventy reported is kept for the test to read.
  expect(site.logged.map((line) => line.message).join("\n")).toContain("bad.md");
});

test("a real warning of a build that succeeds is printed, once", async () => {
  site = createSite({ "posts/a.md": postFile({ title: "Tin", date: "2019-10-18", tieu_de: "x" }) });
  const lines = listen();
  await site.build({ search: { enabled: false } });
  expect(lines.warn).toHaveLength(1);
  expect(lines.warn[0]).toMatch(/\[newsroom\] warning: .*posts\/a\.md: unknown front matter key "tieu_de"/);
  expect(lines.log).toEqual([]);
});
