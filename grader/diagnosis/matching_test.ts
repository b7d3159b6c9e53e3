import assert from "node:assert/strict";
import { GradingSession } from "../grade.ts";
import { MANIFEST } from "../manifest.ts";
import { listMistakes, loadMistake } from "../verify.ts";
import { withKnownMistakes } from "./matching.ts";

const exercise = MANIFEST.find((e) => e.id === "mse_loss")!;

/** A learner's folder whose mse_loss is the known mistake `name`, graded with `seed`. */
async function gradedAs(name: string, seed: number) {
  const mistake = (await listMistakes([exercise])).find((m) => m.name === name)!;
  const source = (await loadMistake(mistake)).source.replaceAll('from "../../', 'from "./');
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/${exercise.file}`, source);
  const session = await GradingSession.open({ dir });
  try {
    return await session.grade({ seed, exercises: [exercise] });
  } finally {
    await session.close();
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a failure that matches a known mistake on the same inputs names it; another kit's copy without solutions/ leaves the report as it is", async () => {
  const report = await gradedAs("half_factor", 11);
  assert.equal(report.exercises[0].status, "failed");
  const matched = await withKnownMistakes(report, 11);
  assert.deepEqual(
    { ...matched.exercises[0].knownMistake, about: undefined },
    { name: "half_factor", kind: "missing-factor", about: undefined },
  );
  assert.match(matched.exercises[0].knownMistake!.about, /½/);
  // Another seed's run draws other inputs: the learner's values match no mistake's.
  const other = await withKnownMistakes(report, 12);
  assert.equal(other.exercises[0].knownMistake, undefined);
  // A learner's copy of the kit: no solutions/, nothing to match, the same report.
  const empty = await Deno.makeTempDir();
  try {
    assert.equal(await withKnownMistakes(report, 11, empty), report);
  } finally {
    await Deno.remove(empty, { recursive: true });
  }
});
