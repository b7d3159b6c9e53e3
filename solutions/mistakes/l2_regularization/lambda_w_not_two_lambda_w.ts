/**
 * The penalty's gradient is λW instead of 2λW (the derivative of a ½λ·Σw² penalty; the value is right).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-factor",
  patch: [
    {
      solution: `
  return { loss: lambda * W.dot(W), dW: W.mul(2 * lambda) };
`,
      learner: `
  return { loss: lambda * W.dot(W), dW: W.mul(lambda) };
`,
    },
  ],
};
