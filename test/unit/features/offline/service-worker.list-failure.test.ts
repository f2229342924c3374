/**
 * When Workbox cannot list the files to download with the service worker, the build stops with
 * Newsroom's message naming the step (src/features/offline/service-worker.ts). Workbox's refusal is simulated.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, vi } from "vitest";
import { NewsroomError } from "../../../../src/kernel/errors.ts";
import { consoleLog } from "../../../../src/kernel/log.ts";
import { defaults } from "../../../../src/options/index.ts";
import { writeServiceWorker } from "../../../../src/features/offline/service-worker.ts";

vi.mock("workbox-build/build/get-manifest.js", () => ({
  getManifest: async () => {
    throw new Error("EMFILE: too many open files, scandir");
  },
}));

test("a file list Workbox cannot make stops the build, saying which step failed and why", async () => {
  const out = mkdtempSync(path.join(tmpdir(), "newsroom-sw-fail-"));
  try {
    const failure = await writeServiceWorker(
      {
        outputDir: out,
        options: defaults.offline,
        prefix: (url) => url,
        search: undefined,
        warmPages: [],
        files: [],
        generated: [],
      },
      consoleLog,
    ).then(
      () => expect.fail("written"),
      (error: unknown) => error as NewsroomError,
    );
    expect(failure).toBeInstanceOf(NewsroomError);
    expect(failure.message).toBe(
      "eleventy-plugin-newsroom: offline: could not list the files for the service worker: EMFILE: too many open files, scandir",
    );
    expect((failure.cause as Error).message).toBe("EMFILE: too many open files, scandir");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
