import assert from "node:assert/strict";
import { classLabels, randomMatrix, Rng } from "@gradkit/lib";
import { referenceSoftmaxLoss } from "./softmax_cross_entropy.ts";
import {
  dataset,
  referenceNll,
  referenceOneHot,
  referenceSoftLoss,
} from "./soft_label_cross_entropy.ts";

Deno.test("against one-hot targets the soft-label reference is exercise 12's reference", () => {
  const rng = new Rng(11);
  for (let k = 0; k < 20; k++) {
    const y = classLabels(rng, 6, 4);
    const scores = randomMatrix(rng, 6, 4, { scale: 3, mean: rng.normal(0, 100) });
    const soft = referenceSoftLoss(scores, referenceOneHot(y, 4));
    assert.ok(Math.abs(soft - referenceSoftmaxLoss(scores, y)) < 1e-12 * Math.max(1, soft));
  }
});

Deno.test("the large dataset's likelihood always underflows: a product of its probabilities is 0", () => {
  for (let seed = 0; seed < 20; seed++) {
    const { probs, y } = dataset(new Rng(seed), 3000, 5);
    assert.ok(referenceNll(probs, y) * 3000 > 800);
    let product = 1;
    for (let i = 0; i < 3000; i++) product *= probs.get(i, y[i]);
    assert.equal(product, 0);
  }
});
