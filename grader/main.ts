/**
 * `deno task grade`: the command line's entry point (the command line itself is `cli.ts`).
 *
 * It starts the sandboxes first, then loads the grader: a sandbox takes 25–30 ms from spawn to
 * its first request on a quiet machine, and the grader's modules and the staging of the
 * submission about as long, so the two overlap on the machine's cores instead of following each
 * other.
 *
 * @module
 */

import { poolFor } from "./cli_options.ts";
import { SandboxPool } from "./pool.ts";

/** Starts the sandboxes early; on failure (a missing permission) the grader says why. */
function startEarly(): SandboxPool | undefined {
  const wanted = poolFor(Deno.args);
  try {
    return wanted && SandboxPool.start(wanted);
  } catch {
    return undefined;
  }
}

const pool = startEarly();
let status: number;
try {
  const { main } = await import("./cli.ts");
  status = await main(Deno.args, pool);
} finally {
  await pool?.close(); // already closed when a grading took it over
}
Deno.exit(status);
