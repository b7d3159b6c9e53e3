/**
 * Restores each entry by adding h back instead of assigning the saved value: (v + h) − 2h + h
 * is not always v in floating point, so x comes back slightly changed.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "modified-input",
  patch: [
    {
      solution: `
    d[i] = old - h;
    const minus = f(x);
    d[i] = old;
`,
      learner: `
    x.data[i] -= 2 * h;
    const minus = f(x);
    x.data[i] += h;
`,
    },
  ],
};
