/**
 * Checking the build's output against a feature's contract.d.ts (#22 item 4). A type has no value
 * at run time, so a test lists a contract's names in a record typed `Record<keyof Contract, true>`
 * (or `Record<Union, true>`): a name added to, renamed in or dropped from the contract fails the
 * type check until the list follows, and the list then checks the built files.
 */

/** The names a complete record lists. */
export function namesOf<Name extends string>(record: Record<Name, true>): Name[] {
  return Object.keys(record) as Name[];
}

/** The attribute that `element.dataset[name]` reads: "daysUrl" → "data-days-url". */
export function dataAttribute(name: string): string {
  return `data-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
