/**
 * What a training run's recorded losses show when they differ from the reference run's: the
 * same losses one step late (each loss recorded after the update, from a second forward), or
 * each short of the reference's by exactly the penalty of that step's weights (the penalty left
 * out of what was recorded). Evidence for a spec's `t.expect(…, kind)`; nothing else.
 *
 * @example
 * ```ts
 * import { historyKind } from "./_history.ts";
 * historyKind([2, 1.5, 1.2], [3, 2, 1.5, 1.2], { rtol: 1e-9, atol: 1e-12 })?.kind; // "other"
 * ```
 *
 * @module
 */

import { relativeError } from "../compare.ts";
import type { MistakeKind } from "../mistake_kinds.ts";

/** The fewest losses compared before a pattern is named. */
const LEAST_STEPS = 3;

/**
 * The kind and sentence the learner's `got` losses show against the reference's `ref`, within
 * `tol` (the run's replay tolerance): `other` when `got[k] = ref[k + 1]` for every k both hold,
 * `missing-term` when `got[k] = ref[k] − penalties[k]` for every k with some penalty non-zero
 * (`penalties`: the reference's penalty in each recorded loss). Undefined when neither fits, or
 * when `got` equals `ref`.
 */
export function historyKind(
  got: readonly number[],
  ref: readonly number[],
  tol: { rtol: number; atol: number },
  penalties?: readonly number[],
): { kind: MistakeKind; text: string } | undefined {
  const close = (a: number, b: number) => relativeError(a, b, tol.atol) <= tol.rtol;
  const n = Math.min(got.length, ref.length);
  if (n < LEAST_STEPS || got.every((g, k) => k >= n || close(g, ref[k]))) return undefined;
  let late = true;
  for (let k = 0; k + 1 < n && late; k++) late = close(got[k], ref[k + 1]);
  if (late && !close(got[0], ref[0])) {
    return {
      kind: "other",
      text: `every recorded loss is the reference's next one (losses[k] is the loss after ` +
        `update k): record the loss of the parameters before updating them, from the same ` +
        `forward pass that gives the gradient`,
    };
  }
  if (penalties && penalties.length >= n && penalties.some((p) => !close(p + ref[0], ref[0]))) {
    let short = true;
    for (let k = 0; k < n && short; k++) short = close(got[k], ref[k] - penalties[k]);
    if (short) {
      return {
        kind: "missing-term",
        text: `every recorded loss is the reference's minus exactly the penalty of that step's ` +
          `weights: the penalty was left out of the recorded loss`,
      };
    }
  }
  return undefined;
}
