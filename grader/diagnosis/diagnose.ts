/**
 * Diagnoses: the kind of mistake a failed test shows, named in one sentence, from evidence the
 * grader computed while it judged the test. Nothing here knows which file is graded: it reads
 * the numbers a check compared (the learner's and the reference's), the shapes and labels the
 * test passed to the learner, and what the check itself established (an argument modified, a
 * result shared with an input, a value that is not finite).
 *
 * Detectors, most specific first:
 * - what the check established ({@linkcode Evidence.kind}): `modified-input`, `aliasing`,
 *   `overflow`, `transpose`, `wrong-axis`, `state` (a result that differs from the learner's own
 *   earlier result for the same call);
 * - what the test is built to catch ({@linkcode Evidence.detects}), e.g. `state` for two forwards
 *   followed by their backwards;
 * - the numbers: every value off by one factor (−1: `sign`; N or 1/N for a size of the test's
 *   inputs: `forgotten-1/N`; 2 or ½: `missing-factor`; √(N/(N−1)): `convention`), every value
 *   exactly a float32 (`float32`), the learner's values times the upstream gradient equal to the
 *   expected ones (`upstream-ignored`), only the correct class's entries wrong (`correct-class`),
 *   a loss off by exactly the margin 1 (`correct-class`), wrong entries only where a mask blocks
 *   or passes (`mask`).
 *
 * @example
 * ```ts
 * import { diagnose } from "./diagnose.ts";
 * const d = diagnose({
 *   values: { got: [2, 4], expected: [1, 2], rows: 1, cols: 2, rtol: 1e-5, atol: 1e-2 },
 *   sizes: [2, 7],
 * });
 * d?.kind; // "forgotten-1/N"
 * ```
 *
 * @module
 */

import { constantFactor, relativeError } from "../compare.ts";
import { MISTAKE_KINDS, type MistakeKind } from "../mistake_kinds.ts";

/** A diagnosis: the kind of mistake, and one sentence that names it for the learner. */
export interface Diagnosis {
  kind: MistakeKind;
  /** One sentence in plain words. */
  text: string;
  /**
   * What it rests on: `check`, what the failing check established; `test`, what the failing
   * test is built to catch; `values`, the numbers compared.
   */
  basis?: "check" | "test" | "values";
}

/** The numbers a failed comparison looked at. */
export interface ValueEvidence {
  /** What was compared, e.g. "dW" (for the sentence). */
  what?: string;
  got: ArrayLike<number>;
  expected: ArrayLike<number>;
  /** The shape of `expected` (1×1 for a single number). */
  rows: number;
  cols: number;
  rtol: number;
  atol: number;
  /** The floor of the relative error's denominator the comparison used (default `atol`). */
  floor?: number;
  /** Indices not compared (kinks). */
  skip?: ReadonlySet<number>;
  /** Factors of the chain the spec knows for this gradient (see {@linkcode LocalFactor}). */
  factors?: readonly LocalFactor[];
  /** Results of wrong methods the spec names (see {@linkcode MistakenResult}). */
  mistaken?: readonly MistakenResult[];
  /** The expected values of the other gradients checked with it (of other inputs). */
  others?: { what: string; expected: ArrayLike<number> }[];
}

/**
 * A factor of the chain a spec knows for one gradient: when the learner's gradient times
 * `factor` is the expected one, entry by entry, the mistake is of `kind`, and `text` completes
 * the sentence after the gradient's name ("is the expected value divided by σ′(z): …").
 */
export interface LocalFactor {
  kind: MistakeKind;
  /** One number for every entry, or one per entry (entry by entry: a gate's other input). */
  factor: number | ArrayLike<number>;
  text: string;
}

/**
 * What a wrong method the spec can name gives on the test's inputs (dW from Xᵀ·1 where Xᵀ·dout
 * is due): when the learner's values equal `value`, entry by entry, the mistake is of `kind`,
 * and `text` completes the sentence after the gradient's name.
 */
export interface MistakenResult {
  kind: MistakeKind;
  value: ArrayLike<number>;
  text: string;
}

/** Everything a diagnosis may read about one failed test. */
export interface Evidence {
  /** What the failing check itself established, with its sentence. */
  kind?: Diagnosis;
  /** What the failing test is built to catch, when nothing more specific is found. */
  detects?: MistakeKind;
  /** The failing comparison's numbers, when the failure was one. */
  values?: ValueEvidence;
  /** Sizes of the test's inputs: rows and columns of every matrix, lengths of label arrays. */
  sizes?: readonly number[];
  /** Class labels passed to the learner (one per row of the scores). */
  labels?: readonly Int32Array[];
  /** Upstream gradients passed to the learner (arguments named `dout`). */
  upstreams?: readonly ArrayLike<number>[];
  /** Numbers passed to the learner (a learning rate, a λ, a step h). */
  scalars?: readonly number[];
  /** What the test's comparisons that passed before the failing one compared ("layer 2: dx"). */
  passed?: readonly string[];
  /**
   * Matrices passed to the learner, by parameter name (a bias, a weight matrix, `weights[1]`),
   * and which argument holds them (`group`).
   */
  inputs?: readonly {
    name: string;
    group?: number;
    rows: number;
    cols: number;
    data: ArrayLike<number>;
  }[];
}

/** The description of a kind, for a sentence: "a sign flipped". */
export function describeKind(kind: MistakeKind): string {
  return MISTAKE_KINDS[kind].split(":")[0];
}

/** The diagnosis of a failed test, or undefined when the evidence names no kind. */
export function diagnose(ev: Evidence): Diagnosis | undefined {
  if (ev.kind) return { ...ev.kind, basis: "check" };
  // A test built to catch one kind names it when the same check passed earlier in it, up to its
  // numbers (two forwards, then their backwards: "layer 2: dx" right, "layer 1: dx" wrong), or
  // when a call threw after checks passed (a backward that combined another call's shapes).
  const passed = ev.passed ?? [];
  const repeated = ev.values?.what === undefined
    ? passed.length > 0
    : passed.some((p) => sameCheck(p, ev.values!.what!));
  if (ev.detects && repeated) {
    return {
      kind: ev.detects,
      text: `this test is built to catch ${describeKind(ev.detects)}, and it failed after ` +
        `its earlier checks passed: ${MISTAKE_KINDS[ev.detects]}`,
      basis: "test",
    };
  }
  if (ev.values) {
    const d = diagnoseValues(ev.values, ev);
    return d && { ...d, basis: "values" };
  }
  return undefined;
}

/**
 * The kind an exercise's failed tests name together: the most frequent kind that a check
 * established, else the most frequent kind the numbers name, else the kind of a test built to
 * catch it (the first on a tie); undefined when no test names one.
 */
export function exerciseDiagnosis(
  tests: readonly { diagnosis?: Diagnosis }[],
): Diagnosis | undefined {
  for (const basis of ["check", "values", "test"] as const) {
    const count = new Map<MistakeKind, { n: number; first: Diagnosis }>();
    for (const t of tests) {
      const d = t.diagnosis;
      if (!d || (d.basis ?? "values") !== basis) continue;
      const c = count.get(d.kind);
      if (c) c.n++;
      else count.set(d.kind, { n: 1, first: d });
    }
    let best: { n: number; first: Diagnosis } | undefined;
    for (const c of count.values()) if (!best || c.n > best.n) best = c;
    if (best) return best.first;
  }
  return undefined;
}

function sizeSet(ev: Evidence): Set<number> {
  return new Set((ev.sizes ?? []).filter((n) => n >= 2));
}

/** Whether `x` is within `tol` (relative) of a whole number ≥ 2; the number, if so. */
function wholeNumber(x: number, tol = 1e-6): number | undefined {
  const n = Math.round(x);
  return n >= 2 && Math.abs(x - n) <= tol * n ? n : undefined;
}

/** Indices of the compared entries that fail, as `compareArrays` would count them. */
function failingIndices(v: ValueEvidence): number[] {
  const atol = v.floor ?? v.atol;
  const out: number[] = [];
  for (let i = 0; i < v.expected.length; i++) {
    if (v.skip?.has(i)) continue;
    if (relativeError(v.got[i], v.expected[i], atol) > v.rtol) out.push(i);
  }
  return out;
}

/** Whether `x` is (within rounding) zero against entries of size `scale`. */
function isZero(x: number, scale: number): boolean {
  return Math.abs(x) <= 1e-12 * Math.max(1, scale);
}

function name(v: ValueEvidence): string {
  return v.what ? `${v.what}` : "the result";
}

/** The detectors that read numbers, in order. */
function diagnoseValues(v: ValueEvidence, ev: Evidence): Diagnosis | undefined {
  const n = v.expected.length;
  const what = name(v);
  const sizes = sizeSet(ev);

  // Every value exactly a single-precision number, and close: computed in float32.
  let allFloat32 = true, someFraction = false, worst = 0;
  for (let i = 0; i < n; i++) {
    const g = v.got[i];
    if (Math.fround(g) !== g) allFloat32 = false;
    if (!Number.isInteger(g)) someFraction = true;
    worst = Math.max(worst, relativeError(g, v.expected[i], v.atol));
  }
  if (allFloat32 && someFraction && worst < 1e-4) {
    return {
      kind: "float32",
      text: `every value of ${what} is a single-precision (float32) number, close to the ` +
        `expected one but only to about 7 digits: compute in float64 (Float64Array, plain numbers)`,
    };
  }

  // A factor of the chain the spec names: the learner's values times it are the expected ones.
  const known = knownFactor(v) ?? knownMistaken(v);
  if (known) return { kind: known.kind, text: `${what} ${known.text}` };

  // The factor is sought relative to the values' own scale: a comparison's floor (`atol`) may
  // be larger than every value (weights after one small step).
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(v.expected[i]));
  const factorFloor = largest > 0 && Number.isFinite(largest)
    ? Math.min(v.atol, 1e-6 * largest)
    : v.atol;
  const factor = constantFactor(v.got, v.expected, factorFloor, v.skip as Set<number> | undefined);
  const byFactor = factor === undefined
    ? undefined
    : factorDiagnosis(factor, what, sizes, n, ev.scalars ?? []);
  if (byFactor) return byFactor;

  // A single number off by exactly an L2 penalty λ·Σ‖W‖² of an argument's matrices.
  if (n === 1) {
    const penalty = penaltyTerm(v.got[0] - v.expected[0], v.expected[0], ev);
    if (penalty) return { ...penalty, text: `${what} ${penalty.text}` };
  }

  // A single number off by exactly the margin 1.
  if (n === 1 && Math.abs(v.got[0] - v.expected[0] - 1) < 1e-9 * Math.max(1, v.expected[0])) {
    return {
      kind: "correct-class",
      text: `${what} is exactly 1 more than expected, the margin Δ: the correct class was ` +
        `counted in the sum over classes (skip j = y_i)`,
    };
  }

  const failing = failingIndices(v);
  if (failing.length === 0) return undefined;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(v.expected[i]));

  // The upstream gradient never multiplied in: got ⊙ dout equals the expected values.
  // (dout shaped like the result, or one upstream value per row: a neuron's N×1 dout.)
  for (const u of ev.upstreams ?? []) {
    const perRow = u.length === v.rows && v.cols > 1;
    if (u.length !== n && !perRow) continue;
    let all = true;
    for (let i = 0; i < n && all; i++) {
      if (v.skip?.has(i)) continue;
      const ui = perRow ? u[Math.floor(i / v.cols)] : u[i];
      if (relativeError(v.got[i] * ui, v.expected[i], v.atol) > 1e-6) all = false;
    }
    if (all) {
      return {
        kind: "upstream-ignored",
        text: `${what} times the upstream gradient dout is exactly the expected value: the ` +
          `local derivative is right, but dout was never multiplied in (chain rule: dx = local ⊙ dout)`,
      };
    }
  }

  // A gradient sent to the wrong input: equal to another input's, or to the sum of both.
  for (const o of v.others ?? []) {
    if (o.expected.length !== n) continue;
    const routed = (f: (i: number) => number) => {
      let moved = false;
      for (let i = 0; i < n; i++) {
        if (v.skip?.has(i)) continue;
        if (relativeError(v.got[i], f(i), v.atol) > 1e-6) return false;
        if (relativeError(v.got[i], v.expected[i], v.atol) > v.rtol) moved = true;
      }
      return moved;
    };
    if (routed((i) => o.expected[i])) {
      return {
        kind: "routing",
        text: `${what} equals the gradient due to ${o.what}: the gradient was sent to the ` +
          `wrong input`,
      };
    }
    if (routed((i) => o.expected[i] + v.expected[i])) {
      return {
        kind: "routing",
        text: `${what} is the sum of its own gradient and ${o.what}'s: the upstream gradient ` +
          `was sent to both inputs where only one should get it`,
      };
    }
  }

  // A local factor left out or extra, entry by entry: an input A (or 1 − A) of the same shape,
  // such as the (1 − out) of a sigmoid's derivative or the x of 1/x².
  for (const input of ev.inputs ?? []) {
    if (input.data.length !== n || input.rows !== v.rows || input.name === "dout") continue;
    const fits = (f: (g: number, a: number) => number) => {
      let moved = false;
      for (let i = 0; i < n; i++) {
        if (v.skip?.has(i)) continue;
        if (relativeError(f(v.got[i], input.data[i]), v.expected[i], v.atol) > 1e-6) return false;
        if (relativeError(v.got[i], v.expected[i], v.atol) > v.rtol) moved = true;
      }
      return moved;
    };
    const found = fits((g, a) => g * a)
      ? `the factor ${input.name} left out`
      : fits((g, a) => g * (1 - a))
      ? `the factor (1 − ${input.name}) left out`
      : fits((g, a) => g / a)
      ? `an extra factor ${input.name}`
      : undefined;
    if (found) {
      return {
        kind: "missing-factor",
        text: `${what} is the expected value with ${found}, entry by entry: a local factor ` +
          `of the derivative ${found.startsWith("an extra") ? "added" : "missing"}`,
      };
    }
  }

  // A term left out or added: the difference is a multiple of an input (a bias, a weight).
  for (const input of ev.inputs ?? []) {
    if (input.cols !== v.cols || (input.rows !== 1 && input.rows !== v.rows)) continue;
    const diff = new Float64Array(n), term = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      diff[i] = v.got[i] - v.expected[i];
      term[i] = input.data[input.rows === 1 ? i % v.cols : i];
    }
    let termLargest = 0;
    for (const x of term) termLargest = Math.max(termLargest, Math.abs(x));
    if (!(termLargest > 0)) continue;
    const c = constantFactor(diff, term, 1e-6 * termLargest) ??
      (isUnit(diff, term, termLargest) ? 1 : isUnit(diff, term, termLargest, -1) ? -1 : undefined);
    // The input itself (a bias), or its L2 gradient 2λ·W for a number λ passed to the call.
    const known = c !== undefined &&
      (Math.abs(Math.abs(c) - 1) < 1e-6 ||
        (ev.scalars ?? []).some((s) =>
          Math.abs(Math.abs(c) - 2 * Math.abs(s)) < 1e-6 * Math.abs(c)
        ));
    if (c === undefined || !known) continue;
    const times = Math.abs(c) === 1 ? "" : `${+Math.abs(c).toPrecision(6)} × `;
    return c < 0
      ? {
        kind: "missing-term",
        text: `${what} is short of the expected value by exactly ${times}${input.name} (an ` +
          `input of the call): that term was left out`,
      }
      : {
        kind: "extra-term",
        text: `${what} exceeds the expected value by exactly ${times}${input.name} (an ` +
          `input of the call): a term added that does not belong`,
      };
  }

  // Nothing at all where something is due: a term or an update left out.
  if (failing.every((i) => v.got[i] === 0) && failing.length === n) {
    return {
      kind: "missing-term",
      text: `${what} is 0 in every entry where non-zero values are due: a term or an update ` +
        `left out`,
    };
  }
  // One value for every entry where they should differ: a statistic over everything at once.
  if (n > 2 && failing.length > 1 && Array.from(v.got).every((g) => g === v.got[0])) {
    let distinct = false;
    for (let i = 1; i < n && !distinct; i++) {
      distinct = relativeError(v.expected[i], v.expected[0], v.atol) > v.rtol;
    }
    if (distinct) {
      return {
        kind: "wrong-axis",
        text: `every entry of ${what} is the same number, where each row or column has its ` +
          `own: the statistic was taken over everything at once, not along one axis`,
      };
    }
  }

  // Only the correct class's entries wrong: entry (i, y_i) of each row.
  for (const y of ev.labels ?? []) {
    if (y.length !== v.rows || v.cols < 2) continue;
    const onCorrect = failing.every((i) => y[Math.floor(i / v.cols)] === i % v.cols);
    if (onCorrect) {
      return {
        kind: "correct-class",
        text: `only the correct class's entries of ${what} (column y_i of each row i) are ` +
          `wrong, every other entry is right: the correct class's term is wrong (its −1, or ` +
          `its own share of the sum)`,
      };
    }
  }

  // Wrong only where a mask decides: passed where the expected value is 0, or 0 where it is not.
  if (n > 1) {
    let passedWhereBlocked = 0, blockedWherePassed = 0, other = 0;
    for (const i of failing) {
      const e = v.expected[i], g = v.got[i];
      if (isZero(e, scale) && !isZero(g, scale)) passedWhereBlocked++;
      else if (isZero(g, scale) && !isZero(e, scale)) blockedWherePassed++;
      else other++;
    }
    if (other === 0) {
      const text = blockedWherePassed === 0
        ? `${what} is right wherever it should be non-zero, but non-zero at ` +
          `${passedWhereBlocked} entries that should be exactly 0: a mask is missing or ` +
          `taken from the wrong quantity (those entries must be blocked)`
        : passedWhereBlocked === 0
        ? `${what} is right wherever it is non-zero, but 0 at ${blockedWherePassed} entries ` +
          `that should pass a gradient: a mask blocks where it should not (wrong condition, or ` +
          `taken from the wrong quantity)`
        : `${what} is right except where a mask decides: ${passedWhereBlocked} entries pass ` +
          `that should be 0 and ${blockedWherePassed} are 0 that should pass: the mask is ` +
          `taken from the wrong quantity`;
      return { kind: "mask", text };
    }
  }
  return undefined;
}

/** What one constant factor between the learner's values and the expected ones names. */
function factorDiagnosis(
  factor: number,
  what: string,
  sizes: Set<number>,
  n: number,
  scalars: readonly number[],
): Diagnosis | undefined {
  if (Math.abs(factor + 1) < 1e-6) {
    return {
      kind: "sign",
      text: `${what} has the opposite sign of the expected value${
        n > 1 ? " in every entry" : ""
      }: a sign flipped (a gradient that points the wrong way)`,
    };
  }
  const a = Math.abs(factor);
  const up = wholeNumber(a), down = wholeNumber(1 / a);
  const k = up ?? down;
  // A 2 is the factor of a square's derivative far more often than a batch of two.
  if (k !== undefined && k !== 2 && sizes.has(k)) {
    return {
      kind: "forgotten-1/N",
      text: up !== undefined
        ? `${what} is exactly ${k} times the expected value, and ${k} is a size of this ` +
          `test's inputs (the batch or the outputs): a division by ${k} left out`
        : `${what} is exactly 1/${k} of the expected value, and ${k} is a size of this ` +
          `test's inputs (the batch or the outputs): divided by ${k} once too often, or ` +
          `averaged where a sum is due`,
    };
  }
  for (const s of scalars) {
    const ratio = a * Math.abs(s), inverse = a / Math.abs(s);
    if (Math.abs(s) !== 1 && (Math.abs(ratio - 1) < 1e-6 || Math.abs(inverse - 1) < 1e-6)) {
      return {
        kind: "missing-factor",
        text:
          `${what} is ${formatFactor(factor)} the expected value, exactly ${
            Math.abs(ratio - 1) < 1e-6 ? "1 over" : ""
          } the number ${s} passed to the call: that factor (a learning rate, a λ, a step h) ` +
          `left out or applied twice`,
      };
    }
  }
  if (k === 2) {
    return {
      kind: "missing-factor",
      text: `${what} is exactly ${up ? "2 times" : "half"} the expected value: a factor 2 ` +
        `${up ? "extra" : "missing"} (the 2 of a square's derivative, or a ½ convention)`,
    };
  }
  for (const s of sizes) {
    const r = s / (s - 1);
    if (Math.abs(a * a - r) < 1e-6 * r || Math.abs(a * a - 1 / r) < 1e-6 * r) {
      return {
        kind: "convention",
        text: `${what} is exactly √(${s}/${s - 1}) ${
          a > 1 ? "times" : "of"
        } the expected value: a standard deviation dividing by N − 1 where the kit divides by N`,
      };
    }
  }
  if (k !== undefined) {
    return {
      kind: "missing-factor",
      text: `${what} is exactly ${up ? `${k} times` : `1/${k} of`} the expected value: a ` +
        `constant factor ${up ? "extra" : "missing"}`,
    };
  }
  return undefined;
}

/** "50 times" or "1/4 of", for a sentence. */
function formatFactor(factor: number): string {
  const a = Math.abs(factor);
  return a >= 1 ? `${+a.toPrecision(6)} times` : `1/${+(1 / a).toPrecision(6)} of`;
}

/** Whether `diff` equals `sign · term` in every entry (within rounding of the term's size). */
function isUnit(diff: Float64Array, term: Float64Array, largest: number, sign = 1): boolean {
  for (let i = 0; i < diff.length; i++) {
    if (Math.abs(diff[i] - sign * term[i]) > 1e-9 * largest) return false;
  }
  return true;
}

/** Whether two checks compare the same thing up to numbers ("layer 1: dx", "layer 2: dx"). */
function sameCheck(a: string, b: string): boolean {
  return a.replace(/\d+/g, "#") === b.replace(/\d+/g, "#");
}

/**
 * Whether `diff` (a loss's error) is exactly ± λ·Σ‖W‖² for a number λ passed to the call and
 * the matrices of one argument (a weight matrix, or a list of them): the L2 penalty left out of
 * the loss, or added where it does not belong. The sentence lacks its subject.
 */
function penaltyTerm(diff: number, expected: number, ev: Evidence): Diagnosis | undefined {
  const groups = new Map<number, { names: string[]; squares: number[] }>();
  for (const input of ev.inputs ?? []) {
    const g = groups.get(input.group ?? -1) ?? { names: [], squares: [] };
    let squares = 0;
    for (let i = 0; i < input.data.length; i++) squares += input.data[i] * input.data[i];
    g.names.push(input.name);
    g.squares.push(squares);
    groups.set(input.group ?? -1, g);
  }
  // Each argument's matrices together first, then (up to 6 of them) every part of them: the
  // penalty of the biases of a parameter object alone, say.
  const candidates: { names: string[]; squares: number }[] = [];
  for (const g of groups.values()) {
    const sum = (mask: number) => g.squares.reduce((t, q, i) => (mask >> i) & 1 ? t + q : t, 0);
    const full = (1 << g.names.length) - 1;
    candidates.push({ names: g.names, squares: sum(full) });
    if (g.names.length > 6) continue;
    for (let mask = 1; mask < full; mask++) {
      candidates.push({ names: g.names.filter((_, i) => (mask >> i) & 1), squares: sum(mask) });
    }
  }
  for (const s of ev.scalars ?? []) {
    for (const g of candidates) {
      const p = s * g.squares;
      if (!(Math.abs(p) > 0)) continue;
      const near = (x: number) => Math.abs(x) <= 1e-9 * Math.max(Math.abs(expected), Math.abs(p));
      const which = g.names.length > 3
        ? `${g.names.slice(0, 3).join(", ")}, …`
        : g.names.join(", ");
      if (near(diff + p)) {
        return {
          kind: "missing-term",
          text:
            `is short of the expected value by exactly the L2 penalty ${s}·Σ‖W‖² of ${which}: ` +
            `the penalty was left out`,
        };
      }
      // λ divided by a size N of the test's inputs, as if averaged with the data (or times N).
      for (const k of sizeSet(ev)) {
        if (near(diff + p - p / k) || near(diff + p - p * k)) {
          const over = near(diff + p - p / k);
          return {
            kind: "forgotten-1/N",
            text: `differs from the expected value by exactly the L2 penalty ${s}·Σ‖W‖² of ` +
              `${which} ${
                over ? `divided by ${k}` : `times ${k}`
              } instead of the penalty itself: ` +
              `λ is ${over ? "divided" : "multiplied"} by ${k}, a size of the inputs, where it ` +
              `stands alone`,
          };
        }
      }
      if (near(diff - p)) {
        return {
          kind: "extra-term",
          text: `exceeds the expected value by exactly the L2 penalty ${s}·Σ‖W‖² of ${which}: a ` +
            `penalty added that does not belong (of a bias, or twice)`,
        };
      }
    }
  }
  return undefined;
}

/**
 * The first of the spec's factors (not 0, not about 1, finite) that the learner's values times
 * it equal the expected ones in every compared entry, where some entry fails.
 */
function knownFactor(v: ValueEvidence): LocalFactor | undefined {
  const failing = failingIndices(v);
  if (failing.length === 0) return undefined;
  const n = v.expected.length;
  for (const f of v.factors ?? []) {
    const one = typeof f.factor === "number";
    if (!one && (f.factor as ArrayLike<number>).length !== n) continue;
    const at = (i: number) => one ? f.factor as number : (f.factor as ArrayLike<number>)[i];
    // Each factor must be usable (finite, not 0) and move some entry (not about 1).
    let all = true, moves = false;
    for (let i = 0; i < n && all; i++) {
      if (v.skip?.has(i)) continue;
      const k = at(i);
      if (!Number.isFinite(k) || k === 0) all = false;
      else {
        if (Math.abs(k - 1) >= 1e-3) moves = true;
        all = relativeError(v.got[i] * k, v.expected[i], v.atol) <= 1e-6;
      }
    }
    if (all && moves) return f;
  }
  return undefined;
}

/** The first of the spec's mistaken results that the learner's values equal, where some entry fails. */
function knownMistaken(v: ValueEvidence): MistakenResult | undefined {
  if (failingIndices(v).length === 0) return undefined;
  const n = v.expected.length;
  return (v.mistaken ?? []).find((m) => {
    if (m.value.length !== n) return false;
    for (let i = 0; i < n; i++) {
      if (v.skip?.has(i)) continue;
      if (relativeError(v.got[i], m.value[i], v.atol) > 1e-6) return false;
    }
    return true;
  });
}
