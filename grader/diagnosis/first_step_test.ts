import assert from "node:assert/strict";
import { Matrix } from "@gradkit/lib";
import { firstStepKind } from "../specs/input_scale.ts";

/** The loss of linear regression after one step of s·η·g from w = 0 (the true gradient g). */
function lossAfter(X: Matrix, y: Matrix, rate: number, s: number): number {
  const n = X.rows, d = X.cols;
  const g = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) g[k] -= 2 * X.data[i * d + k] * y.data[i] / n;
  }
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let score = 0;
    for (let k = 0; k < d; k++) score -= X.data[i * d + k] * s * rate * g[k];
    loss += (score - y.data[i]) ** 2 / n;
  }
  return loss;
}

Deno.test("a wrong first step of linear regression named from the loss it led to", () => {
  const X = new Matrix(5, 2, Float64Array.from([1, 0.5, -0.3, 2, 0.7, -1.1, 1.6, 0.2, -0.4, 0.9]));
  const y = new Matrix(5, 1, Float64Array.from([1.2, -0.7, 2.5, 0.3, -1.4]));
  const rate = 0.05;
  assert.equal(firstStepKind(X, y, rate, lossAfter(X, y, rate, -1))?.kind, "sign");
  assert.equal(firstStepKind(X, y, rate, lossAfter(X, y, rate, 5))?.kind, "forgotten-1/N");
  assert.equal(firstStepKind(X, y, rate, lossAfter(X, y, rate, 0.5))?.kind, "missing-factor");
  assert.equal(firstStepKind(X, y, rate, lossAfter(X, y, rate, 1.37)), undefined);
});
