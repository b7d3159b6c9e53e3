/**
 * One-sided difference: (f(x + h) − f(x)) / h, whose error shrinks only like h.
 *
 * Evaluates f twice per entry and step, so the number of calls looks right; only the values
 * give it away.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
  d[i] = old - h;
  const minus = f(x);
  d[i] = old;
  return (plus - minus) / (2 * h);
`,
      learner: `
  d[i] = old;
  const base = f(x);
  return (plus - base) / h;
`,
    },
  ],
};
