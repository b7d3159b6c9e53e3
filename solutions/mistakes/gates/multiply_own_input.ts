/**
 * The multiply gate scales each input's gradient by that input instead of by the other one.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "wrong-operand",
  patch: [
    {
      solution: `
  return { dx: y.mul(dout), dy: x.mul(dout) };
`,
      learner: `
  return { dx: x.mul(dout), dy: y.mul(dout) };
`,
    },
  ],
};
