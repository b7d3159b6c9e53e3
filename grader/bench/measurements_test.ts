import assert from "node:assert/strict";
import { measure } from "./measurements.ts";

Deno.test("checker measurement: 2n + 4 evaluations or more for the four parameters, timed both ways", () => {
  const r = measure({ kind: "checker", size: "small", reps: 2 });
  assert.equal(r.parameters, 83);
  // 2n + 1 per parameter, and 2 more for each coordinate whose slopes are checked at half the step.
  assert.ok(r.evaluations >= 2 * 83 + 4 && r.evaluations <= 4 * 83 + 4, String(r.evaluations));
  assert.ok(r.overhead > 0 && Number.isFinite(r.overhead));
  assert.ok(!("worstRelError" in r));
});

Deno.test("directional measurement: 2k + 1 evaluations together, 4(2k + 1) each on its own", () => {
  const joint = measure({
    kind: "directional",
    size: "medium",
    directions: 3,
    joint: true,
    reps: 1,
  });
  const each = measure({
    kind: "directional",
    size: "medium",
    directions: 3,
    joint: false,
    reps: 1,
  });
  assert.equal(joint.evaluations, 7);
  assert.equal(each.evaluations, 28);
  // The fixture's own gradient is right: along every direction it agrees with the loss.
  for (const r of [joint, each]) {
    assert.ok("worstRelError" in r && r.worstRelError < 1e-5, JSON.stringify(r));
  }
});
