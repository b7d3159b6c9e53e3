/**
 * A numerical backward: dPred is a centered difference of the loss (step 1e-5), not derived.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "numerical",
  patch: [
    {
      solution: `
  return { loss: diff.square().sum() / n, dPred: diff.mul(2 / n) };
`,
      learner: `
  const loss = (p: Matrix) => p.sub(target).square().sum() / n;
  const dPred = new Matrix(pred.rows, pred.cols);
  const x = pred.clone();
  const h = 1e-5;
  for (let i = 0; i < x.data.length; i++) {
    const old = x.data[i];
    x.data[i] = old + h;
    const up = loss(x);
    x.data[i] = old - h;
    const down = loss(x);
    x.data[i] = old;
    dPred.data[i] = (up - down) / (2 * h);
  }
  return { loss: diff.square().sum() / n, dPred };
`,
    },
  ],
};
