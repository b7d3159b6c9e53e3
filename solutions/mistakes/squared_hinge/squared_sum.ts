/**
 * Squared each row's sum of shortfalls, (Σⱼ uⱼ)², instead of summing the squares Σⱼ uⱼ².
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
    const row = i * c;
    const correct = s[row + y[i]];
    let pull = 0;
    for (let j = 0; j < c; j++) {
      if (j === y[i]) continue;
      const u = Math.max(0, s[row + j] - correct + 1);
      loss += u * u;
      d[row + j] = (2 * u) / n;
      pull += (2 * u) / n;
    }
    d[row + y[i]] = -pull;
`,
      learner: `
    const correct = s[i * c + y[i]];
    let rowSum = 0;
    for (let j = 0; j < c; j++) {
      if (j !== y[i]) rowSum += Math.max(0, s[i * c + j] - correct + 1);
    }
    loss += rowSum * rowSum;
    for (let j = 0; j < c; j++) {
      if (j === y[i] || s[i * c + j] - correct + 1 <= 0) continue;
      dScores.data[i * c + j] += (2 * rowSum) / n;
      dScores.data[i * c + y[i]] -= (2 * rowSum) / n;
    }
`,
    },
  ],
};
