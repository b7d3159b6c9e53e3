/**
 * The add gate hands dout itself to both inputs: the values are right, but dx, dy and the
 * caller's dout are one matrix, so whoever changes one gradient changes all three.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "aliasing",
  patch: [
    {
      solution: `
  return { dx: dout.clone(), dy: dout.clone() };
`,
      learner: `
  return { dx: dout, dy: dout };
`,
    },
  ],
};
