/**
 * The forward keeps its input in a module variable and the backward reads it from there instead
 * of from its cache: right when every forward is followed at once by its backward, wrong for the
 * first of two layers once the second layer's forward has run.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "state",
  patch: [
    {
      solution: `
/** ReLU forward: out = max(0, x); cache \`{ x }\`. */
export function reluForward(x: Matrix): { out: Matrix; cache: ReluCache } {
  return { out: x.maximum(0), cache: { x } };
`,
      learner: `
let lastX: Matrix | undefined;

/** ReLU forward: out = max(0, x); cache \`{ x }\`. */
export function reluForward(x: Matrix): { out: Matrix; cache: ReluCache } {
  lastX = x.clone();
  return { out: x.maximum(0), cache: {} };
`,
    },
    {
      solution: `
  const x = cache.x as Matrix;
`,
      learner: `
  const x = lastX!;
`,
    },
  ],
};
