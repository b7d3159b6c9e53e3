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

let saved: { x: Matrix; w: Matrix; out: number } | undefined;

function sigmoid(v: number): number {
`,
    },
    {
      solution: `
  const out = sigmoid(z);
  return { out, cache: { x, w, out } };
`,
      learner: `
  const out = sigmoid(z);
  saved = { x: x.clone(), w: w.clone(), out };
  return { out, cache: { x, w, out } };
`,
    },
    {
      solution: `
  const { x, w } = cache as Record<"x" | "w", Matrix>;
  const out = cache.out as number;
`,
      learner: `
  const { x, w, out } = saved!;
`,
    },
  ],
};
