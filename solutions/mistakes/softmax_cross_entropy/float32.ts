/**
 * Computed in float32 (Float32Array and Math.fround), with the max shift: stable, but only
 * about 7 significant digits, where the kit requires float64.
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
  const n = scores.rows;
  const shifted = scores.sub(scores.rowMax());
  const exps = shifted.exp();
  const sums = exps.rowSums();
  const logSums = sums.log();
  const correct = shifted.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) loss += logSums.data[i] - correct[i];
  const dScores = exps.div(sums);
  for (let i = 0; i < n; i++) dScores.data[i * scores.cols + y[i]] -= 1;
  return { loss: loss / n, dScores: dScores.div(n) };
`,
      learner: `
  const n = scores.rows, c = scores.cols;
  const s = Float32Array.from(scores.data);
  const dScores = new Matrix(n, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let j = 0; j < c; j++) m = Math.max(m, s[i * c + j]);
    const e = new Float32Array(c);
    let sum = 0;
    for (let j = 0; j < c; j++) sum = f(sum + (e[j] = Math.exp(f(s[i * c + j] - m))));
    loss = f(loss + f(f(Math.log(sum)) - f(s[i * c + y[i]] - m)));
    for (let j = 0; j < c; j++) {
      dScores.data[i * c + j] = f(f(f(e[j] / sum) - (j === y[i] ? 1 : 0)) / n);
    }
  }
  return { loss: f(loss / n), dScores };
`,
    },
  ],
};
