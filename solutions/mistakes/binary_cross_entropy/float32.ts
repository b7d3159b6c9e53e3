/**
 * Computed in float32 (Math.fround after every operation), with the stable formula: about 7
 * significant digits, where the kit requires float64.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "float32",
  patch: [
    {
      solution: `

/**
`,
      learner: `

const f = Math.fround;

/**
`,
    },
    {
      solution: `
  const dScores = new Matrix(n, 1);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const s = scores.data[i];
    loss += Math.max(s, 0) - y[i] * s + Math.log1p(Math.exp(-Math.abs(s)));
    dScores.data[i] = (sigmoid(s) - y[i]) / n;
  }
  return { loss: loss / n, dScores };
`,
      learner: `
  let loss = 0;
  const dScores = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    const s = f(scores.data[i]);
    const term = f(f(f(Math.max(s, 0)) - f(y[i] * s)) + f(Math.log1p(f(Math.exp(-Math.abs(s))))));
    loss = f(loss + term);
    const sig = s >= 0 ? f(1 / f(1 + f(Math.exp(-s)))) : f(f(Math.exp(s)) / f(1 + f(Math.exp(s))));
    dScores.data[i] = f(f(sig - y[i]) / n);
  }
  return { loss: f(loss / n), dScores };
`,
    },
  ],
};
