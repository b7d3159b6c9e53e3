import assert from "node:assert/strict";
import { classificationData, Matrix, randomMatrix, Rng } from "@gradkit/lib";
import { referenceGrads, referenceLoss, referenceTraining } from "./capstone.ts";

/** A small network problem with every size different and non-zero biases. */
function net(rng: Rng) {
  const [n, d, h, c] = [7, 3, 5, 4];
  const { X, y } = classificationData(rng, { n, dim: d, classes: c });
  const params = {
    W1: randomMatrix(rng, d, h),
    b1: randomMatrix(rng, 1, h, { scale: 0.5 }),
    W2: randomMatrix(rng, h, c),
    b2: randomMatrix(rng, 1, c, { scale: 0.5 }),
  };
  return { X, y, params };
}

Deno.test("capstone reference: its gradients are the numerical gradient of its loss", () => {
  for (let seed = 0; seed < 20; seed++) {
    const { X, y, params } = net(new Rng(seed));
    const reg = [0, 0.05, 0.7][seed % 3];
    const grads = referenceGrads(X, y, params, reg);
    for (const name of ["W1", "b1", "W2", "b2"] as const) {
      const x = params[name];
      for (let i = 0; i < x.size; i++) {
        const old = x.data[i];
        x.data[i] = old + 1e-6;
        const plus = referenceLoss(X, y, params, reg);
        x.data[i] = old - 1e-6;
        const minus = referenceLoss(X, y, params, reg);
        x.data[i] = old;
        const numeric = (plus - minus) / 2e-6;
        const got = grads[name].data[i];
        assert.ok(
          Math.abs(got - numeric) <= 1e-6 * Math.max(1, Math.abs(numeric)),
          `seed ${seed}, ${name}[${i}]: ${got} against ${numeric}`,
        );
      }
    }
  }
});

Deno.test("capstone reference: training leaves the start alone and lowers the loss", () => {
  const { X, y, params } = net(new Rng(7));
  const before = Object.fromEntries(
    Object.entries(params).map(([k, m]) => [k, (m as Matrix).clone()]),
  );
  const { losses, params: after } = referenceTraining(X, y, params, {
    learningRate: 0.05,
    steps: 30,
    reg: 0.01,
  });
  for (const [k, m] of Object.entries(params)) {
    assert.deepEqual((m as Matrix).data, (before[k] as Matrix).data, `${k} modified`);
  }
  assert.equal(losses.length, 30);
  assert.ok(losses[29] < losses[0], `${losses[0]} → ${losses[29]}`);
  assert.ok(referenceLoss(X, y, after, 0.01) < losses[29]);
});
