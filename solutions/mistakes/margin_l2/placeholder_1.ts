/**
 * PLACEHOLDER MISTAKE 1: replace this comment's first line with what the mistake gets wrong, the
 * kind with one of grader/mistake_kinds.ts, and the patch with the solution's lines the mistake
 * changes (verbatim) and what a learner would write instead (see the other exercises' mistakes);
 * `deno task verify margin_l2` refuses the exercise until you do.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "placeholder",
  patch: [
    {
      solution: `
  return { loss: x.square().sum(), dX: x.mul(2) };
`,
      learner: `
  return { loss: x.square().sum(), dX: x.mul(2) };
`,
    },
  ],
};
