/**
 * l2Penalty writes its gradient into one preallocated workspace and returns a view of it: every
 * call returns the same memory, so the previous call's dW changes under its holder.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "aliasing",
  patch: [
    {
      solution: `
}

/**
 * λ · Σ W² and its gradient 2λ · W.
`,
      learner: `
}

const workspace = new Float64Array(4096);

/**
 * λ · Σ W² and its gradient 2λ · W.
`,
    },
    {
      solution: `
  return { loss: lambda * W.dot(W), dW: W.mul(2 * lambda) };
`,
      learner: `
  const dW = new Matrix(W.rows, W.cols, workspace.subarray(0, W.size));
  let loss = 0;
  for (let i = 0; i < W.size; i++) {
    loss += W.data[i] * W.data[i];
    dW.data[i] = 2 * lambda * W.data[i];
  }
  return { loss: lambda * loss, dW };
`,
    },
  ],
};
