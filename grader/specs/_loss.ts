/**
 * The check every score-based loss exercise shares: call the learner's loss on a batch of
 * scores, require `{ loss, dScores }` of the right shapes, compare the loss with the reference
 * forward and `dScores` with the numerical gradient of that forward; and the tests every
 * multiclass margin loss shares.
 *
 * @module
 */

import { classLabels, hingeScores, type Matrix, type Rng } from "@gradkit/lib";
import type { GradientCheckOptions, Sizes, TestCase, TestContext } from "../spec.ts";
import { relativeError } from "../compare.ts";
import type { MistakeKind } from "../mistake_kinds.ts";
import { sizedTest } from "./_sized.ts";

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
  /**
   * The loss by other methods a learner may use, each with what it is and its kind (a
   * `convention` other than the exercise's pinned one: labels 0/1 for ±1, a margin 0; or a
   * form of its own): a wrong loss equal to one is named with its kind.
   */
  alternatives?: readonly { what: string; kind: MistakeKind; loss: () => number }[];
  /** Options of the gradient's check (wrong methods' results it can name, say). */
  gradientOptions?: GradientCheckOptions;
}

/** Calls the learner's loss once and judges its value and its gradient with respect to the scores. */
export async function checkScoreLoss(t: TestContext, c: ScoreLossCase): Promise<void> {
  const { value = true, gradient = true } = c.parts ?? {};
  const prefix = c.prefix ?? "";
  const out = t.expectObject(await t.call(c.fn, ...c.args), `${c.fn}(...)`, ["loss", "dScores"]);
  const loss = t.expectNumber(out.loss, `${prefix}loss (${c.label})`, out.dScores);
  const dScores = t.expectMatrix(
    out.dScores,
    `${prefix}dScores (${c.label})`,
    [c.scores.rows, c.scores.cols],
  );
  if (value) {
    const expected = c.reference();
    const close = (a: number, b: number) => relativeError(a, b, 1e-12) <= 1e-9;
    const other = close(loss, expected)
      ? undefined
      : c.alternatives?.find((k) => close(loss, k.loss()) && !close(expected, k.loss()));
    t.expect(
      other === undefined,
      `${prefix}loss (${c.label}) is ${loss}, expected ${expected}: it is the loss ${other?.what}` +
        (other?.kind === "convention" ? `, a convention other than the exercise's` : ""),
      other?.kind,
    );
    t.expectClose(`${prefix}loss (${c.label})`, loss, expected);
  }
  if (gradient) {
    t.expectGradient(
      `${prefix}dScores (${c.label})`,
      dScores,
      c.reference,
      c.scores,
      c.gradientOptions,
    );
  }
}

/** A batch of scores (N×C) and their class labels. */
export type ScoreBatch = {
  scores: Matrix;
  y: Int32Array;
};

/** Which parts of a loss call to judge (both by default). */
export type LossParts = { value?: boolean; gradient?: boolean };

/** What {@linkcode multiclassMarginTests} needs to know of one multiclass margin loss. */
export interface MarginLoss {
  /** Put before every test name, e.g. `"multiclass: "`. */
  namePrefix?: string;
  /** How the mixed batches of the first tests are described, e.g. "some margins violated and some met". */
  mixed: string;
  /** N rows of C classes with some margin terms violated and some met (scores times `scale`). */
  batch(rng: Rng, n: number, c: number, scale?: number): ScoreBatch;
  /** A single row of C classes with at least one violated margin (default: `batch(rng, 1, c)`). */
  batchOfOne?(rng: Rng, c: number): ScoreBatch;
  /** Calls the learner's loss on a batch and judges the `parts` asked for. */
  check(t: TestContext, batch: ScoreBatch, label: string, parts?: LossParts): Promise<void>;
}

/** Why labels or scores read from a case file are not ones a margin batch draws, or undefined. */
function marginProblem(
  { scores, y }: ScoreBatch,
  c: number,
  o: { gap: number; met?: boolean },
): string | undefined {
  if (!y.every((v) => Number.isInteger(v) && v >= 0 && v < c)) {
    return `a label outside 0 … ${c - 1}`;
  }
  for (let i = 0; i < scores.rows; i++) {
    const correct = scores.data[i * c + y[i]];
    for (let j = 0; j < c; j++) {
      if (j === y[i]) continue;
      const term = scores.data[i * c + j] - correct + 1;
      if (o.met ? term > -o.gap : Math.abs(term) < o.gap) {
        return o.met ? "a margin term that is not met by the gap" : "a margin term on the kink";
      }
    }
  }
  return undefined;
}

/**
 * The five hidden tests every multiclass margin loss gets: its value and its gradient on
 * batches with N ≠ C, two classes, a batch where every margin is met (loss 0, gradient 0: any
 * non-zero entry fails), and a batch of one. All are sized (N ≥ 2 where the mean over the
 * batch must show; N ≠ C where a transposed gradient must show), so that a failure can be
 * shrunk; the margin terms stay the generator's gap (0.05 of the scale) from the kink.
 */
export function multiclassMarginTests(loss: MarginLoss): TestCase[] {
  const name = (text: string) => `${loss.namePrefix ?? ""}${text}`;
  const batchTest = (
    text: string,
    o: { sizes: Sizes; scale?: number; parts?: LossParts; distinct?: boolean },
  ) =>
    sizedTest(name(text), {
      sizes: o.sizes,
      min: { N: 2, C: 2 },
      distinct: o.distinct ? [["N", "C"]] : undefined,
      draw: (rng, { N, C }) =>
        o.scale === undefined ? loss.batch(rng, N, C) : loss.batch(rng, N, C, o.scale),
      validate: (b, { C }) => marginProblem(b, C, { gap: 0.05 * (o.scale ?? 1) * (1 - 1e-9) }),
      check: (t, b, { N, C }) => loss.check(t, b, `N = ${N}, C = ${C}`, o.parts),
    });
  return [
    batchTest(`loss value with N ≠ C, ${loss.mixed} (N = 7, C = 4)`, {
      sizes: { N: 7, C: 4 },
      parts: { gradient: false },
      distinct: true,
    }),
    batchTest(`dScores with N ≠ C, ${loss.mixed} (N = 6, C = 5)`, {
      sizes: { N: 6, C: 5 },
      parts: { value: false },
      distinct: true,
    }),
    batchTest("two classes (N = 8, C = 2): value and dScores", {
      sizes: { N: 8, C: 2 },
      scale: 1.5,
    }),
    sizedTest(name("every margin met (N = 5, C = 3): loss 0 and dScores 0"), {
      sizes: { N: 5, C: 3 },
      min: { N: 1, C: 2 },
      distinct: [["N", "C"]],
      draw(rng, { N, C }) {
        const y = classLabels(rng, N, C);
        return { scores: hingeScores(rng, y, C, { met: true }), y };
      },
      validate: (b, { C }) => marginProblem(b, C, { gap: 0.05 * (1 - 1e-9), met: true }),
      check: (t, b, { N, C }) => loss.check(t, b, `N = ${N}, C = ${C}, all margins met`),
    }),
    sizedTest(name("a batch of one (N = 1, C = 4): value and dScores"), {
      sizes: { C: 4 },
      min: { C: 2 },
      draw: (rng, { C }) => loss.batchOfOne?.(rng, C) ?? loss.batch(rng, 1, C),
      validate: (b, { C }) => marginProblem(b, C, { gap: 0.05 * (1 - 1e-9) }),
      check: (t, b, { C }) => loss.check(t, b, `N = 1, C = ${C}`),
    }),
  ];
}
