import assert from "node:assert/strict";
import { parseArgs } from "node:util";
import {
  GRADE_OPTIONS,
  limitsOf,
  parseGradeArgs,
  poolFor,
  replayCommand,
  seedChoice,
  UsageError,
} from "./cli_options.ts";
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

Deno.test("poolFor: no sandbox for help, hint, reset, or a command line that is wrong", () => {
  for (
    const args of [
      ["--help"],
      ["-h"],
      ["hint", "mse_loss"],
      ["reset", "7", "--yes"],
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
    ["--out", "r.json", "--out=junit=j.xml", "x", "--out", "markdown=s.md"],
    ["--format", "junit", "--out="],
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

const SECRET = "00112233445566778899aabbccddeeff";

function usageError(fn: () => unknown, message: RegExp): string {
  let text = "";
  assert.throws(fn, (e) => {
    assert.ok(e instanceof UsageError, String(e));
    assert.match(e.message, message);
    text = e.message;
    return true;
  });
  return text;
}

Deno.test("seedChoice: --seed, else a secret GRADER_SEED with a fresh or given nonce, else random", () => {
  assert.deepEqual(seedChoice({ seed: "77" }, undefined), { kind: "public", seed: 77 });
  // --seed replays a public run even where GRADER_SEED is set.
  assert.deepEqual(seedChoice({ seed: "77" }, SECRET), { kind: "public", seed: 77 });
  const fresh = seedChoice({}, undefined);
  assert.ok(fresh.kind === "public" && Number.isInteger(fresh.seed) && fresh.seed < 2 ** 32);
  const a = seedChoice({}, ` ${SECRET.toUpperCase()}\n`), b = seedChoice({}, SECRET);
  assert.ok(a.kind === "secret" && b.kind === "secret");
  assert.deepEqual(a.secret, Uint8Array.from(SECRET.match(/../g)!, (h) => parseInt(h, 16)));
  assert.equal(a.nonce.length, 16);
  assert.notDeepEqual(a.nonce, b.nonce, "a fresh nonce per run");
  const replay = seedChoice({ nonce: "ff".repeat(16) }, SECRET);
  assert.ok(replay.kind === "secret");
  assert.deepEqual(replay.nonce, new Uint8Array(16).fill(255));
  const long = seedChoice({}, "ab".repeat(64));
  assert.ok(long.kind === "secret" && long.secret.length === 64);
});

Deno.test("seedChoice: a bad GRADER_SEED is a usage error that says how to make one, never quoting it", () => {
  const cases: [string, RegExp][] = [
    ["1234", /at least 32 hexadecimal digits \(128 bits\), got 4/],
    [SECRET.slice(0, 31), /at least 32 hexadecimal digits \(128 bits\), got 31/],
    [SECRET + "a", /an even number of hexadecimal digits \(whole bytes\), got 33/],
    [SECRET.slice(0, 30) + "zz", /hexadecimal digits only \(0-9, a-f\)/],
    [`my-${SECRET}-secret`, /hexadecimal digits only/],
    ["", /set but empty/],
    ["   ", /set but empty/],
  ];
  for (const [value, message] of cases) {
    const text = usageError(() => seedChoice({}, value), message);
    assert.match(text, /openssl rand -hex 16/);
    assert.match(text, /randomBytes\(16\)\.toString\('hex'\)/);
    for (let i = 0; i + 8 <= value.trim().length; i++) {
      assert.ok(!text.includes(value.trim().slice(i, i + 8)), `the message quotes ${value}`);
    }
  }
});

Deno.test("seedChoice: --nonce needs GRADER_SEED and 32 hexadecimal digits; not with --seed", () => {
  usageError(() => seedChoice({ nonce: "ab".repeat(16) }, undefined), /set GRADER_SEED/);
  usageError(() => seedChoice({ nonce: "abc" }, SECRET), /--nonce must be the 32 hexadecimal/);
  usageError(() => seedChoice({ seed: "1", nonce: "ab".repeat(16) }, SECRET), /give one/);
  usageError(() => seedChoice({ seed: "-1" }, undefined), /--seed must be a whole number/);
  usageError(() => seedChoice({ seed: "4294967296" }, undefined), /from 0 to 4294967295/);
});

Deno.test("replayCommand: ./deno task grade, --seed or --nonce with a placeholder, quoted words", () => {
  assert.equal(
    replayCommand({ ids: ["relu"], dir: "exercises", seed: 77 }),
    "./deno task grade relu --seed 77",
  );
  assert.equal(
    replayCommand({ ids: [], dir: "my work", seed: null, nonce: "ab".repeat(16) }),
    `GRADER_SEED=<your secret> ./deno task grade --nonce ${"ab".repeat(16)} --dir 'my work'`,
  );
  assert.equal(
    replayCommand({ ids: ["it's"], dir: "a/b-c_d.e", seed: 1 }),
    `./deno task grade 'it'\\''s' --seed 1 --dir a/b-c_d.e`,
  );
});
