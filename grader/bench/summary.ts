/**
 * `deno task bench`: measures what the performance targets are about, in one run on this
 * machine, and prints a JSON summary (also written to `.cache/bench.json`).
 *
 * - wall time of a Deno hello-world process, of grading every exercise in `solutions/`, and of
 *   grading one exercise (each a fresh process running what `deno task grade` runs, V8 flags
 *   included; median of several runs); of grading one exercise as a learner types it
 *   (`./deno task grade mse_loss`: the wrapper and the task runner included); and of
 *   re-grading one exercise in a warm session (what `--watch` does after a save);
 * - the reference checker on the two-layer network's loss with respect to every parameter, at
 *   the small and medium sizes, against the bare function evaluations it performs (overhead);
 * - directional mode at the medium and large sizes against the full check, with all parameters
 *   moved together (one check) and each parameter checked on its own (these in-process
 *   measurements, `./measurements.ts`, each run in a fresh worker);
 * - the numpy baseline (`../shared/bench/numpy_baseline.py`), run here, and the ratios;
 * - class grading (`./class_bench.ts`): `deno task class` against a shell loop of
 *   `deno task grade --dir`, two at a time, on the same generated class of 20, taking turns; the
 *   class command at 1–4 submissions at once; a generated class of 200; the CPU time per
 *   submission, a hello-world process and a process that only starts a Worker (the least a fresh
 *   sandbox costs), in the same rounds.
 *
 * Shared machines are noisy: every timing is the median (processes, taking turns) or the best
 * (in-process loops) of several repetitions, and only ratios within one run mean much.
 *
 * @module
 */

import { GradingSession } from "../grade.ts";
import type { CheckerTiming, DirectionalTiming, Measurement } from "./measurements.ts";
import { classBench } from "./class_bench.ts";

const KIT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The arguments `deno task grade` runs Deno with (its V8 flags included), from deno.json. */
function gradeTask(): string[] {
  const config = JSON.parse(Deno.readTextFileSync(`${KIT}/deno.json`));
  const [deno, ...args] = String(config.tasks.grade).split(/\s+/);
  if (deno !== "deno") throw new Error(`unexpected grade task: ${config.tasks.grade}`);
  return args;
}

/** A process to time: Deno (by default) or another command, with its arguments. */
interface Timed {
  args: string[];
  command?: string;
}

/** Wall time of one run of a process, in ms. Throws if it fails (exit status above 1). */
async function runMs({ args, command = Deno.execPath() }: Timed): Promise<number> {
  const t = performance.now();
  const out = await new Deno.Command(command, {
    args,
    cwd: KIT,
    stdout: "null",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const ms = performance.now() - t;
  if (out.code > 1) throw new Error(`${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
  return ms;
}

/**
 * Median wall time of each process over `runs` rounds, the processes taking turns within each
 * round: a shared machine's load drifts over seconds, and taking turns spreads the drift over
 * all of them, so that their ratios hold.
 */
async function interleavedMs(processes: Timed[], runs: number): Promise<number[]> {
  const times = processes.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [k, p] of processes.entries()) times[k].push(await runMs(p));
  }
  return times.map(median);
}

/** Runs one in-process measurement in a new worker (a fresh V8 isolate) and returns its result. */
function inWorker<T>(measurement: Measurement): Promise<T> {
  const worker = new Worker(new URL("./measurement_worker.ts", import.meta.url), {
    type: "module",
  });
  return new Promise<T>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<T>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      reject(new Error(`measurement ${JSON.stringify(measurement)} failed: ${e.message}`));
    };
    worker.postMessage(measurement);
  });
}

async function numpy(): Promise<Record<string, { seconds: number; evals: number }> | string> {
  const script = `${KIT}/../shared/bench/numpy_baseline.py`;
  try {
    const out = await new Deno.Command("python3", {
      args: [script],
      stdout: "piped",
      stderr: "piped",
    })
      .output();
    if (out.code !== 0) {
      return `numpy baseline failed: ${new TextDecoder().decode(out.stderr).trim()}`;
    }
    return JSON.parse(new TextDecoder().decode(out.stdout));
  } catch (e) {
    return `numpy baseline not run: ${(e as Error).message}`;
  }
}

/** Watch mode: the wall time of re-grading one exercise in a warm session (median). */
async function watchRegradeMs(runs: number): Promise<number> {
  const session = await GradingSession.open({ dir: `${KIT}/solutions` });
  try {
    await session.grade({ seed: 1, ids: ["mse_loss"] });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await session.grade({ seed: 1, ids: ["mse_loss"] });
      times.push(performance.now() - t);
    }
    return median(times);
  } finally {
    await session.close();
  }
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** A directional measurement, rounded for the summary. */
function timed(d: DirectionalTiming) {
  return {
    ...d,
    ms: round(d.ms),
    bareEvaluationsMs: round(d.bareEvaluationsMs),
    overhead: round(d.overhead, 2),
  };
}

async function main(): Promise<void> {
  const runs = Number(Deno.env.get("BENCH_RUNS") ?? 5);
  const hello = `${KIT}/.cache/bench_hello.ts`;
  await Deno.mkdir(`${KIT}/.cache`, { recursive: true });
  await Deno.writeTextFile(hello, 'console.log("hello");\n');
  const grade = [...gradeTask(), "--dir", "solutions", "--seed", "1"];
  // Warm the caches (transpiled modules of the grader and of the sandbox) before timing.
  await runMs({ args: grade });
  const [helloMs, allMs, oneMs, typedMs] = await interleavedMs([
    { args: ["run", hello] },
    { args: grade },
    { args: [...grade, "mse_loss"] },
    {
      args: ["task", "grade", "--dir", "solutions", "--seed", "1", "mse_loss"],
      command: `${KIT}/deno`,
    },
  ], runs);
  const watchMs = await watchRegradeMs(runs);

  // Each in its own worker, that is a fresh V8 isolate, as a learner's check would run: code
  // that V8 compiled for one size runs another size up to 30% slower.
  const small = await inWorker<CheckerTiming>({ kind: "checker", size: "small", reps: 500 });
  const medium = await inWorker<CheckerTiming>({ kind: "checker", size: "medium", reps: 3 });
  const directional = (size: "medium" | "large", joint: boolean, reps: number) =>
    inWorker<DirectionalTiming>({ kind: "directional", size, directions: 8, joint, reps });
  const dirMedium = await directional("medium", true, 100);
  const dirMediumEach = await directional("medium", false, 40);
  const dirLarge = await directional("large", true, 3);
  const dirLargeEach = await directional("large", false, 2);
  const base = await numpy();
  const classGrading = await classBench(Number(Deno.env.get("BENCH_CLASS_RUNS") ?? 3));

  const summary = {
    machine: { cores: navigator.hardwareConcurrency, deno: Deno.version.deno },
    grading: {
      helloWorldMs: round(helloMs, 1),
      allSolutionsMs: round(allMs, 1),
      allVsHelloWorld: round(allMs / helloMs, 2),
      oneExerciseMs: round(oneMs, 1),
      oneExerciseAsTypedMs: round(typedMs, 1),
      watchRegradeOneExerciseMs: round(watchMs, 1),
      targets: {
        allSolutionsMs: 1000,
        allVsHelloWorld: 8,
        oneExerciseMs: 250,
        oneExerciseAsTypedMs: 250,
        watchRegradeOneExerciseMs: 250,
      },
    },
    checker: {
      small: {
        ...small,
        fullMs: round(small.fullMs),
        bareEvaluationsMs: round(small.bareEvaluationsMs),
        overhead: round(small.overhead, 2),
      },
      medium: {
        ...medium,
        fullMs: round(medium.fullMs),
        bareEvaluationsMs: round(medium.bareEvaluationsMs),
        overhead: round(medium.overhead, 2),
      },
      targets: { overhead: 1.2 },
    },
    directional: {
      medium: timed(dirMedium),
      mediumEachParameter: timed(dirMediumEach),
      large: timed(dirLarge),
      largeEachParameter: timed(dirLargeEach),
      fullVsDirectionalAtMedium: round(medium.fullMs / dirMedium.ms, 1),
    },
    numpy: typeof base === "string" ? base : {
      smallMs: round(base.small.seconds * 1000),
      mediumMs: round(base.medium.seconds * 1000),
      speedupSmall: round(base.small.seconds * 1000 / small.fullMs, 1),
      speedupMedium: round(base.medium.seconds * 1000 / medium.fullMs, 2),
      directionalSpeedupMedium: round(base.medium.seconds * 1000 / dirMedium.ms, 0),
      directionalSpeedupMediumEachParameter: round(
        base.medium.seconds * 1000 / dirMediumEach.ms,
        0,
      ),
      targets: { speedupSmall: 10, speedupMedium: 1 / 3, directionalSpeedupMedium: 100 },
    },
    class: classGrading,
  };
  const text = JSON.stringify(summary, null, 2) + "\n";
  await Deno.writeTextFile(`${KIT}/.cache/bench.json`, text);
  console.log(text);
}

if (import.meta.main) await main();
