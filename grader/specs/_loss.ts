/**
 * The check every score-based loss exercise shares: call the learner's loss on a batch of
 * scores, require `{ loss, dScores }` of the right shapes, compare the loss with the reference
 * forward and `dScores` with the numerical gradient of that forward.
 *
 * @module
 */

import type { Matrix } from "@gradkit/lib";
import type { TestContext } from "../spec.ts";

/** One call of a loss exercise and how to judge it. */
export interface ScoreLossCase {
  /** The learner's export, e.g. `"binaryHingeLoss"`. */
  fn: string;
  /** The call's arguments (the scores among them). */
  args: unknown[];
  /** The argument `dScores` is the gradient with respect to. */
  scores: Matrix;
  /** The reference loss; reads `scores.data` in place (the checker perturbs it). */
  reference: () => number;
  /** Names the batch in messages: `loss (<label>)`, `dScores (<label>)`. */
  label: string;
  /** Put before "loss" and "dScores" in messages, e.g. `"binary "`. */
  prefix?: string;
  /** Which parts to judge (both by default). */
  parts?: { value?: boolean; gradient?: boolean };
}

/** Calls the learner's loss once and judges its value and its gradient with respect to the scores. */
export async function checkScoreLoss(t: TestContext, c: ScoreLossCase): Promise<void> {
  const { value = true, gradient = true } = c.parts ?? {};
  const prefix = c.prefix ?? "";
  const out = t.expectObject(await t.call(c.fn, ...c.args), `${c.fn}(...)`, ["loss", "dScores"]);
  const loss = t.expectNumber(out.loss, `${prefix}loss (${c.label})`);
  const dScores = t.expectMatrix(
    out.dScores,
    `${prefix}dScores (${c.label})`,
    [c.scores.rows, c.scores.cols],
  );
  if (value) t.expectClose(`${prefix}loss (${c.label})`, loss, c.reference());
  if (gradient) t.expectGradient(`${prefix}dScores (${c.label})`, dScores, c.reference, c.scores);
}
