/**
 * One-sided difference with f(x) evaluated once: n + 1 calls instead of 2n.
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
  const base = f(x);
  for (let i = 0; i < x.size; i++) {
    const old = x.data[i];
    x.data[i] = old + h;
    grad.data[i] = (f(x) - base) / h;
    x.data[i] = old;
`,
    },
  ],
};
