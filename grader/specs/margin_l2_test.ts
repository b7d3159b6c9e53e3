import assert from "node:assert/strict";
import { Rng } from "@gradkit/lib";
import {
  functionalMargin,
  type MarginBatch,
  mixedBatch,
  referenceDataLoss,
  referenceGeometricMargin,
  separableBatch,
} from "./margin_l2.ts";

/** Every yᵢ·sᵢ of the batch. */
function margins({ W, b, X, y }: MarginBatch): number[] {
  return Array.from(X.matmul(W).add(b.data[0]).data, (s, i) => y[i] * s);
}

Deno.test("separableBatch: both labels, every example at least 0.25·‖W‖ from the boundary", () => {
  for (let seed = 0; seed < 50; seed++) {
    const batch = separableBatch(new Rng(seed), 14, 2);
    assert.ok(batch.y.includes(1) && batch.y.includes(-1));
    assert.ok(referenceGeometricMargin(batch) >= 0.25 - 1e-12);
    // scaled to the smallest k that meets every margin, the data loss is 0: the exercise's point
    assert.equal(referenceDataLoss(batch, 1.0001 / functionalMargin(batch)), 0);
    assert.ok(referenceDataLoss(batch, 0.5 / functionalMargin(batch)) > 0);
  }
});

Deno.test("mixedBatch: some margins met, some violated, none within 0.05 of the corner", () => {
  for (let seed = 0; seed < 50; seed++) {
    const m = margins(mixedBatch(new Rng(seed), 7, 3));
    assert.ok(m.some((v) => v > 1) && m.some((v) => v < 1));
    assert.ok(m.every((v) => Math.abs(1 - v) >= 0.05));
  }
});
