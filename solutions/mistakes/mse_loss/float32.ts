/**
 * Computed in float32 (Float32Array and Math.fround), as a GPU library or a port from numpy's
 * float32 arrays would: about 7 significant digits, where the kit requires float64.
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
  const diff = pred.sub(target);
  return { loss: diff.square().sum() / n, dPred: diff.mul(2 / n) };
`,
      learner: `
  const diff = new Float32Array(pred.size);
  let loss = 0;
  for (let i = 0; i < pred.size; i++) {
    diff[i] = f(pred.data[i]) - f(target.data[i]);
    loss = f(loss + f(diff[i] * diff[i]));
  }
  const dPred = new Matrix(pred.rows, pred.cols, Float64Array.from(diff, (d) => f(f(2 * d) / n)));
  return { loss: f(loss / n), dPred };
`,
    },
  ],
};
