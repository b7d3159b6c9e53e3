/**
 * A numerical backward: the bugs "fixed" by replacing the backward with centered differences
 * of the forward (step 1e-6), not derived.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "numerical",
  patch: [{
    solution: `
  return { loss, grads: { W1: dW1, b1: db1, W2: dW2, b2: db2 } };
`,
    learner: `
  const f = (p: TwoLayerParams): number => {
    const s = p.W1 === W1 && p.b1 === b1 && p.W2 === W2 && p.b2 === b2
      ? S
      : X.matmul(p.W1).add(p.b1).maximum(0).matmul(p.W2).add(p.b2);
    const sh = s.sub(s.rowMax());
    const ls = sh.exp().rowSums();
    const c = sh.pick(y);
    let l = 0;
    for (let i = 0; i < n; i++) l += Math.log(ls.data[i]) - c[i];
    return l / n;
  };
  const h = 1e-6;
  const numeric = (key: keyof TwoLayerParams): Matrix => {
    const m = params[key].clone();
    const g = m.map(() => 0);
    for (let i = 0; i < m.data.length; i++) {
      const old = m.data[i];
      m.data[i] = old + h;
      const up = f({ ...params, [key]: m });
      m.data[i] = old - h;
      const down = f({ ...params, [key]: m });
      m.data[i] = old;
      g.data[i] = (up - down) / (2 * h);
    }
    return g;
  };
  return {
    loss,
    grads: { W1: numeric("W1"), b1: numeric("b1"), W2: numeric("W2"), b2: numeric("b2") },
  };
`,
  }],
};
