/** Files shared between the caches and the output by hard links, never written in place. */
import { constants } from "node:fs";
import { copyFile, link } from "node:fs/promises";

/** A hard link, or a copy where links cannot be made (another file system, a file system without them). Never replaces a file. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP" && code !== "EMLINK") throw error;
    await copyFile(from, to, constants.COPYFILE_EXCL);
  }
}
