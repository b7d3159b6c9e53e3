import assert from "node:assert/strict";
import { parseArgs } from "node:util";
import { GRADE_OPTIONS, limitsOf, parseGradeArgs, poolFor, UsageError } from "./cli_options.ts";
import { DEFAULT_JOBS } from "./pool.ts";

Deno.test("poolFor: one sandbox by default, as many as --jobs but no more than exercises named", () => {
  assert.deepEqual(poolFor([]), { jobs: DEFAULT_JOBS, limits: {} });
  assert.equal(DEFAULT_JOBS, 1);
  assert.deepEqual(poolFor(["mse_loss"]), { jobs: 1, limits: {} });
  assert.deepEqual(poolFor(["--jobs", "3"]), { jobs: 3, limits: {} });
  assert.deepEqual(poolFor(["--jobs=3", "a", "b"]), { jobs: 2, limits: {} });
  assert.deepEqual(poolFor(["mse_loss", "--dir", "solutions", "gates", "--jobs", "2"]), {
    jobs: 2,
    limits: {},
  });
  // A save may re-grade every exercise: watch mode keeps --jobs sandboxes.
  assert.deepEqual(poolFor(["mse_loss", "--watch", "--jobs", "2"]), { jobs: 2, limits: {} });
  // Option values are not exercise ids.
  assert.deepEqual(poolFor(["--seed", "7", "--out", "r.json", "x"]), { jobs: 1, limits: {} });
});

Deno.test("poolFor: the limits that change how a sandbox starts", () => {
  assert.deepEqual(
    poolFor(["--memory-limit", "256", "--time-limit=2", "--output-limit", "10"]),
    { jobs: 1, limits: { memoryMb: 256, timeMs: 2000, outputChars: 10 } },
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
    const jobs = Number(values.jobs ?? DEFAULT_JOBS);
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

const nodeParse = (args: string[]) =>
  parseArgs({ args, options: GRADE_OPTIONS, allowPositionals: true, strict: true });

Deno.test("parseGradeArgs reads what node:util's parseArgs reads, defaults included", () => {
  const cases = [
    [],
    ["a", "--dir", "d", "b", "--seed=3", "c"],
    ["--format", "json", "--watch", "a", "--out=r.json"],
    ["--", "--dir", "-h"],
    ["-h"],
    ["--help", "--list", "--watch", "--watch"],
    ["--dir=", "x"],
    ["--dir=-odd", "--seed", "-"],
    ["-", "a=b", "--jobs", "4", "--time-limit", "2", "--memory-limit=64", "--output-limit", "9"],
    ["--dir", "a", "--dir", "b"],
  ];
  for (const args of cases) {
    const node = nodeParse(args);
    const ours = parseGradeArgs(args);
    assert.deepEqual(ours.positionals, node.positionals, args.join(" "));
    assert.deepEqual({ ...ours.values }, { ...node.values }, args.join(" "));
  }
});

Deno.test("parseGradeArgs refuses what parseArgs refuses, naming the option", () => {
  const cases: [string[], RegExp][] = [
    [["--frobnicate"], /unknown option "--frobnicate"/],
    [["-x"], /unknown option "-x"/],
    [["--seed"], /--seed needs a value/],
    [["--dir", "--watch"], /--dir needs a value, got the option "--watch".*--dir=--watch/],
    [["--dir", "-x"], /write --dir=-x/],
    [["--watch=yes"], /--watch takes no value/],
  ];
  for (const [args, message] of cases) {
    assert.throws(() => nodeParse(args), TypeError, `parseArgs accepts ${args.join(" ")}`);
    assert.throws(
      () => parseGradeArgs(args),
      (e) => e instanceof UsageError && message.test(e.message),
    );
  }
});
