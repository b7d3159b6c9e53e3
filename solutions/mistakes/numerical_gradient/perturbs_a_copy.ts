/**
 * Evaluates f on a perturbed copy of x instead of x itself: a function that reads the numbers
 * where they live (like a loss reading a network's weights) would never see the change.
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
    const plus = x.clone();
    plus.data[i] += h;
    const minus = x.clone();
    minus.data[i] -= h;
    grad.data[i] = (f(plus) - f(minus)) / (2 * h);
`,
    },
  ],
};
