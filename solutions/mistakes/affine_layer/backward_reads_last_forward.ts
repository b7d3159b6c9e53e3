/**
 * The forward stores X and W on the module and the backward reads them back from there, not
 * from its cache: right for one layer, wrong (or a shape error) for the first of two layers once
 * the second layer's forward has run.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "state",
  patch: [
    {
      solution: `

/** The forward pass: \`out = X·W + b\` (X N×D, W D×H, b 1×H, out N×H). */
`,
      learner: `

let lastX: Matrix | undefined;

let lastW: Matrix | undefined;

/** The forward pass: \`out = X·W + b\` (X N×D, W D×H, b 1×H, out N×H). */
`,
    },
    {
      solution: `
  const out = X.matmul(W).add(b);
  return { out, cache: { X, W } };
`,
      learner: `
  lastX = X;
  lastW = W;
  return { out: X.matmul(W).add(b), cache: { X, W } };
`,
    },
    {
      solution: `
  const { X, W } = cache;
  return {
    dX: dout.matmul(W.T),
    dW: X.T.matmul(dout),
    db: dout.colSums(),
  };
`,
      learner: `
  return { dX: dout.matmul(lastW!.T), dW: lastX!.T.matmul(dout), db: dout.colSums() };
`,
    },
  ],
};
