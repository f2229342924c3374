/** Errors, prefixed with the package name so users know who is talking (logging: log.ts). */

const PACKAGE_NAME = "eleventy-plugin-newsroom";

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

/**
 * An incremental build's page showed other bytes than its key promised (#23): something the keys do
 * not see (the clock, the network, the environment) reaches the pages. `newsroom build` runs again in full.
 */
export class IncompleteFingerprintError extends NewsroomError {
  constructor(readonly url: string) {
    super(
      `the page ${url} changed although nothing Newsroom fingerprints did: the site's templates or data read something else (the clock, the network, the environment); building everything again`,
    );
    this.name = "IncompleteFingerprintError";
  }
}

/** A short, readable description of any value for error messages. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : `the Date ${value.toISOString()}`;
  if (typeof value === "string") return value.trim() === "" ? "an empty string" : JSON.stringify(value);
  if (Array.isArray(value)) return `the list ${truncate(JSON.stringify(value))}`;
  if (typeof value === "object") return `the object ${truncate(JSON.stringify(value))}`;
  return `${typeof value} ${String(value)}`;
}

function truncate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
