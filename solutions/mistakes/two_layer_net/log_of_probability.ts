/**
 * Took the log of a computed probability: −log p_y is Infinity once p_y underflows to 0
 * (a correct class trailing the best one by more than about 745).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "overflow",
  patch: [
    {
      solution: `
  const correct = shifted.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) loss += Math.log(sums.data[i]) - correct[i];
`,
      learner: `
  const probabilityOfCorrect = P.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) loss -= Math.log(probabilityOfCorrect[i]);
`,
    },
  ],
};
