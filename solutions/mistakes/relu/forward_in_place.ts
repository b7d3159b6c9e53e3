/**
 * The forward clamps the input in place and returns it: the caller's x is destroyed.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "modified-input",
  patch: [
    {
      solution: `
  return { out: x.maximum(0), cache: { x } };
`,
      learner: `
  const mask = x.map((v) => (v > 0 ? 1 : 0));
  for (let i = 0; i < x.data.length; i++) if (x.data[i] < 0) x.data[i] = 0;
  return { out: x, cache: { x: mask } };
`,
    },
  ],
};
