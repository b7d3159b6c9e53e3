import assert from "node:assert/strict";
import {
  type ExerciseJob,
  explainLoadError,
  explainThrown,
  shownLocation,
} from "./grade_exercise.ts";
import type { ThrownError } from "./sandbox/protocol.ts";

const job = {
  exercise: { file: "08_mse_loss.ts" },
  shownDir: "exercises",
} as unknown as ExerciseJob;

function error(message: string, stack: string[] = []): ThrownError {
  return { name: "Error", message, stack, notImplemented: false };
}

/** Milliseconds `f` takes. */
function timed(f: () => unknown): number {
  const started = performance.now();
  f();
  return performance.now() - started;
}

Deno.test("shownLocation: a V8 frame's location as the learner knows the file", () => {
  const dir = "file:///tmp/k/.cache/staging/0/snapshots/1/exercises";
  assert.equal(
    shownLocation(`at mseLoss (${dir}/08_mse_loss.ts:12:9)`, job),
    "exercises/08_mse_loss.ts:12:9",
  );
  assert.equal(shownLocation(`at ${dir}/08_mse_loss.ts:3:1`, job), "exercises/08_mse_loss.ts:3:1");
  assert.equal(
    shownLocation("at async Promise.all (index 0)", job),
    "at async Promise.all (index 0)",
  );
  assert.equal(shownLocation("at x (relative.ts:1:2)", job), "at x (relative.ts:1:2)");
});

Deno.test("explaining a thrown error costs time linear in its length, and says it in a line", () => {
  // The old patterns took seconds on a fraction of these (quadratic: 20,000 slashes, 0.2 s).
  const slashes = "/".repeat(1_000_000);
  assert.ok(timed(() => shownLocation(`at file:///x/a.ts ${slashes}`, job)) < 500);
  const thrown = error(`file:///x/a.ts ${slashes}`, [`at file:///x/a.ts ${slashes}`]);
  let text = "";
  assert.ok(timed(() => text = explainThrown("f", thrown, job)) < 500);
  assert.ok(text.length < 3000, `${text.length}`);
  const nots = error("not".repeat(1_000_000) + "\nfile://".repeat(100_000));
  assert.ok(timed(() => text = explainLoadError(nots, job)) < 500);
  assert.match(text, /threw while loading/);
});

Deno.test("explainLoadError: refused imports and syntax errors are still told apart", () => {
  assert.match(
    explainLoadError(
      error('Requires read access to "/k/solutions/08_mse_loss.ts", run again with --allow-read'),
      job,
    ),
    /imports "\/k\/solutions\/08_mse_loss.ts", which the sandbox does not allow/,
  );
  assert.match(
    explainLoadError(error("Importing npm packages is not supported here"), job),
    /which the sandbox does not allow/,
  );
  const syntax = {
    ...error("Expected ';', got 'x' at file:///tmp/k/snapshots/1/exercises/08_mse_loss.ts:3:4"),
    name: "SyntaxError",
  };
  assert.equal(
    explainLoadError(syntax, job),
    "exercises/08_mse_loss.ts has a syntax error: Expected ';', got 'x' at 08_mse_loss.ts:3:4",
  );
});
