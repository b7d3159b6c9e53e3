/**
 * The implementation of {@linkcode TestContext}: what a hidden test uses to call the learner in
 * the sandbox and to judge the results against the reference.
 *
 * @module
 */

import { isMatrix, Matrix, Rng } from "@gradkit/lib";
import {
  compareArrays,
  compareValues,
  constantFactor,
  GRADIENT_TOLERANCE,
  VALUE_TOLERANCE,
} from "./compare.ts";
import { directionalCheck, numericalGradient } from "./checker.ts";
import {
  type NumericalBackwardEvidence,
  numericalBackwardEvidence,
  reportEvidence,
} from "./numerical_backward.ts";
import {
  CheckFailure,
  type GradientCheck,
  type GradientCheckOptions,
  type GradientRow,
  type Mismatch,
  type NewValuesOptions,
  type TestContext,
  type Tolerance,
  type TracedCall,
} from "./spec.ts";
import { type ProbeRef, probeRef } from "./sandbox/probes.ts";
import type { SharedMemory, ThrownError } from "./sandbox/protocol.ts";
import type { Sandbox, TimeBudget } from "./sandbox/sandbox.ts";
import { decode, encode, Opaque } from "./sandbox/wire.ts";
import { clampThrown } from "./bounds.ts";
import { diagnose, type Diagnosis, type Evidence } from "./diagnosis/diagnose.ts";
import type { MistakeKind } from "./mistake_kinds.ts";
import { type LossCall, lossCall } from "./diagnosis/own_gradient.ts";
import { type Series, SERIES_BOUNDS, seriesOf } from "./series.ts";

/** The learner's function threw (or was refused by the sandbox) during a call. */
export class LearnerThrew extends Error {
  readonly fn: string;
  readonly thrown: ThrownError;
  constructor(fn: string, error: ThrownError) {
    const thrown = clampThrown(error); // before anything formats it: learner code sized it
    super(`${fn} threw ${thrown.name}: ${thrown.message}`);
    this.name = "LearnerThrew";
    this.fn = fn;
    this.thrown = thrown;
  }
}

/** Describes what a learner value is, for messages: "undefined", "a number", "a 3×4 Matrix". */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined (did you forget to return it?)";
  if (value === null) return "null";
  if (value instanceof Opaque) return value.description;
  if (isMatrix(value)) return `a ${value.rows}×${value.cols} Matrix`;
  if (value instanceof Float64Array) return `a Float64Array of length ${value.length}`;
  if (value instanceof Int32Array) return `an Int32Array of length ${value.length}`;
  if (Array.isArray(value)) return `a plain array of length ${value.length}`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "object") return `an object with keys {${keyList(value)}}`;
  return `a ${typeof value}`;
}

/** How many of an object's keys a message names, and how long a key it shows whole. */
const SHOWN_KEYS = 10, SHOWN_KEY_CHARS = 40;

/**
 * An object's own keys for a message: "loss, grads", the first {@linkcode SHOWN_KEYS} (each cut
 * to {@linkcode SHOWN_KEY_CHARS} characters) and how many more. Any key is fine: "valueOf",
 * "__proto__".
 */
function keyList(value: object): string {
  const keys = Object.keys(value);
  const shown = keys.slice(0, SHOWN_KEYS).map((k) =>
    k.length > SHOWN_KEY_CHARS ? `${k.slice(0, SHOWN_KEY_CHARS - 1)}…` : k
  );
  if (keys.length > SHOWN_KEYS) shown.push(`… and ${keys.length - SHOWN_KEYS} more`);
  return shown.join(", ");
}

function shapeText(rows: number, cols: number): string {
  return `${rows}×${cols}`;
}

function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0)
    ? x.toExponential(6)
    : String(+x.toPrecision(8));
}

function indexOf(value: number | Matrix, flat: number): number[] {
  return typeof value === "number" ? [] : [Math.floor(flat / value.cols), flat % value.cols];
}

/**
 * Why a value is NaN or ±Infinity, from what it is and, for a loss, the gradient returned with
 * it: exp overflowing (Infinity, and Infinity − Infinity or Infinity / Infinity giving NaN) is
 * not the same mistake as the log of a probability that rounded to 0 (a finite gradient: the
 * probabilities were computed fine, and shifted, but their log was taken).
 */
function nonFinite(what: string, x: number, index: number[], gradientFinite = false): CheckFailure {
  const where = index.length ? ` at [${index.join(", ")}]` : "";
  if (x === Infinity && gradientFinite) {
    const underflow: Diagnosis = {
      kind: "overflow",
      text: `${what} is Infinity beside a finite gradient: the log of a probability that ` +
        `underflowed to 0, not an overflow of exp`,
    };
    return new CheckFailure(
      `${what} is Infinity while the gradient returned with it is finite: not an overflow (the ` +
        `probabilities came out fine), but the log of a probability that rounded to 0 ` +
        `(−log 0 = Infinity): a class that trails the best one by more than about 745 gets ` +
        `probability exactly 0, even after subtracting the row maximum. Compute the loss from ` +
        `the shifted scores instead, log Σ exp(s − m) − (s_y − m), without taking the log of a ` +
        `probability`,
      undefined,
      underflow,
    );
  }
  const cause = Number.isNaN(x)
    ? `NaN comes from Infinity − Infinity, Infinity / Infinity or 0 / 0: most often exp of a ` +
      `large number overflowed to Infinity, or exp of a very negative one underflowed to 0`
    : `Infinity comes from exp of a large number (past about 709.78), a division by zero, or ` +
      `the log of 0`;
  const kind: Diagnosis = {
    kind: "overflow",
    text: `${what} is ${formatNumber(x)}: numerically unstable at large inputs (${
      Number.isNaN(x)
        ? "exp overflowed to Infinity, or underflowed to 0, and they met"
        : x > 0
        ? "exp overflowed past about 709.78, or a division by 0"
        : "the log of a number that rounded to 0"
    })`,
  };
  return new CheckFailure(
    `${what} is ${formatNumber(x)}${where}: ${cause}. Rearrange so that exp only sees numbers ` +
      `≤ 0 (subtract the row maximum before a softmax, use exp(-|x|) in a sigmoid) and never ` +
      `take the log of a number that may round to 0`,
    undefined,
    kind,
  );
}

/** Whether `value` is a Matrix whose entries are all finite. */
function finiteMatrix(value: unknown): boolean {
  return isMatrix(value) && value.data.every(Number.isFinite);
}

/** Where a test's calls go and what it records. */
export interface CallTarget {
  sandbox: Sandbox;
  url: string;
  /** What the calls' running time is charged to (the exercise's). */
  budget: TimeBudget;
  /** Receives what the learner printed during each call. */
  onOutput(text: string): void;
  /**
   * The parameter names of the exercise's functions, as its stub writes them (see
   * `parameterNames` in `stub_signatures.ts`), for messages: "argument x", not "argument 2".
   */
  parameters?: Readonly<Record<string, readonly string[]>>;
}

/** A live test: implements {@linkcode TestContext} for one test of one exercise. */
export class TestRun implements TestContext {
  readonly rng: Rng;
  readonly #checks: Rng;
  readonly notes: string[] = [];
  /** The series attached by {@linkcode TestRun.series}, bounded. */
  readonly curves: Series[] = [];
  #target: CallTarget;
  #mutationAllowed = false;
  #newValues: NewValuesOptions | undefined;
  /** What the test's calls passed and returned, for the diagnosis of a failure. */
  #sizes = new Set<number>();
  #labels: Int32Array[] = [];
  #upstreams: Float64Array[] = [];
  #scalars = new Set<number>();
  #inputs: { name: string; group: number; rows: number; cols: number; data: Float64Array }[] = [];
  /** The test's last call that returned a loss and a gradient (for `diagnosis/own_gradient.ts`). */
  #lossCall: LossCall | undefined;
  /** The test's comparisons that passed so far, by what they compared. */
  #passed: string[] = [];
  #returned = new WeakSet<object>();

  /** `seed`: this test's generator, or a public seed to start one from. */
  /**
   * `checks`: where the random directions of directional gradient checks come from; a generator
   * learner code sees nothing of (see `testRngs` in `secret_seed.ts`). Default: a fork of `rng`.
   */
  constructor(seed: number | Rng, target: CallTarget, checks?: Rng) {
    this.rng = typeof seed === "number" ? new Rng(seed) : seed;
    this.#checks = checks ?? this.rng.fork("checks");
    this.#target = target;
  }

  async call(name: string, ...args: unknown[]): Promise<unknown> {
    return (await this.callTraced(name, ...args)).value;
  }

  async callTraced(name: string, ...args: unknown[]): Promise<TracedCall> {
    const t = this.#target;
    const reply = await t.sandbox.request(
      { op: "call", url: t.url, name, args: args.map((a) => encode(a)) },
      t.budget,
    );
    const printed = reply.output +
      (reply.droppedOutput ? `\n[${reply.droppedOutput} more characters not shown]\n` : "");
    if (printed) t.onOutput(printed);
    if (!reply.ok) throw new LearnerThrew(name, reply.error);
    this.#record(name, args);
    if (!this.#mutationAllowed && reply.changed && reply.changed.length > 0) {
      const c = reply.changed[0];
      const message = mutationMessage(name, args, c.path, decode(c.after), this.#parameters(name));
      throw new CheckFailure(message, undefined, {
        kind: "modified-input",
        text: `${name} changed an argument it was given: inputs must be left as they were`,
      });
    }
    if (this.#newValues && reply.shared) {
      const options = this.#newValues;
      const bad = reply.shared.find((s) => !exempt(s, options.except ?? []));
      if (bad) {
        const message = sharedMessage(
          name,
          bad,
          options.parameters?.[name] ?? this.#parameters(name),
        );
        throw new CheckFailure(message, undefined, {
          kind: "aliasing",
          text: `${name} returned memory shared with ${
            bad.with === "argument"
              ? "an argument"
              : bad.with === "returned"
              ? "another part of its result"
              : "an earlier call's result"
          }: each result must be a new array`,
        });
      }
    }
    let value: unknown;
    try {
      value = decode(reply.value ?? { $undef: 1 });
    } catch (e) {
      // Only a forged value gets here (e.g. an object made from Matrix.prototype by hand).
      throw new CheckFailure(
        `${name} returned a value that could not be read: ${(e as Error).message}`,
      );
    }
    this.#remember(value, 0);
    this.#lossCall = lossCall(name, args, value) ?? this.#lossCall;
    return { value, probes: reply.probes ?? [] };
  }

  /** Notes the sizes, labels and upstream gradients a call passes (evidence for a diagnosis). */
  #record(name: string, args: unknown[]): void {
    const names = this.#parameters(name);
    /** `path`: the argument as code names it ("W", "weights[1]"); `group`: which argument. */
    const visit = (
      v: unknown,
      key: string | undefined,
      path: string,
      group: number,
      depth: number,
    ) => {
      if (isMatrix(v)) {
        this.#sizes.add(v.rows).add(v.cols);
        if (path && this.#inputs.length < 32) {
          this.#inputs.push({
            name: path,
            group,
            rows: v.rows,
            cols: v.cols,
            data: v.data.slice(),
          });
        }
        if (key === "dout") this.#upstreams.push(v.data);
      } else if (v instanceof Int32Array) {
        this.#sizes.add(v.length);
        this.#labels.push(v);
      } else if (v instanceof Float64Array) {
        this.#sizes.add(v.length);
      } else if (typeof v === "number" && Number.isFinite(v) && v !== 0) {
        this.#scalars.add(v);
      } else if (depth < 2 && v !== null && typeof v === "object" && !ArrayBuffer.isView(v)) {
        const list = Array.isArray(v);
        for (const [k, w] of Object.entries(v)) {
          visit(w, k, path && (list ? `${path}[${k}]` : `${path}.${k}`), group, depth + 1);
        }
      }
    };
    args.forEach((a, i) => visit(a, names?.[i], names?.[i] ?? "", i, 0));
  }

  /** Remembers the matrices a call returned: a later comparison against one is against the learner. */
  #remember(value: unknown, depth: number): void {
    if (isMatrix(value)) this.#returned.add(value);
    else if (depth < 2 && value !== null && typeof value === "object") {
      for (const w of Object.values(value)) this.#remember(w, depth + 1);
    }
  }

  /** The test's last call that returned `{ loss, <gradient of an input> }`, if any. */
  lossCall(): LossCall | undefined {
    return this.#lossCall;
  }

  /** What the test's calls passed, for the diagnosis of its failure (see `diagnosis/`). */
  evidence(): Evidence {
    return {
      sizes: [...this.#sizes],
      labels: this.#labels,
      upstreams: this.#upstreams,
      scalars: [...this.#scalars],
      passed: this.#passed,
      inputs: this.#inputs,
    };
  }

  /** The parameter names of the learner's function `fn`, from the spec or the stub. */
  #parameters(fn: string): readonly string[] | undefined {
    return this.#newValues?.parameters?.[fn] ?? this.#target.parameters?.[fn];
  }

  probe(kind: string, params: Record<string, unknown>): ProbeRef {
    return probeRef(kind, params);
  }

  allowMutation(): void {
    this.#mutationAllowed = true;
  }

  requireNewValues(options: NewValuesOptions = {}): void {
    this.#newValues = options;
  }

  expectNumber(value: unknown, what: string, returnedWith?: unknown): number {
    if (typeof value !== "number") {
      throw new CheckFailure(`${what}: expected a number, got ${describeValue(value)}`);
    }
    if (!Number.isFinite(value)) throw nonFinite(what, value, [], finiteMatrix(returnedWith));
    return value;
  }

  expectMatrix(value: unknown, what: string, shape: readonly [number, number]): Matrix {
    const [rows, cols] = shape;
    if (!isMatrix(value)) {
      const nested = Array.isArray(value) && value.length > 0 && Array.isArray(value[0]);
      const tip = nested
        ? " (make one from its rows: Matrix.from(rows))"
        : value instanceof Float64Array || Array.isArray(value)
        ? ` (wrap it: new Matrix(${rows}, ${cols}, data), data holding the entries row after row)`
        : "";
      throw new CheckFailure(
        `${what}: expected a ${shapeText(rows, cols)} Matrix, got ${describeValue(value)}${tip}`,
      );
    }
    if (value.rows !== rows || value.cols !== cols) {
      const isTransposed = value.rows === cols && value.cols === rows;
      const transposed = isTransposed ? " (transposed?)" : "";
      throw new CheckFailure(
        `${what}: expected shape ${shapeText(rows, cols)}, got ${
          shapeText(value.rows, value.cols)
        }${transposed}`,
        undefined,
        shapeKind(what, [rows, cols], [value.rows, value.cols], this.#sizes),
      );
    }
    const d = value.data;
    for (let i = 0; i < d.length; i++) {
      if (!Number.isFinite(d[i])) throw nonFinite(what, d[i], indexOf(value, i));
    }
    return value;
  }

  expectObject(value: unknown, what: string, keys: readonly string[]): Record<string, unknown> {
    if (
      value === null || typeof value !== "object" || Array.isArray(value) || isMatrix(value) ||
      value instanceof Opaque || ArrayBuffer.isView(value)
    ) {
      throw new CheckFailure(
        `${what}: expected an object { ${keys.join(", ")} }, got ${describeValue(value)}`,
      );
    }
    // Own keys only: every object "has" valueOf and constructor through its prototype.
    const missing = keys.filter((k) => !Object.hasOwn(value, k));
    if (missing.length > 0) {
      throw new CheckFailure(
        `${what}: the returned object has no ${missing.map((k) => `"${k}"`).join(", ")} ` +
          `(it has {${keyList(value)}})`,
      );
    }
    return value as Record<string, unknown>;
  }

  expectClose(
    what: string,
    got: number | Matrix,
    expected: number | Matrix,
    tolerance: Tolerance = {},
  ): void {
    const rtol = tolerance.rtol ?? VALUE_TOLERANCE.rtol;
    const atol = tolerance.atol ?? VALUE_TOLERANCE.atol;
    const g = typeof got === "number" ? [got] : got.data;
    const e = typeof expected === "number" ? [expected] : expected.data;
    if (g.length !== e.length) {
      throw new CheckFailure(`${what}: expected ${e.length} values, got ${g.length}`);
    }
    const c = compareValues(g, e, { rtol, atol });
    if (c.ok) this.#passed.push(what);
    if (!c.ok) {
      const mismatch: Mismatch = {
        what,
        index: indexOf(expected, c.worstIndex),
        expected: c.expected,
        got: c.got,
        relError: c.worstRelError,
        tolerance: rtol,
      };
      const factor = constantFactor(g, e, atol);
      const failure = new CheckFailure(
        mismatchMessage(mismatch, c.failing, e.length, factor),
        mismatch,
        typeof expected !== "number" && this.#returned.has(expected)
          ? {
            kind: "state",
            text: `${what} differs from what your own function returned for the same inputs ` +
              `earlier in this test: state kept from one call to the next`,
          }
          : undefined,
      );
      const [r, cols] = typeof expected === "number" ? [1, 1] : [expected.rows, expected.cols];
      let largest = 0;
      for (const x of e) if (Math.abs(x) > largest) largest = Math.abs(x);
      failure.values = {
        what,
        got: Float64Array.from(g),
        expected: Float64Array.from(e),
        rows: r,
        cols,
        rtol,
        atol,
        floor: Math.max(atol, largest === Infinity ? 0 : largest),
      };
      throw failure;
    }
  }

  expectGradient(
    what: string,
    got: Matrix,
    f: () => number,
    x: Matrix,
    options: GradientCheckOptions = {},
  ): void {
    const { failure } = this.#gradientCheck({ what, got, f, x, options });
    if (failure) throw failure;
  }

  expectGradients(checks: readonly GradientCheck[]): void {
    for (const c of checks) expectSameShape(c.what, c.got, c.x);
    // The scale of every gradient returned together: see `EvidenceOptions.scale`.
    let scale = 0;
    for (const c of checks) for (const v of c.got.data) scale = Math.max(scale, Math.abs(v));
    const results = checks.map((c) => ({ what: c.what, ...this.#gradientCheck(c, scale) }));
    const first = results.find((r) => r.failure);
    if (!first) return;
    // The other gradients' expected values: a gradient sent to the wrong input equals one.
    for (const r of results) {
      if (!r.failure?.values) continue;
      r.failure.values.others = results.filter((o) => o !== r && o.expected).map((o) => ({
        what: o.what,
        expected: o.expected!,
      }));
    }
    // What each wrong gradient's numbers show, for the table: where the error starts, and how.
    const evidence = this.evidence();
    const kinds = results.map((r) =>
      r.failure?.values && diagnose({ ...evidence, values: r.failure.values })?.kind
    );
    const rows = results.map((r, i) => {
      const row = tableRow(r.what, r.relError, r.rtol);
      return kinds[i] ? { ...row, kind: kinds[i] } : row;
    });
    // The test's diagnosis reads the first wrong gradient whose numbers name a kind.
    const named = results.find((_, i) => kinds[i] !== undefined);
    if (named && !kinds[results.indexOf(first)]) first.failure!.values = named.failure!.values;
    throw withTable(first.failure!, rows);
  }

  /** One gradient checked against the numerical gradient: its worst relative error, and the failure. */
  #gradientCheck(
    c: GradientCheck,
    scale = 0,
  ): { relError: number; rtol: number; failure?: CheckFailure; expected?: Float64Array } {
    const { what, got, f, x, options = {} } = c;
    expectSameShape(what, got, x);
    const rtol = options.rtol ?? GRADIENT_TOLERANCE.rtol;
    const atol = options.atol ?? GRADIENT_TOLERANCE.atol;
    if (options.directions) {
      const d = this.#alongDirections(what, [got.data], f, [x.data], options.directions, {
        rtol,
        atol: options.atol,
      });
      if (d.failure) return { relError: d.relError, rtol, failure: d.failure };
      return {
        relError: d.relError,
        rtol,
        failure: derivedOrNot(what, f, [x.data], [got.data], scale),
      };
    }
    const numeric = numericalGradient(f, x.data);
    const skip = new Set(numeric.kinks);
    if (skip.size > 0) {
      this.notes.push(
        `${what}: ${skip.size} coordinate(s) at a kink were not compared (no derivative there)`,
      );
    }
    const c2 = compareArrays(got.data, numeric.gradient, { rtol, atol }, skip);
    if (c2.ok) {
      const failure = derivedOrNot(what, f, [x.data], [got.data], scale, [skip]);
      if (!failure) this.#passed.push(what);
      return { relError: c2.worstRelError, rtol, failure, expected: numeric.gradient };
    }
    const mismatch: Mismatch = {
      what,
      index: indexOf(x, c2.worstIndex),
      expected: c2.expected,
      got: c2.got,
      relError: c2.worstRelError,
      tolerance: rtol,
    };
    const factor = constantFactor(got.data, numeric.gradient, atol, skip);
    const failure = new CheckFailure(
      mismatchMessage(mismatch, c2.failing, got.size, factor),
      mismatch,
    );
    failure.values = {
      what,
      got: Float64Array.from(got.data),
      expected: numeric.gradient,
      rows: x.rows,
      cols: x.cols,
      rtol,
      atol,
      skip,
      factors: options.factors,
      mistaken: options.mistaken,
    };
    return { relError: c2.worstRelError, rtol, failure, expected: numeric.gradient };
  }

  expectGradientsTogether(
    gradients: readonly { what: string; got: Matrix; x: Matrix }[],
    f: () => number,
    options: Tolerance & { directions: number },
  ): void {
    for (const { what, got, x } of gradients) expectSameShape(what, got, x);
    const tolerance = { rtol: options.rtol ?? GRADIENT_TOLERANCE.rtol, atol: options.atol };
    const all = gradients.map((g) => g.what).join(", ");
    const together = this.#alongDirections(
      all,
      gradients.map((g) => g.got.data),
      f,
      gradients.map((g) => g.x.data),
      options.directions,
      tolerance,
    );
    if (!together.failure) {
      const failure = derivedOrNot(
        all,
        f,
        gradients.map((g) => g.x.data),
        gradients.map((g) => g.got.data),
      );
      if (failure) throw failure;
      return;
    }
    // Which ones are wrong: each on its own (the cost is paid only by a failing submission),
    // every one of them, so the table shows where the error starts.
    const alone = gradients.map(({ what, got, x }) => ({
      what,
      ...this.#alongDirections(what, [got.data], f, [x.data], options.directions, tolerance),
    }));
    const rows = alone.map((a) => tableRow(a.what, a.relError, tolerance.rtol));
    throw withTable(alone.find((a) => a.failure)?.failure ?? together.failure, rows);
  }

  /** A directional check of `got` against `f`; the failure to throw, if it fails. */
  #alongDirections(
    what: string,
    got: Float64Array[],
    f: () => number,
    x: Float64Array[],
    directions: number,
    tolerance: { rtol: number; atol?: number },
  ): { relError: number; failure?: CheckFailure } {
    const d = directionalCheck(f, x, got, {
      directions,
      seed: this.#checks.int(0, 2 ** 31),
      atol: tolerance.atol,
    });
    const { rtol } = tolerance;
    if (d.worst.relError <= rtol) return { relError: d.worst.relError };
    const k = d.worst.direction;
    const failure = new CheckFailure(
      `${what}: along a random direction the loss changes at rate ${
        formatNumber(d.numerical[k])
      }, but your gradient${got.length > 1 ? "s predict" : " predicts"} ${
        formatNumber(d.analytic[k])
      } (relative error ${d.worst.relError.toExponential(2)} > ${rtol})`,
    );
    return { relError: d.worst.relError, failure };
  }

  expect(condition: boolean, message: string, kind?: MistakeKind): asserts condition {
    if (!condition) {
      throw new CheckFailure(message, undefined, kind && { kind, text: message });
    }
  }

  note(text: string): void {
    this.notes.push(text);
  }

  series(name: string, values: unknown): void {
    if (this.curves.length >= SERIES_BOUNDS.perTest) return;
    const s = seriesOf(name, values);
    if (s) this.curves.push(s);
  }
}

/**
 * The kind a wrong shape shows: the shape transposed (`transpose`), or a row where a column (or
 * a single number) is due, the sum or mean taken over the other axis or over all (`wrong-axis`).
 */
function shapeKind(
  what: string,
  want: readonly [number, number],
  got: readonly [number, number],
  sizes: ReadonlySet<number>,
): Diagnosis | undefined {
  const [r, c] = want, [gr, gc] = got;
  if (gr === c && gc === r) {
    return {
      kind: "transpose",
      text: `${what} is ${gr}×${gc}, the transpose of the ${r}×${c} due: a product taken in ` +
        `the wrong order or transposed`,
    };
  }
  const vector = r === 1 || c === 1;
  const gotVector = gr === 1 || gc === 1;
  if (vector && gotVector && (sizes.has(gr * gc) || gr * gc === 1)) {
    return {
      kind: "wrong-axis",
      text: `${what} is ${gr}×${gc} where ${r}×${c} is due: the sum or mean was taken over ` +
        `the wrong axis (${gr * gc === 1 ? "over everything at once" : "rows for columns"})`,
    };
  }
  return undefined;
}

/**
 * The failure of a gradient that passed the numerical check but looks computed by numerical
 * differentiation itself (see `numerical_backward.ts`); none for a derived one.
 */
function derivedOrNot(
  what: string,
  f: () => number,
  x: readonly Float64Array[],
  got: readonly Float64Array[],
  scale = 0,
  skip?: (ReadonlySet<number> | undefined)[],
): CheckFailure | undefined {
  const evidence = numericalBackwardEvidence(f, x, got, { scale, skip });
  reportEvidence(evidence, what);
  if (!evidence.numerical) return undefined;
  // A gradient computed in float32 is off an accurate derivative too (by about 1e-7), and its
  // every entry is then a single-precision number: that is the kind it shows.
  if (got.every((g) => g.every((v) => Math.fround(v) === v))) {
    return new CheckFailure(
      `${what}: within the tolerance, but every value is a single-precision (float32) number, ` +
        `off an accurate derivative by ${evidence.deviation.toExponential(1)} of its size: ` +
        `compute in float64 (Float64Array, plain numbers), as the exercise requires`,
      undefined,
      {
        kind: "float32",
        text: `every value of ${what} is a single-precision (float32) number, off an accurate ` +
          `derivative by ${evidence.deviation.toExponential(1)} of its size: compute in float64`,
      },
    );
  }
  return new CheckFailure(numericalBackwardMessage(what, evidence), undefined, {
    kind: "numerical",
    text: `${what} is within the tolerance but off an accurate derivative by ` +
      `${evidence.deviation.toExponential(1)} of its size, the error of a finite difference: ` +
      `computed by numerical differentiation, not derived`,
  });
}

/** What a learner reads when a gradient looks computed by numerical differentiation. */
export function numericalBackwardMessage(what: string, e: NumericalBackwardEvidence): string {
  return `${what}: computed numerically, not derived: it is within the tolerance, but off an ` +
    `accurate derivative by ${e.deviation.toExponential(1)} of its size, the error of a finite ` +
    `difference (a derived gradient is exact to rounding, about 1e-15). The exercise asks for ` +
    `the gradient you work out with the chain rule; keep the numerical gradient for checking it.`;
}

function tableRow(what: string, relError: number, tolerance: number): GradientRow {
  return { what, relError, tolerance, passed: relError <= tolerance };
}

/** `failure`, carrying the table of every gradient checked with it. */
function withTable(failure: CheckFailure, rows: GradientRow[]): CheckFailure {
  failure.gradients = rows;
  return failure;
}

/** A gradient has the shape of what it is the gradient with respect to. */
function expectSameShape(what: string, got: Matrix, x: Matrix): void {
  if (got.rows !== x.rows || got.cols !== x.cols) {
    throw new CheckFailure(
      `${what}: expected shape ${shapeText(x.rows, x.cols)} (the shape of what it is the ` +
        `gradient with respect to), got ${shapeText(got.rows, got.cols)}`,
    );
  }
}

/**
 * "dW: element [2, 1] is 0.5, expected 0.25 (relative error 5.0e-1 > 1e-5); 7 of 12 elements
 * differ", and, when every element is off by the same `factor`, what that suggests.
 */
export function mismatchMessage(
  m: Mismatch,
  failing: number,
  total: number,
  factor?: number,
): string {
  const where = m.index.length ? ` element [${m.index.join(", ")}]` : "";
  const count = total > 1 ? `; ${failing} of ${total} elements differ` : "";
  return `${m.what}:${where} is ${formatNumber(m.got)}, expected ${formatNumber(m.expected)} ` +
    `(relative error ${m.relError.toExponential(1)} > ${m.tolerance})${count}` +
    (factor === undefined ? "" : factorHint(factor, total));
}

/** "3 times", "1/8 of", "−2 times": a whole number or its reciprocal; else undefined. */
function simpleRatio(r: number): string | undefined {
  const a = Math.abs(r);
  const sign = r < 0 ? "−" : "";
  if (a >= 1 && Math.abs(a - Math.round(a)) <= 1e-6 * a) return `${sign}${Math.round(a)} times`;
  if (a < 1 && Math.abs(1 / a - Math.round(1 / a)) <= 1e-6 / a) {
    return `${sign}1/${Math.round(1 / a)} of`;
  }
  return undefined;
}

/** What a constant factor between the learner's values and the expected ones suggests. */
function factorHint(factor: number, total: number): string {
  if (Math.abs(factor + 1) < 1e-6) {
    return `; ${total > 1 ? "every element has" : "it has"} the opposite sign (a sign error?)`;
  }
  const simple = simpleRatio(factor);
  if (total === 1 && simple === undefined) return ""; // one number is always some multiple
  return `; ${total > 1 ? "every element is" : "that is"} ${
    simple ?? `${formatNumber(factor)} times`
  } the expected value: right up to a constant factor (a division by N left out or done ` +
    `twice, a lost factor of 2?)`;
}

function pathText(path: (string | number)[]): string {
  const [first, ...rest] = path;
  return `argument ${Number(first) + 1}` +
    rest.map((p) => typeof p === "number" ? `[${p}]` : `.${p}`).join("");
}

/** Whether a shared buffer lies under (or shares only with) a key that may share. */
function exempt(s: SharedMemory, except: readonly string[]): boolean {
  const under = (path: (string | number)[]) => path.length > 0 && except.includes(String(path[0]));
  return under(s.path) || (s.with === "returned" && under(s.otherPath));
}

/** A part of a returned value as code would name it: "dx", "grads.W1", "grads[0]". */
function partText(path: (string | number)[], matrix = true): string {
  if (path.length === 0) return matrix ? "the returned matrix" : "the returned array";
  return path.map((p, i) => typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`).join("");
}

/**
 * An argument as code would name it, `dout` or `dataGrads[1]`; without names, undefined (then
 * {@linkcode pathText} says "argument 2[1]").
 */
function argumentName(
  path: (string | number)[],
  names: readonly string[] | undefined,
): string | undefined {
  const [first, ...rest] = path;
  const name = names?.[Number(first)];
  return name && name + rest.map((p) => typeof p === "number" ? `[${p}]` : `.${p}`).join("");
}

/**
 * "addBackward: dx is the same matrix as argument dout: return a new Matrix (dout.clone())",
 * and its kin for a buffer shared with another returned part or with an earlier call's result.
 */
export function sharedMessage(
  fn: string,
  s: SharedMemory,
  parameters?: readonly string[],
): string {
  const part = partText(s.path, s.matrix);
  const noun = s.matrix ? "matrix" : "array";
  const fix = s.matrix ? "a new Matrix" : "a new array";
  const relation = (other: string) =>
    s.same ? `is the same ${noun} as ${other}` : `shares memory with ${other} (a view into it)`;
  switch (s.with) {
    case "argument": {
      const name = argumentName(s.otherPath, parameters);
      const copy = name && s.same && s.matrix ? ` (${name}.clone())` : "";
      return `${fn}: ${part} ${relation(name ? `argument ${name}` : pathText(s.otherPath))}: ` +
        `return ${fix}${copy}; the caller may change what you return without changing its ` +
        `own inputs`;
    }
    case "returned": {
      const other = partText(s.otherPath);
      return `${fn}: ${part} ${relation(other)}: return a separate ${
        s.matrix ? "Matrix" : "array"
      } for each (e.g. ${other}.clone()), so that changing one does not change the other`;
    }
    case "earlier":
      return `${fn}: ${part} ${s.same ? `is the same ${noun}` : "shares memory with the one"} ` +
        `that ${s.fn ?? "a function of this exercise"} returned ${
          s.otherPath.length ? `(as ${partText(s.otherPath)}) ` : ""
        }on an earlier call: return ${fix} on every call (memory kept between calls is ` +
        `overwritten under the feet of whoever still holds the earlier result)`;
  }
}

function valueAt(args: unknown[], path: (string | number)[]): unknown {
  let v: unknown = args;
  for (const p of path) v = (v as Record<string | number, unknown>)?.[p];
  return v;
}

/**
 * "mseLoss returned with its argument pred changed (element [0, 1] was 0.5, is now 0.25): …",
 * naming the argument as the stub does when the names are known ("argument 2" otherwise).
 */
export function mutationMessage(
  fn: string,
  args: unknown[],
  path: (string | number)[],
  after: unknown,
  parameters?: readonly string[],
): string {
  const before = valueAt(args, path);
  const b = isMatrix(before) ? before.data : before as ArrayLike<number>;
  const a = isMatrix(after) ? after.data : after as ArrayLike<number>;
  let detail = "";
  if (b && a && b.length === a.length) {
    for (let i = 0; i < a.length; i++) {
      if (!Object.is(a[i], b[i])) {
        const idx = isMatrix(before)
          ? `[${Math.floor(i / before.cols)}, ${i % before.cols}]`
          : `[${i}]`;
        let was = formatNumber(b[i]), now = formatNumber(a[i]);
        if (was === now) [was, now] = [String(b[i]), String(a[i])]; // differs only in the last digits
        detail = ` (element ${idx} was ${was}, is now ${now})`;
        break;
      }
    }
  }
  const name = argumentName(path, parameters);
  return `${fn} returned with its ${name ? `argument ${name}` : pathText(path)} ` +
    `changed${detail}: leave every input as it was given; compute into a new Matrix instead`;
}
