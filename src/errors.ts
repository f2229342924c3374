/** Errors and logging, prefixed with the package name so users know who is talking. */

export const PACKAGE_NAME = "eleventy-plugin-newsroom";
const PREFIX = "[newsroom]";

/** Any error Newsroom raises on purpose: the message says what to fix. */
export class NewsroomError extends Error {
  /** Tells Eleventy's error handler that the message says it all: no stack trace for users. */
  readonly skipOriginalStack = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(`${PACKAGE_NAME}: ${message}`, options);
    this.name = "NewsroomError";
  }
}

/** One problem with one field of one post. */
export interface PostProblem {
  /** Path of the post, relative to the project root. */
  file: string;
  /** Front matter field concerned, or `"front matter"` / `"file"` for the whole thing. */
  field: string;
  /** What was found, already described for humans. */
  found: string;
  /** What was expected. */
  expected: string;
  /** The underlying error (a YAML parse error, say). */
  cause?: unknown;
}

/** Every bad post of a build, reported together so authors fix them all in one go. */
export class PostsError extends NewsroomError {
  readonly problems: readonly PostProblem[];
  constructor(problems: readonly PostProblem[]) {
    const files = new Set(problems.map((p) => p.file));
    const lines = problems.map((p) => `  - ${p.file}: ${p.field}: expected ${p.expected}, found ${p.found}`);
    const causes = problems.map((p) => p.cause).filter((c) => c !== undefined);
    super(
      `${files.size} post${files.size === 1 ? "" : "s"} cannot be published (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${lines.join("\n")}`,
      causes.length > 0
        ? { cause: causes.length === 1 ? causes[0] : new AggregateError(causes, `${causes.length} underlying errors`) }
        : undefined,
    );
    this.name = "PostsError";
    this.problems = problems;
  }
}

/** The plugin's logger: one prefix, warnings to stderr. */
export const log = {
  info(message: string): void {
    console.log(`${PREFIX} ${message}`);
  },
  warn(message: string): void {
    console.warn(`${PREFIX} warning: ${message}`);
  },
};
