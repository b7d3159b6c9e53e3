/**
 * Training that starts from `init` itself instead of a copy and updates it in place: the
 * caller's start is gone, and every later run (one per candidate λ) starts where the last ended.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "modified-input",
  patch: [
    {
      solution: `
  const params: NetParams = {
    W1: init.W1.clone(),
    b1: init.b1.clone(),
    W2: init.W2.clone(),
    b2: init.b2.clone(),
  };
  const losses: number[] = [];
  for (let step = 0; step < options.steps; step++) {
    const { loss, grads } = networkLoss(X, y, params, options.reg);
    losses.push(loss);
    for (const name of NAMES) {
      params[name] = params[name].sub(grads[name].mul(options.learningRate));
    }
  }
`,
      learner: `
  const params: NetParams = init;
  const losses: number[] = [];
  for (let step = 0; step < options.steps; step++) {
    const { loss, grads } = networkLoss(X, y, params, options.reg);
    losses.push(loss);
    for (const name of NAMES) {
      const p = params[name].data, g = grads[name].data;
      for (let i = 0; i < p.length; i++) p[i] -= options.learningRate * g[i];
    }
  }
`,
    },
  ],
};
