/**
 * A numerical backward: dx is a one-sided difference of Σ dout·relu(x) (step 1e-6), not derived.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "numerical",
  patch: [
    {
      solution: `
  const x = cache.x as Matrix;
  return dout.map((g, i, j) => (x.get(i, j) > 0 ? g : 0));
`,
      learner: `
  const x = (cache.x as Matrix).clone();
  const h = 1e-6;
  const f = () => reluForward(x).out.mul(dout).sum();
  const base = f();
  const dx = x.map(() => 0);
  for (let i = 0; i < x.data.length; i++) {
    const old = x.data[i];
    x.data[i] = old + h;
    dx.data[i] = (f() - base) / h;
    x.data[i] = old;
  }
  return dx;
`,
    },
  ],
};
