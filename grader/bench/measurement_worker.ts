/**
 * Runs one measurement of `./measurements.ts` in a worker of its own, so that it starts from a
 * fresh V8 isolate (no code compiled for another size), and posts the result back.
 *
 * @module
 */

import { measure, type Measurement } from "./measurements.ts";

/** The worker's global scope (typed by hand: the kit type-checks with the window's types). */
const scope = self as unknown as {
  onmessage: (e: MessageEvent<Measurement>) => void;
  postMessage(result: unknown): void;
  close(): void;
};

scope.onmessage = (e) => {
  scope.postMessage(measure(e.data));
  scope.close();
};
