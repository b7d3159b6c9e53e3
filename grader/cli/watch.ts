/**
 * Watch mode (`./deno task watch`, `./deno task grade --watch`): grades, then again after every
 * save, and keeps one exercise on the screen: the first unfinished one in course order, or the
 * one just saved. When that one passes, it says so and moves on to the next unfinished one.
 *
 * The seed (under a secret, the nonce) stays the same, so a change of verdict comes from the
 * code; the sandboxes stay warm. A save to an exercise file re-grades that exercise and those
 * that import it; a save to any other source file re-grades them all. Ends on Ctrl-C.
 *
 * @module
 */

import { GradingSession } from "../grade.ts";
import type { SandboxPool } from "../pool.ts";
import type { ExerciseReport, Report } from "../report.ts";
import { summarize } from "../report.ts";
import { nextExercise, renderExercise, wrap } from "../reporters/terminal.ts";
import type { Limits } from "../sandbox/sandbox.ts";
import type { RunSeed } from "../secret_seed.ts";
import { MANIFEST } from "../manifest.ts";
import { importGraph } from "../imports.ts";
import { clearScreen, progressBar } from "./tty.ts";

/** What watch mode needs. */
export interface WatchOptions {
  dir: string;
  ids: string[];
  seed: RunSeed;
  limits: Partial<Limits>;
  jobs?: number;
  pool?: SandboxPool;
  color: boolean;
  width: number;
  verbose: boolean;
  replay: string;
  /** Curves in plain ASCII, not block characters (see `useUnicode` in `tty.ts`). */
  ascii?: boolean;
  /**
   * Called with the whole report after every grading (the command line writes the curves page
   * with it); a line it returns is shown with the news.
   */
  afterGrading?(report: Report): Promise<string | undefined>;
}

const SOURCE_FILE = /\.(ts|js|mts|mjs|json)$/;

/**
 * The screen for the current state: progress, what just happened (`news`), the current
 * exercise in full, and how to go on. Exported for tests.
 */
export function watchScreen(
  report: Report,
  current: ExerciseReport | undefined,
  news: string[],
  o: {
    color: boolean;
    width: number;
    verbose: boolean;
    replay: string;
    dir: string;
    ascii?: boolean;
  },
): string {
  const s = report.summary;
  const from = report.inputs === "secret" ? `nonce ${report.nonce}` : `seed ${report.seed}`;
  const out = [`gradkit watch: ${progressBar(s.passed, s.total)} exercises passed (${from})`, ""];
  for (const line of news) out.push(wrap(line, o.width));
  if (news.length) out.push("");
  if (current) {
    out.push(`now: ${o.dir.replace(/\/+$/, "")}/${current.file} (${current.title})`);
    out.push(renderExercise(current, o).trimEnd());
  } else {
    out.push("every exercise passes: the course is done");
  }
  out.push("", `watching ${o.dir} for changes (Ctrl-C to stop); replay: ${o.replay}`, "");
  return out.join("\n");
}

/** Runs watch mode until Ctrl-C; its exit status. */
export async function watch(o: WatchOptions): Promise<number> {
  const session = await GradingSession.open({
    dir: o.dir,
    limits: o.limits,
    jobs: o.jobs,
    pool: o.pool,
  });
  const print = (text: string) => Deno.stdout.writeSync(new TextEncoder().encode(text));
  // Watch before the first grading: a save made while it runs, or right after "watching" is
  // printed, is then never missed (it queues, and is graded next).
  const watcher = Deno.watchFs(o.dir);
  const watched = Deno.realPathSync(o.dir);
  const first = await session.grade({ seed: o.seed, ids: o.ids });
  const latest = new Map(first.exercises.map((e) => [e.id, e]));
  const byFile = new Map(first.exercises.map((e) => [e.file, e.id]));
  const merged = (report: Report): Report => {
    const exercises: ExerciseReport[] = [...latest.values()];
    return { ...report, exercises, summary: summarize(exercises) };
  };
  /** The exercise to show: the first unfinished one (or the file it imports that fails). */
  const nextOf = (report: Report) => {
    const next = nextExercise(report);
    return next && (latest.get(next.id) ?? latest.get(next.importedBy ?? ""));
  };
  const show = (report: Report, current: ExerciseReport | undefined, news: string[]) =>
    print(clearScreen() + watchScreen(report, current, news, o));
  const curves = await o.afterGrading?.(first);
  show(first, nextOf(first), curves ? [curves] : []);

  const stop = () => watcher.close();
  Deno.addSignalListener("SIGINT", stop);
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve();
  const regrade = async () => {
    const changed = [...pending];
    pending = new Set();
    let ids: string[];
    if (changed.every((f) => byFile.has(f))) {
      // The saved exercises, and those that import them.
      const saved = new Set(changed.map((f) => byFile.get(f)!));
      const graph = importGraph(o.dir, MANIFEST);
      ids = [...latest.keys()].filter((id) =>
        saved.has(id) || (graph.get(id) ?? []).some((e) => saved.has(e.id))
      );
    } else ids = [...latest.keys()];
    const before = new Map(latest);
    const report = await session.grade({ seed: o.seed, ids });
    for (const e of report.exercises) latest.set(e.id, e);
    const all = merged(report);
    const when = new Date().toTimeString().slice(0, 8);
    const news = [
      `${when}: saved ${changed.join(", ")}; re-graded ${report.exercises.length} exercise${
        report.exercises.length === 1 ? "" : "s"
      } in ${(report.durationMs / 1000).toFixed(2)} s`,
    ];
    // The exercise just saved stays on screen until it passes; then the next unfinished one.
    const saved = changed.map((f) => latest.get(byFile.get(f) ?? ""))
      .filter((e): e is ExerciseReport => e !== undefined);
    for (const e of saved) {
      if (e.status === "passed" && before.get(e.id)?.status !== "passed") {
        news.push(`✓ ${e.id} passes: every hidden test passed.`);
      }
    }
    const unfinished = saved.find((e) => e.status !== "passed");
    const current = unfinished ?? nextOf(all);
    if (!unfinished && current) news.push(`next: ${current.id} (${current.title})`);
    const curves = await o.afterGrading?.(all);
    if (curves) news.push(curves);
    show(all, current, news);
  };
  try {
    for await (const event of watcher) {
      if (event.kind === "access") continue;
      for (const path of event.paths) {
        // A dot folder (reset's backups) is never graded.
        const inside = path.startsWith(`${watched}/`) ? path.slice(watched.length + 1) : path;
        if (inside.split("/").some((part) => part.startsWith("."))) continue;
        const name = path.slice(path.lastIndexOf("/") + 1);
        if (SOURCE_FILE.test(name)) pending.add(name);
      }
      if (pending.size === 0) continue;
      // Editors write a file in several steps: wait for the burst to end.
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(regrade).catch((e) => {
          print(`\ngradkit: could not grade: ${(e as Error).message}\n`);
        });
      }, 80);
    }
  } finally {
    clearTimeout(timer);
    Deno.removeSignalListener("SIGINT", stop);
    await running;
    await session.close();
  }
  return 0;
}
