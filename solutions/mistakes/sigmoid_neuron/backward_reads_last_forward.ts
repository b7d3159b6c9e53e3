/**
 * The forward leaves x, w and its output in module variables and the backward uses those rather
 * than its cache: right for one neuron at a time, wrong for the first of two neurons once the
 * second one's forward has run.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "state",
  patch: [
    {
      solution: `

function sigmoid(v: number): number {
`,
      learner: `

let saved: { x: Matrix; w: Matrix; out: Matrix } | undefined;

function sigmoid(v: number): number {
`,
    },
    {
      solution: `
  const z = x.matmul(w).add(b);
  const out = z.map(sigmoid);
`,
      learner: `
  const out = x.matmul(w).add(b).map(sigmoid);
  saved = { x: x.clone(), w: w.clone(), out: out.clone() };
`,
    },
    {
      solution: `
  const { x, w, out } = cache as Record<"x" | "w" | "out", Matrix>;
  const dz = out.map((s, i) => s * (1 - s) * dout.get(i, 0));
`,
      learner: `
  const { x, w, out } = saved!;
  const dz = dout.map((g, i) => out.data[i] * (1 - out.data[i]) * g);
`,
    },
  ],
};
