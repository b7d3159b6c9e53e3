/**
 * The max gate routes the upstream gradient to the smaller input (comparison the wrong way).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "routing",
  patch: [
    {
      solution: `
  const dx = dout.map((g, i, j) => (x.get(i, j) > y.get(i, j) ? g : 0));
`,
      learner: `
  const dx = dout.map((g, i, j) => (x.get(i, j) < y.get(i, j) ? g : 0));
`,
    },
  ],
};
