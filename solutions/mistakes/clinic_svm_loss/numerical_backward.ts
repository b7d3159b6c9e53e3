/**
 * A numerical backward: dScores replaced by one-sided differences of the loss (step 1e-7).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "numerical",
  patch: [{
    solution: `
  return { loss: loss / n, dScores };
`,
    learner: `
  const lossOf = (m: Matrix): number => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const correct = m.data[i * c + y[i]];
      for (let j = 0; j < c; j++) {
        if (j === y[i]) continue;
        total += Math.max(0, m.data[i * c + j] - correct + 1);
      }
    }
    return total / n;
  };
  const h = 1e-7;
  const m = scores.clone();
  const base = lossOf(m);
  const numeric = new Matrix(n, c);
  for (let k = 0; k < m.data.length; k++) {
    const old = m.data[k];
    m.data[k] = old + h;
    numeric.data[k] = (lossOf(m) - base) / h;
    m.data[k] = old;
  }
  return { loss: loss / n, dScores: numeric };
`,
  }],
};
