/**
 * Trains in float32 (W, b and every intermediate rounded to single precision): the right
 * steps, about 7 significant digits, where the kit requires float64.
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

const f32 = (m: Matrix) => m.map(Math.fround);

/**
`,
    },
    {
      solution: `
  const { learningRate, steps, reg } = options;
`,
      learner: `
  const { learningRate, steps, reg } = options;
  const n = X.rows;
  const X32 = f32(X);
`,
    },
    {
      solution: `
    const { loss, dScores } = softmaxCrossEntropy(X.matmul(W).add(b), y);
    losses.push(loss + reg * W.square().sum());
    const dW = Xt.matmul(dScores).add(W.mul(2 * reg));
    const db = dScores.colSums();
    W = W.sub(dW.mul(learningRate));
    b = b.sub(db.mul(learningRate));
`,
      learner: `
    const S = f32(X32.matmul(W).add(b));
    const shifted = f32(S.sub(S.rowMax()));
    const E = f32(shifted.exp());
    const sums = f32(E.rowSums());
    const correct = shifted.pick(y);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      loss = Math.fround(loss + Math.fround(Math.log(sums.data[i])) - correct[i]);
    }
    losses.push(Math.fround(Math.fround(loss / n) + Math.fround(reg * W.square().sum())));
    const dS = f32(E.div(sums).map((p, i, j) => (p - (j === y[i] ? 1 : 0)) / n));
    W = f32(W.sub(f32(X32.T.matmul(dS)).add(W.mul(2 * reg)).mul(learningRate)));
    b = f32(b.sub(dS.colSums().mul(learningRate)));
`,
    },
  ],
};
