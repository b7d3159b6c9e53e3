/**
 * Softmax without the max shift: exp overflows to Infinity (or underflows to 0) at scores ±1000.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "overflow",
  patch: [
    {
      solution: `
  const shifted = scores.sub(scores.rowMax());
  const exps = shifted.exp();
  const sums = exps.rowSums();
  const logSums = sums.log();
  const correct = shifted.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) loss += logSums.data[i] - correct[i];
  const dScores = exps.div(sums);
`,
      learner: `
  const exps = scores.exp();
  const probs = exps.div(exps.rowSums());
  const correct = probs.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) loss -= Math.log(correct[i]);
  const dScores = probs.clone();
`,
    },
  ],
};
