/**
 * The forward keeps its intermediates in module variables and the backward walks the gates with
 * those instead of its cache: right for one circuit at a time, wrong for the first of two
 * circuits once the second one's forward has run.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "state",
  patch: [
    {
      solution: `

/** a = x + y, m = x ⊙ z, out = a ⊙ m; cache \`{ x, z, a, m }\`. */
`,
      learner: `

let last: { x: Matrix; z: Matrix; a: Matrix; m: Matrix } | undefined;

/** a = x + y, m = x ⊙ z, out = a ⊙ m; cache \`{ x, z, a, m }\`. */
`,
    },
    {
      solution: `
  const m = x.mul(z);
`,
      learner: `
  const m = x.mul(z);
  last = { x, z, a, m };
`,
    },
    {
      solution: `
  const { x, z, a, m } = cache as Record<"x" | "z" | "a" | "m", Matrix>;
  const { dx: da, dy: dm } = multiplyBackward(a, m, dout);
  const { dx: dxFromAdd, dy } = addBackward(da);
  const { dx: dxFromMultiply, dy: dz } = multiplyBackward(x, z, dm);
  return { dx: dxFromAdd.add(dxFromMultiply), dy, dz };
`,
      learner: `
  const { x, z, a, m } = last!;
  const { dx: da, dy: dm } = multiplyBackward(a, m, dout);
  const { dx: fromAdd, dy } = addBackward(da);
  const { dx: fromMultiply, dy: dz } = multiplyBackward(x, z, dm);
  return { dx: fromAdd.add(fromMultiply), dy, dz };
`,
    },
  ],
};
