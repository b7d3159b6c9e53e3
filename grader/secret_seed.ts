/**
 * Where each hidden test's inputs come from: a run's seed, the exercise and the test's name.
 *
 * - A **public** seed (`--seed N`, or a fresh random one) is a 32-bit number, printed so that
 *   anyone can replay the run: test `t` of exercise `e` draws from
 *   `new Rng(hashSeed(N, e, t))`, as it always has. 32 bits can be searched from a few printed
 *   values in about a second, which is fine for a learner's own runs.
 * - A **secret** seed (`GRADER_SEED`, at least 128 bits) with a fresh 128-bit **nonce** per run:
 *   test `t` of exercise `e` draws from a generator whose whole 128-bit state is the first half
 *   of HMAC-SHA-256(secret, encode("gradkit hidden inputs v1", nonce, e, t)), where `encode`
 *   writes each part as its length in bytes (4 bytes, big-endian) and then its bytes (UTF-8 for
 *   text): no two lists of parts encode alike. Without the secret the inputs of one test say
 *   nothing about another's, nor about another run's (another nonce); the secret itself is
 *   never printed or stored, and neither is anything computed from it.
 *
 * @module
 */

import { hashSeed, Rng } from "@gradkit/lib";
import { encodeParts, HmacSha256, toHex } from "../lib/sha256.ts";

/** What the derivation's messages start with, so they are never mistaken for another use. */
const DOMAIN = "gradkit hidden inputs v1";

/**
 * A run's secret seed: the secret (`GRADER_SEED`) and the run's nonce. Only the nonce can be
 * read back (it is printed and stored in the report); the secret is held as HMAC key state,
 * and neither `JSON.stringify` nor `console.log` shows it.
 *
 * @example
 * ```ts
 * const seed = new SecretSeed(secret, crypto.getRandomValues(new Uint8Array(16)));
 * const rng = seed.rng("mse_loss", "a batch of one"); // this test's inputs, this run
 * seed.nonce; // 32 hexadecimal digits, for `--nonce`
 * ```
 */
export class SecretSeed {
  /** The run's nonce in hexadecimal: `--nonce` with it (and the secret) replays the run. */
  readonly nonce: string;
  /** HMAC under the secret, with the domain and the nonce fed in. */
  #mac: HmacSha256;
  /** The same, with an exercise's id fed in too, by id: a test then costs three blocks. */
  #byExercise = new Map<string, HmacSha256>();

  /** `secret`: at least 16 bytes; `nonce`: 16 bytes (see `seedChoice` in `cli_options.ts`). */
  constructor(secret: Uint8Array, nonce: Uint8Array) {
    if (secret.length < 16) {
      throw new RangeError(`SecretSeed: the secret needs 16 bytes or more, got ${secret.length}`);
    }
    if (nonce.length !== 16) {
      throw new RangeError(`SecretSeed: the nonce needs 16 bytes, got ${nonce.length}`);
    }
    this.nonce = toHex(nonce);
    this.#mac = new HmacSha256(secret).withPrefix(encodeParts([DOMAIN, nonce]));
  }

  /** The generator of one test's inputs in this run (see the module's doc). */
  rng(exerciseId: string, testName: string): Rng {
    return this.rngs(exerciseId, testName).inputs;
  }

  /**
   * One test's generators in this run: its inputs' (the first half of the MAC) and its checks'
   * (the second half: the random directions of a directional gradient check). Learner code sees
   * the inputs, and xoshiro's state can be worked out from its outputs; the checks' generator
   * shares nothing with it, so the directions cannot be.
   */
  rngs(exerciseId: string, testName: string): { inputs: Rng; checks: Rng } {
    let mac = this.#byExercise.get(exerciseId);
    if (mac === undefined) {
      mac = this.#mac.withPrefix(encodeParts([exerciseId]));
      this.#byExercise.set(exerciseId, mac);
    }
    const digest = mac.digest(encodeParts([testName]));
    return {
      inputs: Rng.fromBytes(digest.subarray(0, 16)),
      checks: Rng.fromBytes(digest.subarray(16, 32)),
    };
  }

  /** What may be shown: the nonce. */
  toJSON(): { nonce: string } {
    return { nonce: this.nonce };
  }

  /** What `console.log` and `Deno.inspect` show: the nonce. */
  [Symbol.for("Deno.customInspect")](): string {
    return `SecretSeed { nonce: "${this.nonce}" }`;
  }
}

/** A run's seed: a public 32-bit number or a {@linkcode SecretSeed}. */
export type RunSeed = number | SecretSeed;

/**
 * The generator of test `testName`'s inputs in exercise `exerciseId` (see the module's doc).
 *
 * @example
 * ```ts
 * testRng(1234, "mse_loss", "a batch of one").next(); // the same number in every run with 1234
 * ```
 */
export function testRng(seed: RunSeed, exerciseId: string, testName: string): Rng {
  return typeof seed === "number"
    ? new Rng(hashSeed(seed, exerciseId, testName))
    : seed.rng(exerciseId, testName);
}

/**
 * Test `testName`'s generators: its inputs' ({@linkcode testRng}) and its checks' (see
 * {@linkcode SecretSeed.rngs}; for a public seed, a fork of the inputs' generator).
 */
export function testRngs(
  seed: RunSeed,
  exerciseId: string,
  testName: string,
): { inputs: Rng; checks: Rng } {
  if (typeof seed !== "number") return seed.rngs(exerciseId, testName);
  const inputs = testRng(seed, exerciseId, testName);
  return { inputs, checks: inputs.fork("checks") };
}

/** How a report says where its inputs came from (see `Report` in `report.ts`). */
export interface SeedFields {
  inputs: "public" | "secret";
  seed: number | null;
  nonce: string | null;
}

/**
 * The report's fields for `seed`: the number for a public seed; only the nonce for a secret.
 *
 * @example
 * ```ts
 * seedFields(1234); // { inputs: "public", seed: 1234, nonce: null }
 * ```
 */
export function seedFields(seed: RunSeed): SeedFields {
  return typeof seed === "number"
    ? { inputs: "public", seed, nonce: null }
    : { inputs: "secret", seed: null, nonce: seed.nonce };
}
