import assert from "node:assert/strict";
import { parseArgs } from "node:util";
import { GRADE_OPTIONS, limitsOf, poolFor, UsageError } from "./cli_options.ts";

Deno.test("poolFor: one sandbox per exercise named, two for all, as many as --jobs", () => {
  assert.deepEqual(poolFor([]), { jobs: 2, limits: {} });
  assert.deepEqual(poolFor(["mse_loss"]), { jobs: 1, limits: {} });
  assert.deepEqual(poolFor(["mse_loss", "--dir", "solutions", "gates"]), { jobs: 2, limits: {} });
  assert.deepEqual(poolFor(["--jobs", "1"]), { jobs: 1, limits: {} });
  assert.deepEqual(poolFor(["--jobs=3", "a", "b"]), { jobs: 2, limits: {} });
  // A save may re-grade every exercise: watch mode keeps --jobs sandboxes.
  assert.deepEqual(poolFor(["mse_loss", "--watch"]), { jobs: 2, limits: {} });
  // Option values are not exercise ids.
  assert.deepEqual(poolFor(["--seed", "7", "--out", "r.json", "x"]), { jobs: 1, limits: {} });
});

Deno.test("poolFor: the limits that change how a sandbox starts", () => {
  assert.deepEqual(
    poolFor(["--memory-limit", "256", "--time-limit=2", "--output-limit", "10"]),
    { jobs: 2, limits: { memoryMb: 256, timeMs: 2000, outputChars: 10 } },
  );
});

Deno.test("poolFor: no sandbox for help, list, or a command line that is wrong", () => {
  for (
    const args of [
      ["--help"],
      ["-h"],
      ["--list"],
      ["--frobnicate"],
      ["--jobs", "0"],
      ["--memory-limit", "lots"],
      ["--seed"],
    ]
  ) {
    assert.equal(poolFor(args), undefined, args.join(" "));
  }
});

Deno.test("poolFor agrees with parseArgs on which arguments are exercise ids", () => {
  const cases = [
    ["a", "--dir", "d", "b", "--seed=3", "c"],
    ["--format", "json", "--watch", "a"],
    ["--", "--dir"],
    ["--jobs", "4", "x", "y", "z"],
  ];
  for (const args of cases) {
    const { values, positionals } = parseArgs({
      args,
      options: GRADE_OPTIONS,
      allowPositionals: true,
    });
    const jobs = Number(values.jobs ?? 2);
    const expected = values.watch ? jobs : Math.min(jobs, positionals.length || Infinity);
    assert.equal(poolFor(args)?.jobs, expected, args.join(" "));
  }
});

Deno.test("limitsOf: seconds become ms; a bad value is a usage error naming the option", () => {
  assert.deepEqual(limitsOf({ "time-limit": "0.5" }), { timeMs: 500 });
  assert.throws(() => limitsOf({ "memory-limit": "-1" }), (e: Error) => {
    assert.ok(e instanceof UsageError);
    assert.match(e.message, /--memory-limit needs a positive number, got "-1"/);
    return true;
  });
});
