/**
 * The hinge's gradient with the wrong sign: +y/N, which pushes violated scores further to the wrong side.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "sign",
  patch: [
    {
      solution: `
      dS.data[i] = -y[i] / n;
`,
      learner: `
      dS.data[i] = y[i] / n;
`,
    },
  ],
};
