/**
 * The max gate hands the upstream gradient to both inputs, as if it were an add gate.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "routing",
  patch: [
    {
      solution: `
export function maxBackward(x: Matrix, y: Matrix, dout: Matrix): GateGradients {
  const dx = dout.map((g, i, j) => (x.get(i, j) > y.get(i, j) ? g : 0));
  const dy = dout.map((g, i, j) => (x.get(i, j) > y.get(i, j) ? 0 : g));
  return { dx, dy };
`,
      learner: `
export function maxBackward(_x: Matrix, _y: Matrix, dout: Matrix): GateGradients {
  return { dx: dout.clone(), dy: dout.clone() };
`,
    },
  ],
};
