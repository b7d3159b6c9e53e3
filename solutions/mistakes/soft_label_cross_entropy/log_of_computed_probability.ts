/**
 * Takes the log of the computed probabilities: a class scored 1000 below the best gets p = 0, and its target of 0 times log 0 = −Infinity is NaN.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "overflow",
  patch: [
    {
      solution: `
  let loss = 0;
  for (let k = 0; k < logProbs.size; k++) {
    if (targets.data[k] !== 0) loss -= targets.data[k] * logProbs.data[k];
  }
  const probs = exps.div(sums);
`,
      learner: `
  const probs = exps.div(sums);
  let loss = 0;
  for (let k = 0; k < probs.size; k++) loss -= targets.data[k] * Math.log(probs.data[k]);
`,
    },
  ],
};
