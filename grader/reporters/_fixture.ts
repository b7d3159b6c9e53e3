/**
 * A report holding every status a format must show, and learner text with everything that can
 * break a format (markup, table pipes, line breaks, control characters, a lone surrogate), for
 * the views' tests. Not part of the grader.
 *
 * @module
 */

import { type ExerciseReport, type Report, summarize } from "../report.ts";

/** Learner text that no format may pass through unescaped. */
export const NASTY =
  "a | b\n<b>bold</b> & ]]> \"q\" 'a' `x` *e* [l](http://x) \x1b[2J\x00\ud800 end";

/** A secret that must never appear (the report never holds it; the views must not invent it). */
export const SECRET_NONCE = "0123456789abcdef0123456789abcdef";

function exercises(): ExerciseReport[] {
  return [
    {
      id: "gates",
      title: "Gates",
      file: "03_gates.ts",
      status: "passed",
      points: 10,
      maxPoints: 10,
      tests: [
        { name: "add", status: "passed" },
        { name: "mul", status: "passed", notes: ["2 coordinates at a kink skipped"] },
        { name: "max", status: "passed" },
      ],
      durationMs: 30,
    },
    {
      id: "mse_loss",
      title: "Mean squared error",
      file: "08_mse_loss.ts",
      status: "failed",
      points: 6.67,
      maxPoints: 10,
      tests: [
        { name: "value", status: "passed" },
        {
          name: `dPred ${NASTY}`,
          status: "failed",
          message: `dPred: element [0, 1] is 2, expected 1 ${NASTY}`,
          mismatch: {
            what: "dPred",
            index: [0, 1],
            expected: 1,
            got: 2,
            relError: 1,
            tolerance: 1e-7,
          },
          notes: [`note ${NASTY}`],
        },
        { name: "one example", status: "passed" },
      ],
      output: `printed ${NASTY}\n`,
      hint: "divide by N",
      durationMs: 60,
    },
    {
      id: "relu",
      title: "The ReLU gate",
      file: "04_relu.ts",
      status: "not_started",
      points: 0,
      maxPoints: 10,
      tests: [
        { name: "forward", status: "not_started", message: "reluForward is not implemented yet" },
        { name: "backward", status: "not_started" },
      ],
      durationMs: 5,
    },
    {
      id: "fork",
      title: "A fork",
      file: "05_fork.ts",
      status: "error",
      message: `05_fork.ts has a syntax error: ${NASTY}`,
      points: 0,
      maxPoints: 10,
      tests: [{ name: "one", status: "not_run" }, { name: "two", status: "not_run" }],
      durationMs: 8,
    },
    {
      id: "sigmoid_neuron",
      title: "A sigmoid neuron",
      file: "06_sigmoid_neuron.ts",
      status: "timeout",
      message: "the time limit (10 s) was hit",
      points: 3.34,
      maxPoints: 10,
      tests: [
        { name: "first", status: "passed" },
        { name: "second", status: "timeout", message: "the time limit (10 s) was hit" },
        { name: "third", status: "not_run" },
      ],
      durationMs: 10_000,
    },
  ];
}

/** The fixture, with public inputs (seed 42) or secret ones (a nonce). */
export function fixtureReport(inputs: "public" | "secret" = "public"): Report {
  const list = exercises();
  return {
    schemaVersion: 2,
    inputs,
    seed: inputs === "public" ? 42 : null,
    nonce: inputs === "secret" ? SECRET_NONCE : null,
    dir: "learner/exercises",
    exercises: list,
    summary: summarize(list),
    skippedFiles: [`link.ts: a symbolic link ${NASTY}`],
    durationMs: 10_123,
  };
}
