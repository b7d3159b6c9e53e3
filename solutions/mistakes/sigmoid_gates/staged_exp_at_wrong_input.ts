/**
 * The staged backward evaluates the exp gate's derivative at x, the sigmoid's input, instead of at −x, what entered the exp gate.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "wrong-operand",
  patch: [
    {
      solution: `
  const da = expBackward(a, db);
`,
      learner: `
  const da = expBackward(x, db);
`,
    },
  ],
};
