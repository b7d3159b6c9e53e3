/**
 * Seeded random numbers that are the same on every machine: the grader draws every hidden test's
 * inputs from an {@linkcode Rng}, so `--seed N` replays a grading run exactly.
 *
 * The generator is xoshiro128** (32-bit integer arithmetic only, so the sequence does not depend
 * on the platform), with 128 bits of state. It starts from a public 32-bit seed
 * (`new Rng(seed)`, expanded through splitmix32: what `--seed N` replays) or from 128 secret bits
 * ({@linkcode Rng.fromBytes}: what the grader uses under `GRADER_SEED`, so that nothing it draws
 * is a function of a number small enough to search). Uniform draws carry 53 random bits;
 * Gaussian draws use the Box–Muller transform.
 *
 * @module
 */

import { HmacSha256 } from "./sha256.ts";

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Hashes numbers and strings into a 32-bit seed: `hashSeed(runSeed, "mse_loss", "batch of one")`
 * gives each test of each exercise its own stream, independent of the order tests run in. Not
 * keyed and only 32 bits: for public seeds only (a secret is keyed with `HmacSha256` instead).
 *
 * @example
 * ```ts
 * const rng = new Rng(hashSeed(1234, "mse_loss", "batch of one"));
 * ```
 */
export function hashSeed(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  const text = parts.map((p) => `${typeof p === "number" ? "n" : "s"}${p}`).join("\u0000");
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A seeded random number generator. Same seed, same sequence, on every machine. */
export class Rng {
  #seed: number | undefined;
  /** The 128 bits a generator from {@linkcode Rng.fromBytes} started from (a copy). */
  #material: Uint8Array | undefined;
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;
  #spare: number | undefined;

  /**
   * A generator seeded with `seed` (any number; it is reduced to 32 bits). For public seeds:
   * 32 bits can be searched in seconds from a few drawn values.
   *
   * @example
   * ```ts
   * new Rng(1234).uniform(-1, 1); // the same number on every machine
   * ```
   */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) {
      throw new RangeError(`Rng: the seed must be a finite number, got ${seed}`);
    }
    this.#seed = seed >>> 0;
    const st = { s: this.#seed };
    this.#s0 = splitmix32(st);
    this.#s1 = splitmix32(st);
    this.#s2 = splitmix32(st);
    this.#s3 = splitmix32(st);
    if ((this.#s0 | this.#s1 | this.#s2 | this.#s3) === 0) this.#s0 = 1;
  }

  /**
   * A generator whose whole 128-bit state is `bytes` (exactly 16 of them, read as four
   * little-endian 32-bit words), for secret key material such as an HMAC output. Its
   * {@linkcode Rng.fork}s derive from all 128 bits too.
   *
   * @example
   * ```ts
   * const rng = Rng.fromBytes(crypto.getRandomValues(new Uint8Array(16)));
   * rng.seed; // undefined: there is no 32-bit seed behind it
   * ```
   */
  static fromBytes(bytes: Uint8Array): Rng {
    if (bytes.length !== 16) {
      throw new RangeError(`Rng.fromBytes: need 16 bytes (128 bits), got ${bytes.length}`);
    }
    const rng = new Rng(0);
    const word = (i: number) =>
      (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) | 0;
    rng.#seed = undefined;
    rng.#material = bytes.slice();
    rng.#s0 = word(0);
    rng.#s1 = word(4);
    rng.#s2 = word(8);
    rng.#s3 = word(12);
    // xoshiro's one forbidden state (all zero), 2^-128 likely for key material.
    if ((rng.#s0 | rng.#s1 | rng.#s2 | rng.#s3) === 0) rng.#s0 = 1;
    return rng;
  }

  /**
   * The public 32-bit seed this generator started from (`new Rng(seed)`); undefined for one
   * from {@linkcode Rng.fromBytes}.
   */
  get seed(): number | undefined {
    return this.#seed;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.#s1, 5), 7), 9) >>> 0;
    const t = this.#s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= this.#s1;
    this.#s1 ^= this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = rotl(this.#s3, 11);
    return result;
  }

  /** A uniform number in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform number in [lo, hi). */
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }

  /** A Gaussian number with the given mean and standard deviation. */
  normal(mean = 0, std = 1): number {
    if (this.#spare !== undefined) {
      const z = this.#spare;
      this.#spare = undefined;
      return mean + std * z;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.#spare = r * Math.sin(2 * Math.PI * v);
    return mean + std * r * Math.cos(2 * Math.PI * v);
  }

  /** A uniform integer in [lo, hi) (hi excluded). */
  int(lo: number, hi: number): number {
    if (!(Number.isInteger(lo) && Number.isInteger(hi) && hi > lo)) {
      throw new RangeError(`Rng.int: need integers lo < hi, got [${lo}, ${hi})`);
    }
    return lo + Math.floor(this.next() * (hi - lo));
  }

  /** −1 or +1 with equal probability. */
  sign(): number {
    return this.nextUint32() & 1 ? 1 : -1;
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /**
   * An independent generator for a named purpose, derived from what this generator started from
   * and `label` only (not from how many numbers were drawn so far). From a public seed:
   * `new Rng(hashSeed(seed, label))`, as it has always been, so earlier `--seed` runs replay.
   * From 128 bits ({@linkcode Rng.fromBytes}): the first 16 bytes of
   * HMAC-SHA-256(those bits, label), so the child is no easier to guess than its parent.
   *
   * @example
   * ```ts
   * const data = new Rng(7).fork("data"); // the same stream however much the parent drew
   * ```
   */
  fork(label: number | string): Rng {
    if (this.#material === undefined) return new Rng(hashSeed(this.#seed!, label));
    const tagged = `${typeof label === "number" ? "n" : "s"}${label}`;
    const mac = new HmacSha256(this.#material).digest(new TextEncoder().encode(tagged));
    return Rng.fromBytes(mac.subarray(0, 16));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
