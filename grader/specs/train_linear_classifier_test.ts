import assert from "node:assert/strict";
import { classificationData, Rng } from "@gradkit/lib";
import { descentRate, referenceTraining } from "./train_linear_classifier.ts";

Deno.test("descentRate: gradient descent at that rate lowers the loss at every step", () => {
  for (let seed = 0; seed < 300; seed++) {
    const rng = new Rng(seed);
    const dim = rng.int(1, 6);
    const classes = rng.int(2, 6);
    // Inputs far from the origin too: the rate shrinks as the rows grow.
    const separation = [1, 4, 20][seed % 3];
    const { X, y } = classificationData(rng, { n: rng.int(5, 60), dim, classes, separation });
    const rate = descentRate(X);
    const { losses } = referenceTraining(X, y, classes, { learningRate: rate, steps: 30, reg: 0 });
    for (let k = 1; k < losses.length; k++) {
      assert.ok(
        losses[k] <= losses[k - 1] * (1 + 1e-12),
        `seed ${seed}, step ${k}: ${losses[k - 1]} → ${losses[k]} at rate ${rate}`,
      );
    }
  }
});

Deno.test("descentRate: a fixed rate of 0.05 is not always safe, this one is", () => {
  // The first seed on which 0.05 raises the loss (the test used that rate before).
  const { X, y } = classificationData(new Rng(2687), {
    n: 60,
    dim: 3,
    classes: 4,
    spread: 1,
    separation: 4,
  });
  const rises = (learningRate: number) =>
    referenceTraining(X, y, 4, { learningRate, steps: 40, reg: 0 }).losses
      .some((l, k, all) => k > 0 && l > all[k - 1]);
  assert.equal(rises(0.05), true);
  assert.equal(rises(descentRate(X)), false);
});
