/**
 * Gradient with the sign flipped: differentiated with respect to the target, (2/N)·(t − p).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "sign",
  patch: [
    {
      solution: `
  const diff = pred.sub(target);
  return { loss: diff.square().sum() / n, dPred: diff.mul(2 / n) };
`,
      learner: `
  return { loss: pred.sub(target).square().sum() / n, dPred: target.sub(pred).mul(2 / n) };
`,
    },
  ],
};
