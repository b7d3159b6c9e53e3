import assert from "node:assert/strict";
import { Matrix } from "@gradkit/lib";
import { followsOwnLoss, lossCall, ownLossFollowUp } from "./own_gradient.ts";

/** Σ x² (times `k`) and its gradient (times `g`): consistent when k = g. */
function squares(x: Matrix, k: number, g: number) {
  return { loss: k * x.data.reduce((a, v) => a + v * v, 0), dX: x.mul(2 * g) };
}

const X = new Matrix(2, 3, Float64Array.from([0.5, -1, 2, 0.25, 3, -0.75]));

Deno.test("a gradient that is its own loss's derivative, and one that is not", async () => {
  const loss = (k: number) => (args: unknown[]) =>
    Promise.resolve(squares(args[0] as Matrix, k, 0).loss);
  // A loss 3 times too large with a gradient 3 times too large: the gradient follows it.
  const consistent = lossCall("f", [X], squares(X, 3, 3))!;
  assert.equal(consistent.key, "dX");
  assert.equal(await followsOwnLoss(consistent, loss(3)), true);
  // A loss halved with the right gradient: the gradient does not follow the learner's loss.
  const halved = lossCall("f", [X], squares(X, 0.5, 1))!;
  assert.equal(await followsOwnLoss(halved, loss(0.5)), false);
  // A call that gives no loss: nothing to say.
  assert.equal(await followsOwnLoss(halved, () => Promise.resolve(undefined)), undefined);
});

Deno.test("only a { loss, gradient shaped like an input } result is a loss call", () => {
  assert.equal(lossCall("f", [X], { loss: 1, dX: new Matrix(3, 2) }), undefined);
  assert.equal(lossCall("f", [X], { loss: NaN, dX: X }), undefined);
  assert.equal(lossCall("f", [X], X), undefined);
  assert.equal(lossCall("f", [1, X], { loss: 1, dX: X })?.at, 1);
});

Deno.test("the follow-up writes its sentence, and says nothing when the learner's call throws", async () => {
  const result: { ownLoss?: string } = {};
  const call = lossCall("f", [X], squares(X, 3, 3))!;
  await ownLossFollowUp(
    [{ result, call }],
    (_fn, args) => Promise.resolve(squares(args[0] as Matrix, 3, 3)),
  );
  assert.match(result.ownLoss!, /dX is the derivative of your own loss/);
  const silent: { ownLoss?: string } = {};
  await ownLossFollowUp([{ result: silent, call }], () => Promise.reject(new Error("timeout")));
  assert.equal(silent.ownLoss, undefined);
});

Deno.test("a gradient under a key that is no short plain name is not taken (the key goes into a sentence)", () => {
  assert.equal(lossCall("f", [X], { loss: 1, ["d".repeat(500)]: X }), undefined);
  assert.equal(lossCall("f", [X], { loss: 1, "d\u001b[2J": X }), undefined);
});
