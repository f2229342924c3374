/**
 * Where the plugin's lines go: one prefix, information that honours `--quiet`, warnings always
 * shown. Every module that logs is handed a `Logger` (features through their context, the build
 * through its settings): two sites built in one process each log through their own Eleventy
 * configuration's logger, with their own `--quiet`.
 */
import type { EleventyConfig } from "./eleventy.ts";

const PREFIX = "[newsroom]";

/** What the plugin's modules log through. */
export interface Logger {
  /** Information (a build's summary): hidden by `--quiet`. */
  info(message: string): void;
  /** A warning: always shown, `warning: ` before the message. */
  warn(message: string): void;
}

/** Lines on the console, for code that runs without an Eleventy configuration. */
export const consoleLog: Logger = {
  info(message) {
    console.log(`${PREFIX} ${message}`);
  },
  warn(message) {
    console.warn(`${PREFIX} warning: ${message}`);
  },
};

/**
 * Lines through this Eleventy configuration's logger (it honours `--quiet`), read when a line is
 * written (Eleventy may give the configuration its logger after the plugin is added); on the console
 * while it has none.
 */
export function eleventyLog(eleventyConfig: Pick<EleventyConfig, "logger">): Logger {
  return {
    info(message) {
      const logger = eleventyConfig.logger;
      if (logger) logger.logWithOptions({ message, prefix: PREFIX });
      else consoleLog.info(message);
    },
    warn(message) {
      const logger = eleventyConfig.logger;
      if (logger) logger.logWithOptions({ message: `warning: ${message}`, prefix: PREFIX, type: "warn", color: "yellow", force: true });
      else consoleLog.warn(message);
    },
  };
}
