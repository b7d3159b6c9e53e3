/**
 * The biases put in the penalty too: reg·(Σ W1² + Σ b1² + Σ W2² + Σ b2²), which the exercise
 * leaves out (a bias does not scale an input, so shrinking it does not make the model smoother).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "extra-term",
  patch: [
    {
      solution: `
  const p1 = l2Penalty(params.W1, reg);
  const p2 = l2Penalty(params.W2, reg);
  return {
    loss: data.loss + p1.loss + p2.loss,
    grads: { W1: back1.dW.add(p1.dW), b1: back1.db, W2: back2.dW.add(p2.dW), b2: back2.db },
  };
`,
      learner: `
  const p1 = l2Penalty(params.W1, reg);
  const p2 = l2Penalty(params.W2, reg);
  const q1 = l2Penalty(params.b1, reg);
  const q2 = l2Penalty(params.b2, reg);
  return {
    loss: data.loss + p1.loss + p2.loss + q1.loss + q2.loss,
    grads: {
      W1: back1.dW.add(p1.dW),
      b1: back1.db.add(q1.dW),
      W2: back2.dW.add(p2.dW),
      b2: back2.db.add(q2.dW),
    },
  };
`,
    },
  ],
};
