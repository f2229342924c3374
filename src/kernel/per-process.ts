/**
 * The one place for state kept per process (#22): everything else a build needs lives in the
 * objects the plugin makes for one Eleventy configuration, so that two sites built in one process
 * never share it. What is kept here is shared on purpose, and each caller says why.
 *
 * A value is kept on `globalThis` under `Symbol.for("eleventy-plugin-newsroom.<name>")`: two copies
 * of the plugin's modules in one process (the `newsroom` command's and the site config's, from src/
 * and dist/, say) meet there. Give a value a new name when its shape changes, so that an older copy
 * never reads it.
 */

const NAMESPACE = "eleventy-plugin-newsroom.";

/** The process's value named `name`, made by `init` the first time any copy of the plugin asks for it. */
export function perProcess<T>(name: string, init: () => T): T {
  const store = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(NAMESPACE + name);
  if (!(key in store)) store[key] = init();
  return store[key] as T;
}

/** Work of a process done one at a time (see `processLock`). */
export interface ProcessLock {
  /**
   * Runs `work` once every run started before it in this process has settled (fulfilled or
   * rejected: a failed run does not stop the next). `turn` counts the runs of this lock in the
   * process, from 1: a name of its own for what the run writes. Returns the work's result.
   */
  run<T>(work: (turn: number) => Promise<T>): Promise<T>;
}

/** A lock on work that must never overlap in one process, whichever copy of the plugin starts it. */
export function processLock(name: string): ProcessLock {
  const state = perProcess(`lock.${name}`, () => ({ last: Promise.resolve() as Promise<unknown>, turns: 0 }));
  return {
    run(work) {
      const turn = ++state.turns;
      const result = state.last.catch(() => undefined).then(() => work(turn));
      state.last = result;
      return result;
    },
  };
}

/**
 * `make`'s value, made at the first call and kept: for what cannot change while the process runs
 * (a module loaded on demand, a fingerprint of the plugin's own files). A promise that rejects is
 * not kept: the next call tries again.
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    if (made) return made.value;
    const value = make();
    const kept = { value };
    made = kept;
    if (value instanceof Promise) {
      value.catch(() => {
        if (made === kept) made = undefined;
      });
    }
    return value;
  };
}
