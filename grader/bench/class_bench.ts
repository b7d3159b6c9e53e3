/**
 * Class grading, measured for `deno task bench` (`summary.ts`): `./deno task class` against a
 * shell loop that runs `./deno task grade --dir` once per submission, two at a time (what an
 * instructor would write without it), on the same generated class of 20 (`grader/class/
 * generate.ts`), taking turns; the class command with 1 to 4 submissions at once (`--jobs`); and
 * a generated class of 200. Each class run writes into a new output folder (a folder already
 * graded would be kept, not graded). Every command is run as typed, wrapper and task runner
 * included.
 *
 * Beside the wall times, in the same rounds: a Deno hello-world process, and the least a fresh
 * sandbox can cost (a process that starts one Web Worker and ends), the unit the class command
 * pays once per submission; and the CPU time (user and system, the command's processes and
 * everything they waited for) of the class runs. Run alone with
 * `./deno run --allow-all grader/bench/class_bench.ts` (`BENCH_CLASS_RUNS=N` rounds, default 3).
 *
 * @module
 */

import { generateClass } from "../class/generate.ts";

const KIT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
const WORK = `${KIT}/.cache/bench-class`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * CPU time (user and system) used so far by the processes this one waited for, in ms, from
 * `/proc/self/stat` (0 where there is none). A command's processes are all waited for, except
 * those left to end on their own (a one-shot grading's sandbox): those are not counted.
 */
function childCpuMs(): number {
  try {
    const text = Deno.readTextFileSync("/proc/self/stat");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) * 10; // cutime, cstime; USER_HZ is 100
  } catch {
    return 0;
  }
}

/** Wall and CPU time of a shell command run at the kit's folder, in ms; throws if it fails. */
async function shellTimes(script: string): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = childCpuMs();
  const wallMs = await shellMs(script);
  return { wallMs, cpuMs: childCpuMs() - cpu };
}

/** Wall time of a shell command run at the kit's folder, in ms; throws if it fails. */
async function shellMs(script: string): Promise<number> {
  const t = performance.now();
  const out = await new Deno.Command("sh", {
    args: ["-c", script],
    cwd: KIT,
    stdout: "null",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const ms = performance.now() - t;
  if (out.code !== 0) {
    throw new Error(`${script}: exit ${out.code}: ${new TextDecoder().decode(out.stderr)}`);
  }
  return ms;
}

let outputs = 0;

/** `./deno task class` on `dir` into a new folder, `jobs` at once (default: the cores). */
function classCommand(dir: string, jobs?: number): string {
  const out = `${WORK}/out-${outputs++}`;
  return `./deno task class ${dir} --out ${out} --seed 1${
    jobs ? ` --jobs ${jobs}` : ""
  } 2>/dev/null`;
}

/** Wall time of {@linkcode classCommand}, in ms. */
function classMs(dir: string, jobs?: number): Promise<number> {
  return shellMs(classCommand(dir, jobs));
}

/** The two smallest processes, run as the class command runs its sandboxes (the binary itself). */
async function writeProbes(): Promise<{ hello: string; worker: string }> {
  await Deno.mkdir(WORK, { recursive: true });
  const hello = `${WORK}/hello.js`;
  const worker = `${WORK}/worker_start.js`;
  await Deno.writeTextFile(hello, 'console.log("hello");\n');
  await Deno.writeTextFile(`${WORK}/worker_end.js`, "postMessage(0);\n");
  await Deno.writeTextFile(
    worker,
    'const w = new Worker(new URL("./worker_end.js", import.meta.url), { type: "module" });\n' +
      "w.onmessage = () => Deno.exit(0);\n",
  );
  return { hello, worker };
}

/** `deno run` of `file`, `times` times in a row: wall and CPU time per run, in ms. */
async function processTimes(
  file: string,
  times: number,
): Promise<{ wallMs: number; cpuMs: number }> {
  const { wallMs, cpuMs } = await shellTimes(
    `for i in $(seq ${times}); do "${Deno.execPath()}" run --allow-read ${file} >/dev/null; done`,
  );
  return { wallMs: wallMs / times, cpuMs: cpuMs / times };
}

/** The loop an instructor would write: `deno task grade --dir` per submission, two at a time. */
function loopMs(dir: string): Promise<number> {
  return shellMs(
    `for s in ${dir}/*; do d=$s; [ -d $s/exercises ] && d=$s/exercises; echo $d; done | ` +
      `xargs -P 2 -I {} sh -c './deno task grade --dir {} --seed 1 >/dev/null 2>&1; ` +
      `[ $? -le 1 ]'`,
  );
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The class figures: medians over `runs` rounds (each round: the loop, the class command at its
 * default, then at 1, 2, 3 and 4 at once), and one class of 200.
 */
export async function classBench(runs: number) {
  await Deno.remove(WORK, { recursive: true }).catch(() => {});
  const small = `${WORK}/class-20`;
  const large = `${WORK}/class-200`;
  await generateClass(small, { count: 20 });
  await generateClass(large, { count: 200 });
  const probes = await writeProbes();
  await classMs(small); // warm the caches
  const loop: number[] = [];
  const cls: number[] = [];
  const clsCpu: number[] = [];
  const hello: number[] = [];
  const helloCpu: number[] = [];
  const worker: number[] = [];
  const workerCpu: number[] = [];
  const byJobs: Record<number, number[]> = { 1: [], 2: [], 3: [], 4: [] };
  for (let i = 0; i < runs; i++) {
    const h = await processTimes(probes.hello, 5);
    hello.push(h.wallMs);
    helloCpu.push(h.cpuMs);
    const w = await processTimes(probes.worker, 5);
    worker.push(w.wallMs);
    workerCpu.push(w.cpuMs);
    loop.push(await loopMs(small));
    const c = await shellTimes(classCommand(small));
    cls.push(c.wallMs);
    clsCpu.push(c.cpuMs);
    for (const jobs of [1, 2, 3, 4]) byJobs[jobs].push(await classMs(small, jobs));
  }
  const class200 = await shellTimes(classCommand(large));
  await Deno.remove(WORK, { recursive: true }).catch(() => {});
  const helloMs = median(hello);
  const workerCpuMs = median(workerCpu);
  const cores = navigator.hardwareConcurrency;
  return {
    loop20Ms: round1(median(loop)),
    class20Ms: round1(median(cls)),
    classVsLoop: Math.round(median(loop) / median(cls) * 100) / 100,
    loop20RangeMs: [round1(Math.min(...loop)), round1(Math.max(...loop))],
    class20RangeMs: [round1(Math.min(...cls)), round1(Math.max(...cls))],
    class20ByJobsMs: Object.fromEntries(
      Object.entries(byJobs).map(([jobs, xs]) => [jobs, round1(median(xs))]),
    ),
    class200Ms: round1(class200.wallMs),
    /** CPU time of a class run per submission graded (every process of the run). */
    class20CpuPerSubmissionMs: round1(median(clsCpu) / 20),
    class200CpuPerSubmissionMs: round1(class200.cpuMs / 200),
    helloWorldMs: round1(helloMs),
    helloWorldCpuMs: round1(median(helloCpu)),
    /** A process that starts one Web Worker and ends: the least a fresh sandbox costs. */
    workerProcessMs: round1(median(worker)),
    workerProcessCpuMs: round1(workerCpuMs),
    class200InHelloWorlds: round1(class200.wallMs / helloMs),
    /**
     * The least a class of 200 could take here if grading cost nothing: one fresh sandbox's CPU
     * per submission, on every core.
     */
    class200FloorMs: round1(200 * workerCpuMs / cores),
    targets: { classVsLoop: 2, class200Ms: 10_000 },
  };
}

if (import.meta.main) {
  const result = await classBench(Number(Deno.env.get("BENCH_CLASS_RUNS") ?? 3));
  console.log(JSON.stringify(result, null, 2));
}
