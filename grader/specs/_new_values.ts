/**
 * The promise every exercise makes about what it returns: new values. Wraps a spec's tests so
 * that each of them requires it (see `TestContext.requireNewValues`), with the parameter names
 * of the stub's functions for the messages.
 *
 * @module
 */

import type { NewValuesOptions, TestCase } from "../spec.ts";

/**
 * `tests`, each of which first requires new values of every call it makes, with `options`.
 *
 * @example
 * ```ts
 * const tests = newValues({ parameters: { mseLoss: ["pred", "target"] } }, [
 *   { name: "…", async run(t) {} },
 * ]);
 * ```
 */
export function newValues(options: NewValuesOptions, tests: TestCase[]): TestCase[] {
  return tests.map((test) => ({
    name: test.name,
    run(t) {
      t.requireNewValues(options);
      return test.run(t);
    },
    // A sized test's shrunk and replayed runs require new values as well.
    ...(test.sized
      ? {
        sized: {
          ...test.sized,
          check(t, inputs, sizes) {
            t.requireNewValues(options);
            return test.sized!.check(t, inputs, sizes);
          },
        },
      }
      : {}),
  }));
}
