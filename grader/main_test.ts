import assert from "node:assert/strict";
import { KIT_DIR } from "./grade.ts";
import { progressBar } from "./cli/tty.ts";
import { MANIFEST, STUBS_DIR } from "./manifest.ts";
import type { Report } from "./report.ts";
import { gradeMistakes, listMistakes, loadMistake } from "./verify.ts";

async function cli(args: string[], env: Record<string, string> = {}) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${KIT_DIR}/grader/main.ts`, ...args],
    cwd: KIT_DIR,
    env: { NO_COLOR: "1", ...env },
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

Deno.test("cli: usage errors exit 2 with a message that says what to do", async () => {
  const unknown = await cli(["no_such_exercise"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown exercise "no_such_exercise"; known: numerical_gradient/);
  const dir = await cli(["--dir", "/no/such/folder"]);
  assert.equal(dir.code, 2);
  assert.match(dir.stderr, /no such folder: \/no\/such\/folder/);
  const seed = await cli(["--seed", "abc"]);
  assert.equal(seed.code, 2);
  assert.match(seed.stderr, /--seed must be a whole number/);
  const envSeed = await cli([], { GRADER_SEED: "-1" });
  assert.equal(envSeed.code, 2);
  assert.match(envSeed.stderr, /GRADER_SEED must be hexadecimal digits only/);
  const short = await cli(["relu"], { GRADER_SEED: "c0ffee1234" });
  assert.equal(short.code, 2);
  assert.match(
    short.stderr,
    /at least 32 hexadecimal digits \(128 bits\), got 10.*openssl rand -hex 16/,
  );
  assert.ok(!short.stderr.includes("c0ffee12") && !short.stdout.includes("c0ffee12"));
  const nonce = await cli(["relu", "--nonce", "ab".repeat(16)]);
  assert.equal(nonce.code, 2);
  assert.match(nonce.stderr, /--nonce replays a run whose inputs were secret: set GRADER_SEED/);
  const format = await cli(["--format", "xml"]);
  assert.equal(format.code, 2);
  const option = await cli(["--frobnicate"]);
  assert.equal(option.code, 2);
  assert.match(option.stderr, /Usage: \.\/deno task grade/);
});

Deno.test("cli: list grades and shows the course in order with progress; --help exits 0", async () => {
  const list = await cli(["list", "--dir", "solutions", "--seed", "2"]);
  assert.equal(list.code, 0, list.stderr);
  const lines = list.stdout.trim().split("\n");
  assert.deepEqual(
    lines.slice(0, MANIFEST.length).map((l, k) =>
      l.split(/\s+/).slice(0, /^\d+_/.test(MANIFEST[k].file) ? 4 : 3)
    ),
    // An unnumbered file (`<id>.ts`) shows no number: its id is the second word.
    MANIFEST.map((e) => {
      const number = /^(\d+)_/.exec(e.file)?.[1];
      return number ? ["✓", number, e.id, "passed"] : ["✓", e.id, "passed"];
    }),
  );
  const points = MANIFEST.reduce((sum, e) => sum + e.points, 0);
  const bar = progressBar(MANIFEST.length, MANIFEST.length);
  assert.ok(list.stdout.includes(`${bar} exercises passed, ${points}/${points} points`));
  assert.match(list.stdout, /the course is done/);
  assert.equal((await cli(["--help"])).code, 0);
});

Deno.test("cli: names as numbers and paths, did you mean, hint and reset as printed", async () => {
  const typo = await cli(["mse"]);
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /unknown exercise "mse"; did you mean "mse_loss"\?/);
  const option = await cli(["--sed", "1"]);
  assert.equal(option.code, 2);
  assert.match(option.stderr, /unknown option "--sed"; did you mean "--seed"\?/);
  const graded = await cli(["exercises/08_mse_loss.ts", "--dir", "solutions", "--seed", "1"]);
  assert.equal(graded.code, 0, graded.stderr);
  assert.match(graded.stdout, /passed {6}mse_loss/);
  const hint = await cli(["hint", "08"]);
  assert.equal(hint.code, 0, hint.stderr);
  assert.match(hint.stdout, /^hint 1 of 3 for mse_loss/);
  const reset = await cli(["reset", "8", "--dir", "solutions"]);
  assert.equal(reset.code, 2, "no terminal to ask on");
  assert.match(reset.stderr, /\.\/deno task reset mse_loss --yes --dir solutions/);
});

Deno.test("cli: grading solutions exits 0; JSON to stdout and --out are the same report", async () => {
  const out = await Deno.makeTempFile({ suffix: ".json" });
  try {
    const r = await cli([
      "mse_loss",
      "gates",
      "--dir",
      "solutions",
      "--seed",
      "5",
      "--format",
      "json",
      "--out",
      out,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const printed = JSON.parse(r.stdout) as Report;
    const written = JSON.parse(await Deno.readTextFile(out)) as Report;
    assert.deepEqual(printed, written);
    assert.equal(printed.schemaVersion, 2);
    assert.equal(printed.inputs, "public");
    assert.equal(printed.seed, 5);
    assert.equal(printed.nonce, null);
    assert.deepEqual(printed.exercises.map((e) => [e.id, e.status]), [["gates", "passed"], [
      "mse_loss",
      "passed",
    ]]);
  } finally {
    await Deno.remove(out);
  }
});

Deno.test("cli: the stubs exit 1, print the seed and a replay command that works here", async () => {
  const r = await cli(["relu", "--seed", "77", "--dir", STUBS_DIR]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /grading grader\/stubs with seed 77/);
  assert.match(r.stdout, /not started relu/);
  assert.match(
    r.stdout,
    /replay exactly: \.\/deno task grade relu --seed 77 --dir grader\/stubs\n/,
  );
});

// Every 8 hexadecimal digits of it contain a letter, so no number in a report can match.
const SECRET = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0";

/** The learner's file of the known mistake mse_loss/forgot_mean (made from its patch). */
async function forgotMean(): Promise<string> {
  const mse = MANIFEST.find((e) => e.id === "mse_loss")!;
  const file = "mistakes/mse_loss/forgot_mean.ts";
  return (await loadMistake({ exercise: mse, name: "forgot_mean", file })).source;
}

/** A folder whose mse_loss forgets the 1/N: its failures show expected values. */
async function failingMse(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-secret-test-" });
  await Deno.copyFile(`${KIT_DIR}/solutions/08_mse_loss.ts`, `${dir}/mse_solution.ts`);
  await Deno.writeTextFile(`${dir}/08_mse_loss.ts`, await forgotMean());
  return dir;
}

/** The report without its timings, which differ from run to run. */
function untimed(report: Report): unknown {
  return JSON.parse(JSON.stringify(report, (k, v) => k === "durationMs" ? 0 : v));
}

Deno.test("cli: under GRADER_SEED the secret is never shown; each run draws anew; --nonce replays", async () => {
  const dir = await failingMse();
  const out = `${dir}/report.json`;
  try {
    const args = ["mse_loss", "--dir", dir];
    const env = { GRADER_SEED: SECRET };
    const json = await cli([...args, "--format", "json", "--out", out], env);
    const human = await cli(args, env);
    assert.equal(json.code, 1, json.stderr);
    assert.equal(human.code, 1, human.stderr);
    const written = await Deno.readTextFile(out);
    for (const text of [json.stdout, json.stderr, human.stdout, human.stderr, written]) {
      for (let i = 0; i + 8 <= SECRET.length; i++) {
        assert.ok(
          !text.toLowerCase().includes(SECRET.slice(i, i + 8)),
          `shows ${SECRET.slice(i, i + 8)}`,
        );
      }
    }
    const first = JSON.parse(json.stdout) as Report;
    assert.deepEqual(JSON.parse(written), first);
    assert.equal(first.schemaVersion, 2);
    assert.equal(first.inputs, "secret");
    assert.equal(first.seed, null);
    assert.match(first.nonce ?? "", /^[0-9a-f]{32}$/);
    const failures = (r: Report) => r.exercises[0].tests.map((t) => t.mismatch?.expected);
    assert.ok(failures(first).some((v) => typeof v === "number"), "failures show values");
    // The human run drew other inputs (another nonce), and says how to replay without the secret.
    const nonce = /nonce ([0-9a-f]{32})/.exec(human.stdout)?.[1];
    assert.ok(nonce && nonce !== first.nonce, human.stdout);
    assert.match(human.stdout, /grading .* with secret inputs/);
    assert.ok(!/with seed/.test(human.stdout));
    assert.ok(
      human.stdout.includes(
        `replay exactly: GRADER_SEED=<your secret> ./deno task grade mse_loss --nonce ${nonce} --dir ${dir}\n`,
      ),
      human.stdout,
    );
    const second = await cli([...args, "--format", "json"], env);
    assert.notDeepEqual(failures(JSON.parse(second.stdout)), failures(first));
    // The same secret and nonce: the same report.
    const replay = await cli([...args, "--format", "json", "--nonce", first.nonce!], env);
    assert.deepEqual(untimed(JSON.parse(replay.stdout)), untimed(first));
    // Another secret with that nonce: other inputs.
    const other = await cli([...args, "--format", "json", "--nonce", first.nonce!], {
      GRADER_SEED: "0".repeat(32),
    });
    assert.notDeepEqual(failures(JSON.parse(other.stdout)), failures(first));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the same seed gives the same hidden inputs, a different seed different ones", async () => {
  const mistakes = (await listMistakes(MANIFEST)).filter((m) => m.exercise.id === "mse_loss");
  const messages = (r: Report) => r.exercises.flatMap((e) => e.tests.map((t) => t.message ?? ""));
  const a = messages(await gradeMistakes(mistakes, 9));
  const b = messages(await gradeMistakes(mistakes, 9));
  const c = messages(await gradeMistakes(mistakes, 10));
  assert.ok(a.some((m) => /expected/.test(m)), "the mistakes fail with values in the message");
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

Deno.test("cli: without --allow-all the grader refuses to run without its memory cap", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-write",
      "--allow-run",
      "--allow-env",
      "grader/main.ts",
      "relu",
    ],
    cwd: KIT_DIR,
    env: { NO_COLOR: "1" },
  }).output();
  assert.equal(out.code, 2);
  assert.match(
    new TextDecoder().decode(out.stderr),
    /needs --allow-all: Deno reads \/proc\/PID\/status/,
  );
});

Deno.test("cli: watch shows the first unfinished exercise, a fail, the fix, the pass and the next one", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-watch-test-" });
  // Every exercise before mse_loss solved, the rest pristine stubs: the current one is 08.
  const before = MANIFEST.findIndex((e) => e.id === "mse_loss");
  for (const [k, e] of MANIFEST.entries()) {
    const solved = k < before;
    await Deno.copyFile(
      `${KIT_DIR}/${solved ? "solutions" : STUBS_DIR}/${e.file}`,
      `${dir}/${e.file}`,
    );
  }
  const file = `${dir}/08_mse_loss.ts`;
  await Deno.copyFile(`${KIT_DIR}/solutions/08_mse_loss.ts`, `${dir}/mse_solution.ts`);
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${KIT_DIR}/grader/main.ts`, "watch", "--dir", dir, "--seed", "3"],
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  // Fails (rather than hangs) when the expected output does not come within 30 s.
  const waitFor = async (pattern: RegExp) => {
    const giveUp = Date.now() + 30_000;
    while (!pattern.test(text)) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no ${pattern} within 30 s; output so far:\n${text}`)),
          Math.max(0, giveUp - Date.now()),
        );
      });
      try {
        const { value, done } = await Promise.race([reader.read(), late]);
        if (done) throw new Error(`output ended before ${pattern}:\n${text}`);
        text += value;
      } finally {
        clearTimeout(timer);
      }
    }
  };
  /** What the screen shows after the last mark. */
  const screen = () => text.slice(text.lastIndexOf("gradkit watch:"));
  try {
    await waitFor(/watching .* for changes/);
    assert.ok(screen().includes(`${progressBar(before, MANIFEST.length)} exercises passed`));
    assert.match(screen(), /now: .*08_mse_loss\.ts \(Mean squared error\)\nnot started mse_loss/);
    // A mistake: the exercise just saved, failed.
    const wrong = await forgotMean();
    text = "";
    await Deno.writeTextFile(file, wrong);
    await waitFor(/FAILED {6}mse_loss[\s\S]*watching/);
    assert.match(screen(), /saved 08_mse_loss\.ts; re-graded 1 exercise in/);
    assert.match(screen(), /hint: \.\/deno task hint mse_loss/);
    // The fix: it passes, says so, and moves on to the next unfinished exercise.
    text = "";
    await Deno.copyFile(`${KIT_DIR}/solutions/08_mse_loss.ts`, file);
    await waitFor(/✓ mse_loss passes[\s\S]*watching/);
    assert.ok(screen().includes(`${progressBar(before + 1, MANIFEST.length)} exercises passed`));
    assert.match(screen(), /next: affine_layer/);
    assert.match(
      screen(),
      /now: .*09_affine_layer\.ts .*\nnot started affine_layer/,
    );
    assert.ok(!text.includes("\x1b"), "no screen clearing or colour in a pipe");
    child.kill("SIGINT");
    const status = await child.status;
    assert.equal(status.code, 0);
  } finally {
    reader.releaseLock();
    await child.stdout.cancel().catch(() => {});
    await child.stderr.cancel();
    try {
      child.kill("SIGKILL");
    } catch {
      // already ended
    }
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the grade task runs the grader with the V8 flags measured for it", async () => {
  // GC on the main thread; Maglev as top tier (the grader's code runs for milliseconds per test,
  // and TurboFan's compiles cost more than they save there); every function compiled when its
  // module loads, so that Deno's code cache holds them all (see docs/PERFORMANCE.md's
  // section). The bench times this very command.
  const config = JSON.parse(await Deno.readTextFile(`${KIT_DIR}/deno.json`));
  assert.equal(
    config.tasks.grade,
    "deno run --allow-all --v8-flags=--single-threaded-gc,--max-opt=2,--no-lazy grader/main.ts",
  );
});
