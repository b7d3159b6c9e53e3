import assert from "node:assert/strict";
import { diagnose, type Diagnosis, type Evidence, exerciseDiagnosis } from "./diagnose.ts";

/** Evidence of a failed comparison of `got` with `expected`, shaped rows×cols. */
function values(
  got: number[],
  expected: number[],
  rows = 1,
  cols = got.length,
  extra: Partial<Evidence> = {},
): Evidence {
  return {
    values: { what: "dX", got, expected, rows, cols, rtol: 1e-5, atol: 1e-2 },
    ...extra,
  };
}

Deno.test("a factor: the sign, N or 1/N of a size of the inputs, a 2, √(N/(N−1))", () => {
  const e = [0.5, -1.25, 2, 0.75];
  const times = (k: number) => e.map((x) => k * x);
  assert.equal(diagnose(values(times(-1), e))?.kind, "sign");
  assert.equal(diagnose(values(times(7), e, 1, 4, { sizes: [7, 4] }))?.kind, "forgotten-1/N");
  assert.equal(diagnose(values(times(1 / 7), e, 1, 4, { sizes: [7] }))?.kind, "forgotten-1/N");
  // 7 is no size of these inputs: a factor, not the batch's 1/N.
  assert.equal(diagnose(values(times(7), e, 1, 4, { sizes: [5, 4] }))?.kind, "missing-factor");
  assert.equal(diagnose(values(times(0.5), e, 1, 4, { sizes: [5] }))?.kind, "missing-factor");
  assert.equal(
    diagnose(values(times(Math.sqrt(6 / 5)), e, 1, 4, { sizes: [6] }))?.kind,
    "convention",
  );
  // A learning rate passed to the call, left out.
  assert.equal(diagnose(values(times(50), e, 1, 4, { scalars: [0.02] }))?.kind, "missing-factor");
  // No constant factor: nothing named.
  assert.equal(diagnose(values([0.5, -1.25, 2, 0.8], e)), undefined);
});

Deno.test("float32: every value exactly a single-precision number, close to the expected", () => {
  const e = [0.1234567891234, 2.718281828459045, -1.4142135623730951];
  const got = e.map(Math.fround);
  assert.equal(diagnose(values(got, e))?.kind, "float32");
  // Far off: not a rounding.
  assert.notEqual(diagnose(values(got.map((g) => Math.fround(g * 1.5)), e))?.kind, "float32");
});

Deno.test("masks: non-zero where 0 is due, 0 where a value is due, the rest right", () => {
  const e = [0, 1.5, 0, -2, 0.7, 0];
  assert.equal(diagnose(values([0.3, 1.5, -1, -2, 0.7, 0], e, 2, 3))?.kind, "mask");
  assert.equal(diagnose(values([0, 0, 0, -2, 0.7, 0], e, 2, 3))?.kind, "mask");
  // A wrong value where both are non-zero: not a mask.
  assert.equal(diagnose(values([0.3, 1.6, 0, -2, 0.7, 0], e, 2, 3)), undefined);
});

Deno.test("the upstream gradient never multiplied in", () => {
  const dout = [2, -0.5, 3, 0.25];
  const local = [0.2, 0.1, 0.25, 0.15];
  const e = local.map((l, i) => l * dout[i]);
  const d = diagnose(values(local, e, 2, 2, { upstreams: [Float64Array.from(dout)] }));
  assert.equal(d?.kind, "upstream-ignored");
});

Deno.test("only the correct class's entries wrong; a loss off by exactly the margin", () => {
  const e = [-0.8, 0.3, 0.5, 0.2, -0.6, 0.4];
  const got = [0.2, 0.3, 0.5, 0.2, 0.4, 0.4]; // −1 forgotten at (0, 0) and (1, 1)
  const y = Int32Array.from([0, 1]);
  assert.equal(diagnose(values(got, e, 2, 3, { labels: [y] }))?.kind, "correct-class");
  // Wrong entries elsewhere too: not the correct class alone.
  assert.equal(
    diagnose(values([0.2, 0.35, 0.5, 0.2, 0.4, 0.4], e, 2, 3, { labels: [y] }))?.kind,
    undefined,
  );
  assert.equal(diagnose(values([3.25], [2.25], 1, 1))?.kind, "correct-class");
});

Deno.test("a gradient equal to another input's, or to both added: routing", () => {
  const dx = [1, 0, 0, 2], dy = [0, 3, -1, 0];
  const ev = (got: number[]) =>
    values(got, dx, 2, 2, {}).values && {
      values: { ...values(got, dx, 2, 2).values!, others: [{ what: "dy", expected: dy }] },
    };
  assert.equal(diagnose(ev(dy)!)?.kind, "routing");
  assert.equal(diagnose(ev(dx.map((x, i) => x + dy[i]))!)?.kind, "routing");
});

Deno.test("a term left out or added: an input, or its L2 gradient 2λ·W", () => {
  const e = [1, 2, 3, 4, 5, 6];
  const b = { name: "b", rows: 1, cols: 3, data: [0.5, -1, 2] };
  const withoutB = e.map((x, i) => x - b.data[i % 3]);
  assert.equal(diagnose(values(withoutB, e, 2, 3, { inputs: [b] }))?.kind, "missing-term");
  const W = { name: "W", rows: 2, cols: 3, data: [1, -1, 0.5, 2, 0.25, -3] };
  const extra = e.map((x, i) => x + 2 * 0.3 * W.data[i]);
  assert.equal(
    diagnose(values(extra, e, 2, 3, { inputs: [W], scalars: [0.3] }))?.kind,
    "extra-term",
  );
  // λ·W (not 2λ·W) is no known part: not named as a term.
  const half = e.map((x, i) => x + 0.3 * W.data[i]);
  assert.equal(diagnose(values(half, e, 2, 3, { inputs: [W], scalars: [0.3] })), undefined);
});

Deno.test("one value for every entry where each differs: the wrong axis; all 0: a missing term", () => {
  assert.equal(diagnose(values([2, 2, 2, 2], [1, 3, 2, 5], 1, 4))?.kind, "wrong-axis");
  assert.equal(diagnose(values([0, 0, 0], [1, 3, 2], 1, 3))?.kind, "missing-term");
});

Deno.test("what the check established wins; a test's own kind only when the same check passed before", () => {
  const established: Diagnosis = { kind: "aliasing", text: "shared" };
  const e = [1, 2, 3, 4];
  assert.equal(
    diagnose({ ...values(e.map((x) => -x), e), kind: established })?.kind,
    "aliasing",
  );
  const wrong = values([1, 2, 3, 5], e);
  wrong.values!.what = "layer 1: dx";
  assert.equal(diagnose({ ...wrong, detects: "state", passed: ["layer 2: dx"] })?.kind, "state");
  assert.equal(diagnose({ ...wrong, detects: "state", passed: ["layer 2: out"] }), undefined);
});

Deno.test("an exercise's kind: established first, then the numbers' majority, then a test's own", () => {
  const d = (kind: Diagnosis["kind"], basis: Diagnosis["basis"]) => ({
    diagnosis: { kind, text: "", basis },
  });
  assert.equal(
    exerciseDiagnosis([
      d("missing-factor", "values"),
      d("missing-factor", "values"),
      d("routing", "check"),
    ])
      ?.kind,
    "routing",
  );
  assert.equal(
    exerciseDiagnosis([d("state", "test"), d("mask", "values"), {}, d("mask", "values")])?.kind,
    "mask",
  );
  assert.equal(exerciseDiagnosis([d("state", "test"), {}])?.kind, "state");
  assert.equal(exerciseDiagnosis([{}, {}]), undefined);
});

Deno.test("a loss off by exactly the L2 penalty λ·Σ‖W‖² of an argument: left out or added", () => {
  const weights = [
    { name: "weights[0]", group: 2, rows: 1, cols: 2, data: [1, -2] },
    { name: "weights[1]", group: 2, rows: 1, cols: 1, data: [3] },
  ];
  const grads = { name: "dataGrads[0]", group: 1, rows: 1, cols: 2, data: [0.5, 0.5] };
  const penalty = 0.3 * (1 + 4 + 9);
  const ev = (got: number) =>
    values([got], [2 + penalty], 1, 1, { inputs: [grads, ...weights], scalars: [0.3] });
  const missing = diagnose(ev(2));
  assert.equal(missing?.kind, "missing-term");
  assert.match(missing!.text, /weights\[0\], weights\[1\]/);
  assert.equal(diagnose(ev(2 + 2 * penalty))?.kind, "extra-term");
  assert.equal(diagnose(ev(2 + 0.5 * penalty))?.kind, undefined);
});

Deno.test("a local factor left out or extra, entry by entry: an input, or 1 minus it", () => {
  const out = { name: "out", rows: 1, cols: 3, data: [0.2, 0.5, 0.9] };
  const dout = [1.5, -2, 0.5];
  const e = out.data.map((o, i) => dout[i] * o * (1 - o));
  const noOneMinus = out.data.map((o, i) => dout[i] * o);
  const d = diagnose(values(noOneMinus, e, 1, 3, { inputs: [out] }));
  assert.equal(d?.kind, "missing-factor");
  assert.match(d!.text, /\(1 − out\) left out/);
  const x = { name: "x", rows: 1, cols: 3, data: [2, -0.5, 4] };
  const right = x.data.map((v, i) => -dout[i] / (v * v));
  const noSquare = x.data.map((v, i) => -dout[i] / v);
  assert.match(diagnose(values(noSquare, right, 1, 3, { inputs: [x] }))!.text, /extra factor x/);
});

Deno.test("factors a spec names: the learner's values times one are the expected ones", () => {
  const e = [0.5, -1.25, 2, 0.75];
  const factors = [
    { kind: "upstream-ignored" as const, factor: -1.7, text: "ignores dout" },
    { kind: "skipped-stage" as const, factor: 0.19, text: "skips a stage" },
  ];
  const over = (k: number) => e.map((x) => x / k);
  const v = (got: number[]) => {
    const ev = values(got, e);
    return { ...ev, values: { ...ev.values!, factors } };
  };
  assert.equal(diagnose(v(over(0.19)))?.kind, "skipped-stage");
  assert.equal(diagnose(v(over(-1.7)))?.kind, "upstream-ignored");
  // A factor not among them falls through to the other detectors (none fits here).
  assert.equal(diagnose(v(over(0.31))), undefined);
});

Deno.test("a loss off by the L2 penalty with λ divided by a size N names forgotten-1/N", () => {
  const W = [0.5, -1.5, 2, 0.25, 1, -0.75];
  const squares = W.reduce((s, w) => s + w * w, 0);
  const lambda = 0.3, n = 7, data = 1.234;
  const expected = data + lambda * squares;
  const inputs = [{ name: "W", rows: 2, cols: 3, data: W }];
  const ev = (got: number) =>
    values([got], [expected], 1, 1, { sizes: [n, 2, 3], scalars: [lambda], inputs });
  assert.equal(diagnose(ev(data + lambda * squares / n))?.kind, "forgotten-1/N");
  assert.equal(diagnose(ev(data))?.kind, "missing-term");
  assert.equal(diagnose(ev(data + lambda * squares / 5)), undefined);
});

Deno.test("a wrong method's result a spec names: the learner's values equal to it", () => {
  const e = [0.5, -1.25, 2, 0.75];
  const wrong = [1.5, -0.25, 1, 0.7];
  const mistaken = [{ kind: "upstream-ignored" as const, value: wrong, text: "equals Xᵀ·1" }];
  const v = (got: number[]) => {
    const ev = values(got, e);
    return { ...ev, values: { ...ev.values!, mistaken } };
  };
  assert.equal(diagnose(v(wrong.slice()))?.kind, "upstream-ignored");
  assert.equal(diagnose(v([1.5, -0.25, 1, 0.9])), undefined);
});

Deno.test("a loss off by the penalty of part of an argument's matrices (its biases) is named", () => {
  const W = [0.5, -1.5, 2], b = [0.25, -0.75];
  const lambda = 0.1, data = 2.5;
  const expected = data + lambda * (0.25 + 2.25 + 4);
  const inputs = [
    { name: "params.W", group: 0, rows: 1, cols: 3, data: W },
    { name: "params.b", group: 0, rows: 1, cols: 2, data: b },
  ];
  const ev = (got: number) => values([got], [expected], 1, 1, { scalars: [lambda], inputs });
  assert.equal(diagnose(ev(expected + lambda * (0.0625 + 0.5625)))?.kind, "extra-term");
  assert.equal(diagnose(ev(expected + 0.0123)), undefined);
});
