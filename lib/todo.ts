/**
 * The placeholder that exercise stubs call until the learner writes the function.
 *
 * @module
 */

/** Thrown by {@linkcode todo}: the function has not been written yet. The grader reports it as "not started". */
export class NotImplementedError extends Error {
  /** The function that is not written yet. */
  readonly what: string;
  constructor(what: string) {
    super(`${what} is not implemented yet: replace the todo("${what}") line with your code`);
    this.name = "NotImplementedError";
    this.what = what;
  }
}

/** Marks a function body the learner has to write: always throws {@linkcode NotImplementedError}. */
export function todo(what: string): never {
  throw new NotImplementedError(what);
}
