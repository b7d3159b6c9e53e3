import assert from "node:assert/strict";
import { Matrix } from "@gradkit/lib";
import { CheckFailure } from "./spec.ts";
import { type Sandbox, TimeBudget } from "./sandbox/sandbox.ts";
import { TestRun } from "./test_context.ts";
import type { SharedMemory } from "./sandbox/protocol.ts";

/** A TestRun whose checks can run without a sandbox (no learner calls). */
function run(): TestRun {
  return new TestRun(1, {
    sandbox: {} as Sandbox,
    url: "",
    budget: new TimeBudget(0),
    onOutput: () => {},
  });
}

function failure(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof CheckFailure, String(e));
    return e.message;
  }
  assert.fail("expected a CheckFailure");
}

Deno.test("expectMatrix: names what arrived and hints at the fix", () => {
  const t = run();
  assert.match(
    failure(() => t.expectMatrix(undefined, "dW", [2, 3])),
    /dW: expected a 2×3 Matrix, got undefined \(did you forget to return it\?\)/,
  );
  assert.match(
    failure(() => t.expectMatrix([1, 2], "dW", [1, 2])),
    /plain array of length 2 \(wrap it: new Matrix\(1, 2, data\)/,
  );
  assert.match(
    failure(() => t.expectMatrix(new Matrix(3, 2), "dW", [2, 3])),
    /expected shape 2×3, got 3×2 \(transposed\?\)/,
  );
  assert.match(
    failure(() => t.expectMatrix(new Matrix(1, 2, [1, NaN]), "dS", [1, 2])),
    /dS is NaN at \[0, 1\]: NaN comes from Infinity − Infinity/,
  );
  const m = new Matrix(2, 3);
  assert.equal(t.expectMatrix(m, "dW", [2, 3]), m);
});

Deno.test("expectNumber and expectObject", () => {
  const t = run();
  assert.match(failure(() => t.expectNumber("1", "loss")), /loss: expected a number, got a string/);
  assert.match(
    failure(() => t.expectNumber(Infinity, "loss")),
    /loss is Infinity: Infinity comes from exp of a large number .* or the log of 0/,
  );
  // Beside a finite gradient, an infinite loss is the log of 0, not an overflow.
  assert.match(
    failure(() => t.expectNumber(Infinity, "loss", Matrix.from([[0.5, -0.5]]))),
    /loss is Infinity while the gradient returned with it is finite: not an overflow/,
  );
  assert.match(
    failure(() => t.expectNumber(NaN, "loss", Matrix.from([[NaN, 1]]))),
    /loss is NaN: NaN comes from Infinity − Infinity/,
  );
  assert.match(
    failure(() => t.expectObject({ loss: 1 }, "f(...)", ["loss", "dScores"])),
    /has no "dScores" \(it has \{loss\}\)/,
  );
  assert.match(
    failure(() => t.expectObject(new Matrix(1, 1), "f(...)", ["loss"])),
    /expected an object \{ loss \}, got a 1×1 Matrix/,
  );
});

Deno.test("expectClose: the worst element, its index, how many differ", () => {
  const t = run();
  const expected = Matrix.from([[1, 2], [3, 4]]);
  t.expectClose("out", expected.add(1e-12), expected);
  const msg = failure(() => t.expectClose("out", Matrix.from([[1, 2], [3, 8]]), expected));
  assert.match(
    msg,
    /out: element \[1, 1\] is 8, expected 4 \(relative error 5\.0e-1 > 1e-10\); 1 of 4 elements differ/,
  );
  assert.match(failure(() => t.expectClose("loss", 2, 1)), /loss: is 2, expected 1/);
});

Deno.test("expectGradient: right passes, wrong fails with the worst coordinate, kinks are noted", () => {
  const t = run();
  const x = Matrix.from([[0.5, -1.5, 2]]);
  const f = () => x.data.reduce((s, v) => s + v * v * v, 0);
  t.expectGradient("dx", x.map((v) => 3 * v * v), f, x);
  assert.match(
    failure(() => t.expectGradient("dx", x.map((v) => 6 * v * v), f, x)),
    /dx: element \[0, \d\] is/,
  );
  assert.match(
    failure(() => t.expectGradient("dx", new Matrix(3, 1), f, x)),
    /expected shape 1×3 .* got 3×1/,
  );
  // ReLU summed: a coordinate exactly at 0 is a kink, skipped and noted.
  const z = Matrix.from([[0, 1, -1]]);
  const relu = () => z.data.reduce((s, v) => s + Math.max(0, v), 0);
  t.expectGradient("dz", Matrix.from([[0.123, 1, 0]]), relu, z);
  assert.match(t.notes.join("\n"), /dz: 1 coordinate\(s\) at a kink were not compared/);
  // Directional mode agrees on the right gradient and catches a wrong one.
  t.expectGradient("dx", x.map((v) => 3 * v * v), f, x, { directions: 4 });
  assert.match(
    failure(() => t.expectGradient("dx", x.map((v) => 2 * v * v), f, x, { directions: 4 })),
    /along a random direction/,
  );
});

Deno.test("expectGradientsTogether: one check for all inputs, and names the wrong one", () => {
  const t = run();
  // f(a, b) = Σ a² · Σ b: ∂f/∂a = 2a · Σ b, ∂f/∂b = Σ a² everywhere.
  const a = Matrix.from([[0.5, -1.5, 2]]);
  const b = Matrix.from([[1, 2], [3, -0.5]]);
  const sum = (m: Matrix) => m.data.reduce((s, v) => s + v, 0);
  const squares = (m: Matrix) => m.data.reduce((s, v) => s + v * v, 0);
  const f = () => squares(a) * sum(b);
  const da = a.mul(2 * sum(b));
  const db = b.map(() => squares(a));
  const pairs = (ga: Matrix, gb: Matrix) => [
    { what: "da", got: ga, x: a },
    { what: "db", got: gb, x: b },
  ];
  t.expectGradientsTogether(pairs(da, db), f, { directions: 6 });
  assert.match(
    failure(() => t.expectGradientsTogether(pairs(da, db.mul(2)), f, { directions: 6 })),
    /^db: along a random direction/,
  );
  assert.match(
    failure(() => t.expectGradientsTogether(pairs(da.mul(-1), db), f, { directions: 6 })),
    /^da: along a random direction/,
  );
  assert.match(
    failure(() => t.expectGradientsTogether(pairs(da, new Matrix(1, 4)), f, { directions: 6 })),
    /db: expected shape 2×2 .* got 1×4/,
  );
});

/** The failure `f` throws. */
function thrown(f: () => void): CheckFailure {
  try {
    f();
  } catch (e) {
    if (e instanceof CheckFailure) return e;
    throw e;
  }
  throw new Error("no failure");
}

Deno.test("expectGradients and expectGradientsTogether: every gradient's error in a table", () => {
  const t = run();
  const a = Matrix.from([[0.5, -1.5, 2]]);
  const b = Matrix.from([[1, 2], [3, -0.5]]);
  const sum = (m: Matrix) => m.data.reduce((s, v) => s + v, 0);
  const squares = (m: Matrix) => m.data.reduce((s, v) => s + v * v, 0);
  const f = () => squares(a) * sum(b);
  const da = a.mul(2 * sum(b));
  const db = b.map(() => squares(a));
  t.expectGradients([{ what: "da", got: da, f, x: a }, { what: "db", got: db, f, x: b }]);
  const one = thrown(() =>
    t.expectGradients([{ what: "da", got: da, f, x: a }, { what: "db", got: db.mul(2), f, x: b }])
  );
  assert.match(one.message, /^db: element/);
  assert.deepEqual(one.gradients?.map((g) => [g.what, g.passed]), [["da", true], ["db", false]]);
  assert.ok(one.gradients![0].relError < 1e-7 && one.gradients![1].relError > 0.1);
  const both = thrown(() =>
    t.expectGradientsTogether(
      [
        { what: "da", got: da.mul(-1), x: a },
        { what: "db", got: db.mul(3), x: b },
      ],
      f,
      { directions: 6 },
    )
  );
  assert.match(both.message, /^da: along a random direction/, "the first wrong one is named");
  assert.deepEqual(both.gradients?.map((g) => [g.what, g.passed]), [["da", false], ["db", false]]);
});

Deno.test("expectClose and expectGradient: a constant factor is named", () => {
  const t = run();
  const x = Matrix.from([[1, -2, 3]]);
  assert.match(
    failure(() => t.expectClose("dX (N = 4)", x.mul(4), x)),
    /3 of 3 elements differ; every element is 4 times the expected value: right up to a constant factor/,
  );
  assert.match(failure(() => t.expectClose("dX", x.mul(0.125), x)), /is 1\/8 of the expected/);
  assert.match(
    failure(() => t.expectClose("dX", x.mul(-1), x)),
    /every element has the opposite sign/,
  );
  assert.match(failure(() => t.expectClose("loss", 6, 3)), /that is 2 times the expected value/);
  assert.doesNotMatch(failure(() => t.expectClose("loss", 3.7, 3)), /times the expected/);
  assert.doesNotMatch(
    failure(() => t.expectClose("dX", Matrix.from([[1, -2, 4]]), x)),
    /times the expected|opposite sign/,
  );
  const f = () => x.data.reduce((s, v) => s + v * v, 0); // gradient 2x
  assert.match(failure(() => t.expectGradient("dx", x.clone(), f, x)), /is 1\/2 of the expected/);
});

Deno.test("describeValue and expectObject: any own key, at most 10 of them named, each cut", () => {
  const t = run();
  const proto = JSON.parse('{"valueOf":1,"constructor":2,"toString":3,"__proto__":4}');
  assert.match(
    failure(() => t.expectMatrix(proto, "dW", [1, 1])),
    /got an object with keys \{valueOf, constructor, toString, __proto__\}/,
  );
  // Own keys only: "valueOf" is no key of an object that only inherits it.
  assert.match(
    failure(() => t.expectObject({ loss: 1 }, "f", ["loss", "valueOf"])),
    /has no "valueOf" \(it has \{loss\}\)/,
  );
  assert.equal(t.expectObject(proto, "f", ["valueOf", "__proto__"]), proto);
  const many = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
  many["x".repeat(1e6)] = 0;
  const m = failure(() => t.expectObject(many, "f", ["loss"]));
  assert.match(m, /k9, … and 99991 more\}\)$/);
  assert.ok(m.length < 300, `${m.length}`);
  const long = failure(() => t.expectNumber({ ["y".repeat(1e6)]: 1 }, "f"));
  assert.ok(long.length < 200, `${long.length}`);
});

/** A TestRun whose sandbox answers every call with `value` and these shared buffers. */
function replying(shared: SharedMemory[]): TestRun {
  const sandbox = {
    request: () =>
      Promise.resolve({ id: 1, output: "", droppedOutput: 0, ok: true, value: 1, shared }),
  } as unknown as Sandbox;
  return new TestRun(1, { sandbox, url: "", budget: new TimeBudget(0), onOutput: () => {} });
}

async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof CheckFailure, String(e));
    return e.message;
  }
  assert.fail("expected a CheckFailure");
}

Deno.test("requireNewValues: a returned buffer shared with an argument, a sibling or an earlier result fails, named", async () => {
  const argument: SharedMemory = {
    path: ["dx"],
    matrix: true,
    with: "argument",
    otherPath: [0],
    same: true,
  };
  // Without the requirement, sharing is not judged.
  assert.equal(await replying([argument]).call("addBackward"), 1);
  const t = replying([argument]);
  t.requireNewValues({ parameters: { addBackward: ["dout"] } });
  assert.match(
    await rejection(t.call("addBackward")),
    /^addBackward: dx is the same matrix as argument dout: return a new Matrix \(dout\.clone\(\)\)/,
  );
  const sibling = replying([{ ...argument, path: ["dy"], with: "returned", otherPath: ["dx"] }]);
  sibling.requireNewValues();
  assert.match(
    await rejection(sibling.call("f")),
    /^f: dy is the same matrix as dx: return a separate/,
  );
  const earlier = replying([
    { path: [], matrix: true, with: "earlier", otherPath: [], fn: "g", same: false },
  ]);
  earlier.requireNewValues();
  assert.match(
    await rejection(earlier.call("g")),
    /^g: the returned matrix shares memory with the one that g returned on an earlier call/,
  );
  const unnamed = replying([{ ...argument, path: ["grads", 1], otherPath: [1, 1], same: false }]);
  unnamed.requireNewValues();
  assert.match(
    await rejection(unnamed.call("h")),
    /^h: grads\[1\] shares memory with argument 2\[1\] \(a view into it\)/,
  );
  // A cache may hold the arguments, and what is returned beside it may be in it too.
  const cached = replying([
    { ...argument, path: ["cache", "x"] },
    { ...argument, path: ["out"], with: "returned", otherPath: ["cache", "out"] },
  ]);
  cached.requireNewValues({ except: ["cache"] });
  assert.equal(await cached.call("reluForward"), 1);
});
