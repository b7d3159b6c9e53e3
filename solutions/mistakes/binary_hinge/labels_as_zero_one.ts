/**
 * Treated the labels as 0/1 and mapped them to ±1 with 2y − 1: a −1 label becomes −3.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "convention",
  patch: [
    {
      solution: `
    const shortfall = 1 - y[i] * scores.data[i];
    if (shortfall > 0) {
      loss += shortfall;
      dScores.data[i] = -y[i] / n;
`,
      learner: `
    const sign = 2 * y[i] - 1; // meant to turn a 0/1 label into −1/+1
    const shortfall = 1 - sign * scores.data[i];
    if (shortfall > 0) {
      loss += shortfall;
      dScores.data[i] = -sign / n;
`,
    },
  ],
};
