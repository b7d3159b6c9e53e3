/**
 * The kinds of mistake the kit knows, one shared list: every known mistake in
 * `solutions/mistakes/` carries one of these labels (`deno task verify` refuses one without), and
 * a diagnosis the grader gives a learner names one of them, so the two can be compared.
 *
 * A label says what the evidence looks like from outside, not how the code was written: a ½
 * convention that halves loss and gradient alike is a `missing-factor`, a mask taken at x ≥ 0 is a
 * `mask`. When two kinds fit, the more specific one wins (`upstream-ignored` over
 * `skipped-stage`, `forgotten-1/N` over `missing-factor`).
 *
 * @example
 * ```ts
 * import { isMistakeKind, MISTAKE_KINDS } from "./mistake_kinds.ts";
 * isMistakeKind("sign"); // true
 * MISTAKE_KINDS.sign; // "a sign flipped: …"
 * ```
 *
 * @module
 */

/** Every kind, with a one-line description; the order is the order reports list them in. */
export const MISTAKE_KINDS = {
  "forgotten-1/N":
    "the batch's 1/N forgotten, applied twice, or over the wrong count (off by a factor N or K)",
  "missing-factor":
    "a constant or local factor missing or extra (the 2 of a square, a ½, the step h, η)",
  "sign": "a sign flipped: a gradient or an update that goes the wrong way",
  "transpose": "a product in the wrong order or transposed: a D×C result where C×D is due",
  "wrong-axis": "a sum, mean or statistic over the wrong axis (rows for columns, or all at once)",
  "mask": "a mask (ReLU, hinge margin) missing, taken from the wrong quantity, or misplaced",
  "routing": "a gradient sent to the wrong input, or combined wrongly where inputs meet (a fork)",
  "upstream-ignored": "the upstream gradient never multiplied in, as if dout were all ones",
  "skipped-stage": "a stage of the chain skipped in the backward: its local derivative left out",
  "wrong-operand":
    "a local derivative evaluated at the wrong quantity (input for output, own input)",
  "correct-class": "the correct class's term wrong: counted in the sum, or its −1 never subtracted",
  "missing-term": "a term left out: a bias, a penalty, a centering, an update",
  "extra-term": "a term added that does not belong (a regularized bias)",
  "overflow": "numerically unstable: overflow or underflow to Infinity, 0 or NaN at large inputs",
  "modified-input": "an argument modified in place, or left modified, where it must stay unchanged",
  "state":
    "state kept across calls: buffers that accumulate, or a backward that reads module state",
  "aliasing": "returned memory shared with an argument, another result, or an earlier call",
  "float32": "computed in single precision (float32), about 7 digits where float64 is required",
  "convention": "a convention other than the kit's pinned one (labels 0/1 or ±1, a margin, N − 1)",
  "numerical":
    "a backward computed by numerical differentiation of the forward, where a derived one is asked",
  "other": "none of the above: a wrong formula or method of its own",
  "placeholder": "a scaffold of `deno task new`, not yet written (the catalogue check refuses it)",
} as const satisfies Record<string, string>;

/** A kind label: a key of {@linkcode MISTAKE_KINDS}. */
export type MistakeKind = keyof typeof MISTAKE_KINDS;

/** Whether `value` is a kind label of {@linkcode MISTAKE_KINDS}. */
export function isMistakeKind(value: unknown): value is MistakeKind {
  return typeof value === "string" && Object.hasOwn(MISTAKE_KINDS, value);
}
