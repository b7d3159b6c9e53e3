/**
 * A readers–writer lock for one sandbox slot: exercises graded side by side in the slot's
 * sandbox hold it shared; an exercise graded alone (after a failure nobody could be charged
 * with, see `grade_exercise.ts`) holds it exclusively. Writers go first: once one waits, no new
 * shared holder gets in, so an exercise waiting to run alone waits only for those already
 * running.
 *
 * @module
 */

/** A readers–writer lock that prefers writers. */
export class SlotLock {
  #shared = 0;
  #exclusive = false;
  /** Writers waiting, in order. */
  readonly #writers: (() => void)[] = [];
  /** Readers waiting for the writers to finish. */
  #readers: (() => void)[] = [];

  /** Runs `fn` while holding the lock shared (with other shared holders). */
  async shared<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#exclusive || this.#writers.length > 0) {
      await new Promise<void>((resolve) => this.#readers.push(resolve));
    } else {
      this.#shared++;
    }
    try {
      return await fn();
    } finally {
      this.#shared--;
      this.#next();
    }
  }

  /** Runs `fn` while holding the lock alone. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#exclusive || this.#shared > 0 || this.#writers.length > 0) {
      await new Promise<void>((resolve) => this.#writers.push(resolve));
    } else {
      this.#exclusive = true;
    }
    try {
      return await fn();
    } finally {
      this.#exclusive = false;
      this.#next();
    }
  }

  /** Hands the lock on: to the next writer once nobody holds it, else to every waiting reader. */
  #next(): void {
    if (this.#exclusive || this.#shared > 0) return;
    const writer = this.#writers.shift();
    if (writer) {
      this.#exclusive = true;
      writer();
      return;
    }
    const readers = this.#readers;
    this.#readers = [];
    this.#shared += readers.length;
    for (const reader of readers) reader();
  }
}
