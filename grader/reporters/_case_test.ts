import assert from "node:assert/strict";
import { caseLines, valueText } from "./_case.ts";
import type { FailingCase, Report } from "../report.ts";
import { renderTerminal } from "./terminal.ts";
import { renderMarkdown } from "./markdown.ts";

const CASE: FailingCase = {
  test: 2,
  sizes: { N: 2, K: 3 },
  from: { N: 6, K: 4 },
  minimal: true,
  message: "dPred (N = 2, K = 3): …",
  inputs: [
    { name: "pred", type: "Matrix", shape: [2, 3], values: [0.53123, -1.2, 3, 4, 5, 6e-7] },
    { name: "y", type: "Int32Array", shape: [2], values: [2, 0] },
  ],
  output: {
    what: "dPred (N = 2, K = 3)",
    expected: { name: "dPred expected", type: "number", shape: [], values: [0.25] },
    got: { name: "dPred yours", type: "number", shape: [], values: [0.5] },
  },
  replay: "./deno task grade mse_loss --seed 5 --test 2 --sizes N=2,K=3",
};

Deno.test("a case reads: its sizes and the test's, each input and the output, the replay", () => {
  assert.deepEqual(caseLines(CASE), [
    "smallest failing case: N = 2, K = 3 (the test ran at N = 6, K = 4)",
    "  pred            2×3 [0.5312, -1.2, 3, 4, 5, 6.00e-7]",
    "  y               [2, 0]",
    "  dPred expected  0.25",
    "  dPred yours     0.5",
    "replay it: ./deno task grade mse_loss --seed 5 --test 2 --sizes N=2,K=3",
  ]);
  const { minimal: _, ...replayed } = CASE;
  assert.equal(caseLines({ ...replayed, from: CASE.sizes })[0], "the case: N = 2, K = 3");
  assert.match(caseLines({ ...CASE, minimal: false })[0], /maybe not the smallest/);
});

Deno.test("a value shows a few entries and how many more", () => {
  const values = Array.from({ length: 20 }, (_, i) => i);
  assert.equal(
    valueText({ name: "X", type: "Matrix", shape: [4, 5], values }),
    "4×5 [0, 1, 2, 3, 4, 5, … 14 more]",
  );
});

/** A report of one exercise whose one test failed with {@linkcode CASE}. */
function failingReport(): Report {
  return {
    schemaVersion: 2,
    inputs: "public",
    seed: 5,
    nonce: null,
    dir: "exercises",
    exercises: [{
      id: "mse_loss",
      title: "Mean squared error",
      file: "08_mse_loss.ts",
      status: "failed",
      points: 0,
      maxPoints: 10,
      tests: [{ name: "dPred", status: "failed", message: "dPred: wrong", case: CASE }],
      durationMs: 1,
    }],
    summary: {
      total: 1,
      passed: 0,
      failed: 1,
      notStarted: 0,
      error: 0,
      timeout: 0,
      points: 0,
      maxPoints: 10,
    },
    skippedFiles: [],
    durationMs: 1,
  };
}

Deno.test("terminal view: a failing test shows its case, and the replay line unwrapped", () => {
  const report = failingReport();
  const text = renderTerminal(report, { color: false, width: 40 });
  // Wrapped to the width under the test, each line indented...
  assert.match(text, /\n {8}smallest failing case: N = 2, K\n {12}= 3 \(the test ran at/);
  assert.match(text, /\n {10}dPred yours +0\.5\n/);
  // ...but the command whole, longer than the width: copied, it runs as printed.
  assert.ok(text.includes(`\n        replay it: ${CASE.replay}\n`), text);
});

Deno.test("markdown view: a case in a text block under the table", () => {
  const report = failingReport();
  const text = renderMarkdown(report);
  assert.ok(
    text.includes(`\n\nmse\\_loss, dPred:\n\n\`\`\`text\n${caseLines(CASE).join("\n")}\n\`\`\`\n`),
    text,
  );
});
