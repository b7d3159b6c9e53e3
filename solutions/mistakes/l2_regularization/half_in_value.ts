/**
 * A ½ in the value, ½λ·Σw², while the gradient is 2λW: loss and gradient do not match.
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
  return { loss: 0.5 * lambda * W.dot(W), dW: W.mul(2 * lambda) };
`,
    },
  ],
};
