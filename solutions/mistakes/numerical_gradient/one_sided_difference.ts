/**
 * One-sided difference: (f(x + h) − f(x)) / h, whose error is proportional to h.
 *
 * Evaluates f(x) afresh for every entry, so the number of calls (2n) looks right; only the
 * accuracy gives it away.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
  const d = x.data;
  for (let i = 0; i < d.length; i++) {
    const old = d[i];
    d[i] = old + h;
    const plus = f(x);
    d[i] = old - h;
    const minus = f(x);
    d[i] = old;
    grad.data[i] = (plus - minus) / (2 * h);
`,
      learner: `
  for (let i = 0; i < x.size; i++) {
    const old = x.data[i];
    const base = f(x);
    x.data[i] = old + h;
    const plus = f(x);
    x.data[i] = old;
    grad.data[i] = (plus - base) / h;
`,
    },
  ],
};
