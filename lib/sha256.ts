/**
 * SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), synchronous, in plain 32-bit integer
 * arithmetic. WebCrypto's `crypto.subtle` computes the same digests, but only asynchronously,
 * and the grader draws each hidden test's inputs synchronously: its generator is keyed with
 * {@linkcode HmacSha256} (see `grader/secret_seed.ts` and `Rng.fork`). The tests
 * check both functions against `crypto.subtle` and against published vectors.
 *
 * Not constant-time, and not meant to protect a key from code in the same process: the grader's
 * secret lives in the grader's process, where no learner code runs.
 *
 * @module
 */

// The round constants: the first 32 bits of the fractional parts of the cube roots of the first
// 64 primes (computed with exact integer arithmetic, not copied).
// deno-fmt-ignore
const K = Int32Array.of(
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
);

// The initial hash value: the first 32 bits of the fractional parts of the square roots of the
// first 8 primes.
// deno-fmt-ignore
const IV = Int32Array.of(
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
);

const BLOCK = 64;
/** Given as a key, leaves an {@linkcode HmacSha256}'s fields for `withPrefix` to set. */
const UNSET = new Uint8Array(0);
const W = new Int32Array(64); // the message schedule, reused by every block

/** Mixes `blocks` 64-byte blocks of `data`, from `offset` on, into the hash state `h`. */
function compress(h: Int32Array, data: Uint8Array, offset: number, blocks: number): void {
  // Every sum is truncated to 32 bits as it is made ((x + y) | 0), which keeps V8 in integer
  // arithmetic: a sum of five terms before one truncation ran ten times slower.
  const w = W;
  for (let n = 0; n < blocks; n++, offset += BLOCK) {
    for (let i = 0, j = offset; i < 16; i++, j += 4) {
      w[i] = (data[j] << 24) | (data[j + 1] << 16) | (data[j + 2] << 8) | data[j + 3];
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15], y = w[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (((w[i - 16] + s0) | 0) + ((w[i - 7] + s1) | 0)) | 0;
    }
    let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (((((k + S1) | 0) + ch) | 0) + ((K[i] + w[i]) | 0)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + ((S0 + maj) | 0)) | 0;
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0;
    h[5] = (h[5] + f) | 0;
    h[6] = (h[6] + g) | 0;
    h[7] = (h[7] + k) | 0;
  }
}

const H = new Int32Array(8); // the state of the digest being computed
const TAIL = new Uint8Array(2 * BLOCK); // the last block or two, padded

/**
 * The digest of `message` hashed after `before` bytes already mixed into `state` (a multiple of
 * 64: a precomputed prefix, as HMAC's padded key), as 32 bytes. `state` is not changed.
 */
function finish(state: Int32Array, before: number, message: Uint8Array): Uint8Array {
  const h = H;
  h.set(state);
  const length = message.length;
  const whole = length - (length % BLOCK);
  compress(h, message, 0, whole / BLOCK);
  // The tail, 0x80, zeros, and the length in bits as a 64-bit big-endian number.
  const rest = length - whole;
  const size = rest + 9 <= BLOCK ? BLOCK : 2 * BLOCK;
  const tail = TAIL;
  tail.fill(0);
  for (let i = 0; i < rest; i++) tail[i] = message[whole + i];
  tail[rest] = 0x80;
  const bytes = before + length;
  writeWord(tail, size - 8, Math.floor(bytes / 0x20000000));
  writeWord(tail, size - 4, bytes * 8);
  compress(h, tail, 0, size / BLOCK);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) writeWord(out, 4 * i, h[i]);
  return out;
}

/** Writes the low 32 bits of `x` at `at`, big-endian. */
function writeWord(to: Uint8Array, at: number, x: number): void {
  to[at] = x >>> 24;
  to[at + 1] = x >>> 16;
  to[at + 2] = x >>> 8;
  to[at + 3] = x;
}

/**
 * The SHA-256 digest of `message` (32 bytes).
 *
 * @example
 * ```ts
 * const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
 * hex(sha256(new TextEncoder().encode("abc")));
 * // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 */
export function sha256(message: Uint8Array): Uint8Array {
  return finish(IV, 0, message);
}

/**
 * HMAC-SHA-256 under one key, with the key's two padded blocks hashed once, up front: each
 * {@linkcode HmacSha256.digest} then costs the message's blocks and one more. A common start of
 * many messages can be hashed once too ({@linkcode HmacSha256.withPrefix}).
 *
 * @example
 * ```ts
 * const mac = new HmacSha256(new TextEncoder().encode("key"));
 * mac.digest(new TextEncoder().encode("message")); // 32 bytes
 * ```
 */
export class HmacSha256 {
  /** The inner hash's state after the padded key and the prefix's whole blocks. */
  #inner!: Int32Array;
  #outer!: Int32Array;
  /** The bytes mixed into `#inner`: a multiple of 64. */
  #mixed!: number;
  /** The prefix's bytes after its last whole block (fewer than 64). */
  #pending!: Uint8Array;

  /** Prepares `key` (any length; a key longer than 64 bytes is hashed first, as RFC 2104 says). */
  constructor(key: Uint8Array) {
    if (key === UNSET) return; // withPrefix sets the fields
    const block = new Uint8Array(BLOCK);
    block.set(key.length > BLOCK ? sha256(key) : key);
    const pad = new Uint8Array(BLOCK);
    this.#inner = IV.slice();
    for (let i = 0; i < BLOCK; i++) pad[i] = block[i] ^ 0x36;
    compress(this.#inner, pad, 0, 1);
    this.#outer = IV.slice();
    for (let i = 0; i < BLOCK; i++) pad[i] = block[i] ^ 0x5c;
    compress(this.#outer, pad, 0, 1);
    this.#mixed = BLOCK;
    this.#pending = new Uint8Array(0);
    block.fill(0);
    pad.fill(0);
  }

  /**
   * This key with `prefix` already fed in: its `digest(m)` is this one's `digest(prefix ‖ m)`,
   * and costs only the blocks `prefix` does not fill.
   *
   * @example
   * ```ts
   * const mac = new HmacSha256(key).withPrefix(new TextEncoder().encode("run 17, "));
   * mac.digest(new TextEncoder().encode("test 3")); // HMAC of "run 17, test 3"
   * ```
   */
  withPrefix(prefix: Uint8Array): HmacSha256 {
    const all = concat(this.#pending, prefix);
    const whole = all.length - (all.length % BLOCK);
    const next = new HmacSha256(UNSET);
    const inner = this.#inner.slice();
    compress(inner, all, 0, whole / BLOCK);
    next.#inner = inner;
    next.#outer = this.#outer;
    next.#mixed = this.#mixed + whole;
    next.#pending = all.slice(whole);
    return next;
  }

  /** The HMAC of `message` (after the prefix, if any) under this key (32 bytes). */
  digest(message: Uint8Array): Uint8Array {
    const inner = finish(this.#inner, this.#mixed, concat(this.#pending, message));
    return finish(this.#outer, BLOCK, inner);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * HMAC-SHA-256 of `message` under `key` (32 bytes). For many messages under one key,
 * {@linkcode HmacSha256} hashes the key once.
 *
 * @example
 * ```ts
 * hmacSha256(new TextEncoder().encode("key"), new TextEncoder().encode("message"));
 * ```
 */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return new HmacSha256(key).digest(message);
}

/**
 * Each part as its length (4 bytes, big-endian) and its bytes, one after the other: no two lists
 * of parts encode alike, so hashing the encoding of a list hashes the list.
 *
 * @example
 * ```ts
 * encodeParts(["ab", "c"]); // 0,0,0,2, 97,98, 0,0,0,1, 99 (unlike ["a", "bc"])
 * ```
 */
export function encodeParts(parts: readonly (string | Uint8Array)[]): Uint8Array {
  const encoder = new TextEncoder();
  const bytes = parts.map((p) => typeof p === "string" ? encoder.encode(p) : p);
  const out = new Uint8Array(bytes.reduce((n, b) => n + 4 + b.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const b of bytes) {
    view.setUint32(at, b.length);
    out.set(b, at + 4);
    at += 4 + b.length;
  }
  return out;
}

/** `bytes` in lower-case hexadecimal, two digits a byte. */
export function toHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/**
 * The bytes that hexadecimal `text` spells (two digits a byte); throws a RangeError on an odd
 * length or a character that is not a hexadecimal digit.
 */
export function fromHex(text: string): Uint8Array {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) {
    throw new RangeError(
      `fromHex: expected pairs of hexadecimal digits, got ${text.length} characters`,
    );
  }
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}
