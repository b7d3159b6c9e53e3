/**
 * A class run's output folder: the gradebook, one report per submission, and `.gradkit/`, what a
 * resumed run needs: `run.json` (the class's seed, or its nonce under a secret: never the secret)
 * and one `<file>.key` per graded submission, the key its report was graded under.
 *
 * Every file is written whole: to a temporary file in `.gradkit/`, then renamed into place. A
 * report counts as done when its key file matches: the key is removed before the report is
 * written and written after it, so a run killed at any point leaves either a report and its key,
 * or a submission graded again.
 *
 * @module
 */

import { UsageError } from "../cli_options.ts";

/** What `run.json` holds: where the class's inputs come from. */
export interface RunState {
  version: 1;
  inputs: "public" | "secret";
  seed: number | null;
  nonce: string | null;
}

/** An output folder, opened. */
export class OutputFolder {
  readonly dir: string;
  readonly stateDir: string;

  private constructor(dir: string) {
    this.dir = dir;
    this.stateDir = `${dir}/.gradkit`;
  }

  /**
   * Creates `dir` (and `.gradkit/` in it) if need be and removes the temporary files a killed run
   * left. Throws {@linkcode UsageError} if it cannot be created or is not a folder.
   */
  static open(dir: string): OutputFolder {
    const out = new OutputFolder(dir.replace(/\/+$/, "") || "/");
    try {
      Deno.mkdirSync(out.stateDir, { recursive: true });
    } catch (e) {
      throw new UsageError(`cannot create the output folder ${dir}: ${(e as Error).message}`);
    }
    for (const entry of Deno.readDirSync(out.stateDir)) {
      if (entry.name.startsWith("tmp-")) {
        try {
          Deno.removeSync(`${out.stateDir}/${entry.name}`);
        } catch {
          // another run's, just renamed
        }
      }
    }
    return out;
  }

  /** Writes `text` to `path` whole: a temporary file renamed into place. */
  writeWhole(path: string, text: string): void {
    const tmp = `${this.stateDir}/tmp-${crypto.randomUUID()}`;
    Deno.writeTextFileSync(tmp, text);
    Deno.renameSync(tmp, path);
  }

  /** The run state stored by an earlier run, or undefined. */
  readRun(): RunState | undefined {
    let text: string;
    try {
      text = Deno.readTextFileSync(`${this.stateDir}/run.json`);
    } catch {
      return undefined;
    }
    const run = JSON.parse(text) as RunState;
    if (run.version !== 1 || (run.inputs !== "public" && run.inputs !== "secret")) {
      throw new UsageError(
        `${this.stateDir}/run.json is not a class run's state (version 1) that this kit reads`,
      );
    }
    return run;
  }

  writeRun(run: RunState): void {
    this.writeWhole(`${this.stateDir}/run.json`, JSON.stringify(run, null, 2) + "\n");
  }

  /** The path of a submission's report. */
  reportPath(file: string): string {
    return `${this.dir}/${file}.json`;
  }

  #keyPath(file: string): string {
    return `${this.stateDir}/${file}.key`;
  }

  /** The report graded under `key`, if there is one (its text): else undefined. */
  doneUnder(file: string, key: string): string | undefined {
    try {
      if (Deno.readTextFileSync(this.#keyPath(file)) !== key) return undefined;
      return Deno.readTextFileSync(this.reportPath(file));
    } catch {
      return undefined;
    }
  }

  /** Stores a submission's report and the key it was graded under, in that order. */
  saveReport(file: string, key: string, reportJson: string): void {
    try {
      Deno.removeSync(this.#keyPath(file));
    } catch {
      // none yet
    }
    this.writeWhole(this.reportPath(file), reportJson);
    this.writeWhole(this.#keyPath(file), key);
  }
}
