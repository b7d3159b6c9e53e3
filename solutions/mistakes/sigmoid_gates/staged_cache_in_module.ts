/**
 * The staged forward keeps its values in a module variable instead of the cache: right when each
 * forward is followed at once by its backward, wrong after two forwards.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "state",
  patch: [
    {
      solution: `
  return { out: reciprocalForward(c), cache: { x, a, b, c } };
}
`,
      learner: `
  last = { x, a, b, c };
  return { out: reciprocalForward(c), cache: {} };
}

let last: Record<string, Matrix> = {};
`,
    },
    {
      solution: `
  const { x, a, b, c } = cache as Record<string, Matrix>;
`,
      learner: `
  const { x, a, b, c } = last;
`,
    },
  ],
};
