/**
 * Class grading, measured for `deno task bench` (`summary.ts`): `./deno task class` against a
 * shell loop that runs `./deno task grade --dir` once per submission, two at a time (what an
 * instructor would write without it), on the same generated class of 20 (`grader/class/
 * generate.ts`), taking turns; the class command with 1 to 4 submissions at once (`--jobs`); and
 * a generated class of 200. Each class run writes into a new output folder (a folder already
 * graded would be kept, not graded). Every command is run as typed, wrapper and task runner
 * included.
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
function classMs(dir: string, jobs?: number): Promise<number> {
  const out = `${WORK}/out-${outputs++}`;
  return shellMs(
    `./deno task class ${dir} --out ${out} --seed 1${jobs ? ` --jobs ${jobs}` : ""} 2>/dev/null`,
  );
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
  await classMs(small); // warm the caches
  const loop: number[] = [];
  const cls: number[] = [];
  const byJobs: Record<number, number[]> = { 1: [], 2: [], 3: [], 4: [] };
  for (let i = 0; i < runs; i++) {
    loop.push(await loopMs(small));
    cls.push(await classMs(small));
    for (const jobs of [1, 2, 3, 4]) byJobs[jobs].push(await classMs(small, jobs));
  }
  const class200Ms = await classMs(large);
  await Deno.remove(WORK, { recursive: true }).catch(() => {});
  return {
    loop20Ms: round1(median(loop)),
    class20Ms: round1(median(cls)),
    classVsLoop: Math.round(median(loop) / median(cls) * 100) / 100,
    loop20RangeMs: [round1(Math.min(...loop)), round1(Math.max(...loop))],
    class20RangeMs: [round1(Math.min(...cls)), round1(Math.max(...cls))],
    class20ByJobsMs: Object.fromEntries(
      Object.entries(byJobs).map(([jobs, xs]) => [jobs, round1(median(xs))]),
    ),
    class200Ms: round1(class200Ms),
    targets: { classVsLoop: 2, class200Ms: 10_000 },
  };
}
