/**
 * The grader's one hook into diagnoses: what a test's failure (a check that failed, or a call
 * that threw) and the test's recorded evidence say about the mistake's kind.
 *
 * @module
 */

import { CheckFailure, type TestCase } from "../spec.ts";
import type { ThrownError } from "../sandbox/protocol.ts";
import { diagnose, type Diagnosis, type Evidence } from "./diagnose.ts";

/** The longest diagnosis sentence kept (it is the kit's text, but names checks and inputs). */
export const DIAGNOSIS_CHARS = 400;

/** `d` with its sentence cut to {@linkcode DIAGNOSIS_CHARS}. */
function bounded(d: Diagnosis | undefined): Diagnosis | undefined {
  return d && d.text.length > DIAGNOSIS_CHARS
    ? { ...d, text: `${d.text.slice(0, DIAGNOSIS_CHARS - 1)}…` }
    : d;
}

/**
 * The diagnosis of a failed test: `error` is what ended it (a {@linkcode CheckFailure}, or what
 * the learner's call threw), `recorded` what its calls passed (`TestRun.evidence()`). A throw
 * is diagnosed only as the kind the test is built to catch, and only a shape error (a backward
 * that combined the shapes of another call): other throws say what they say.
 */
export function diagnoseFailure(
  error: CheckFailure | ThrownError,
  recorded: Evidence,
  test: Pick<TestCase, "detects">,
): Diagnosis | undefined {
  if (error instanceof CheckFailure) {
    return bounded(
      diagnose({ ...recorded, kind: error.kind, detects: test.detects, values: error.values }),
    );
  }
  if (error.name === "ShapeError" && test.detects) {
    return bounded(diagnose({ ...recorded, detects: test.detects }));
  }
  return undefined;
}
