/**
 * The loss recorded after each update instead of before it: the history is shifted by one step
 * and never shows the loss of the start.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
    const { loss, grads } = networkLoss(X, y, params, options.reg);
    losses.push(loss);
    for (const name of NAMES) {
      params[name] = params[name].sub(grads[name].mul(options.learningRate));
    }
`,
      learner: `
    const { grads } = networkLoss(X, y, params, options.reg);
    for (const name of NAMES) {
      params[name] = params[name].sub(grads[name].mul(options.learningRate));
    }
    losses.push(networkLoss(X, y, params, options.reg).loss);
`,
    },
  ],
};
