/**
 * The follow-up calls of `own_gradient.ts` in a real grading: they run after the last test,
 * explain, and never change a verdict, even when the learner's code hangs on them.
 */
import assert from "node:assert/strict";
import { GradingSession } from "../grade.ts";
import { MANIFEST } from "../manifest.ts";

const exercises = MANIFEST.filter((e) =>
  ["relu", "mse_loss", "softmax_cross_entropy"].includes(e.id)
);
const mse = exercises.find((e) => e.id === "mse_loss")!;
/** Graded in the same sandbox, before and after it. */
const others = exercises.filter((e) => e !== mse);

/** An mse_loss whose loss lacks the 1/N and whose gradient has it; `hang`: it loops forever on an input a hair from the one before. */
function learnerMse(hang: boolean): string {
  return `import { Matrix } from "@gradkit/lib";
let last: Float64Array | undefined;
export function mseLoss(pred: Matrix, target: Matrix) {
  ${
    hang
      ? `if (last && last.length === pred.data.length) {
    let most = 0;
    for (let i = 0; i < last.length; i++) most = Math.max(most, Math.abs(last[i] - pred.data[i]));
    if (most > 0 && most < 1e-3) while (true) { /* the follow-up's moved input */ }
  }`
      : ""
  }
  last = pred.data.slice();
  const diff = pred.sub(target);
  return { loss: diff.square().sum(), dPred: diff.mul(2 / pred.rows) };
}
`;
}

async function grade(hang: boolean) {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/${mse.file}`, learnerMse(hang));
  for (const e of others) {
    await Deno.copyFile(new URL(`../../solutions/${e.file}`, import.meta.url), `${dir}/${e.file}`);
  }
  const session = await GradingSession.open({ dir, jobs: 1, limits: { timeMs: 3000 } });
  try {
    return await session.grade({ seed: 4, exercises });
  } finally {
    await session.close();
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a wrong loss: the follow-up says the gradient does not follow it; a hang in the follow-up changes no verdict", async () => {
  const plain = await grade(false);
  const m = plain.exercises.find((e) => e.id === "mse_loss")!;
  const rest = plain.exercises.filter((e) => e.id !== "mse_loss");
  assert.equal(m.status, "failed");
  assert.deepEqual(rest.map((e) => e.status), ["passed", "passed"]);
  const said = m.tests.find((t) => t.ownLoss);
  assert.match(said?.ownLoss ?? "", /dPred is not the derivative of your own loss/);

  const hung = await grade(true);
  assert.deepEqual(
    hung.exercises.map((e) => [e.id, e.status, e.points, e.tests.map((t) => t.status)]),
    plain.exercises.map((e) => [e.id, e.status, e.points, e.tests.map((t) => t.status)]),
  );
  const hungMse = hung.exercises.find((e) => e.id === "mse_loss")!;
  assert.equal(hungMse.tests.find((t) => t.ownLoss), undefined);
});
