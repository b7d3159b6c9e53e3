import assert from "node:assert/strict";
import { hashSeed, Rng } from "@gradkit/lib";
import { SecretSeed, seedFields, testRng, testRngs } from "./secret_seed.ts";

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
const NONCE = Uint8Array.from({ length: 16 }, (_, i) => i);
const draws = (r: Rng) => Array.from({ length: 6 }, () => r.nextUint32());

/** The derivation written out with WebCrypto: HMAC-SHA-256 of the length-prefixed parts. */
async function webCryptoRng(
  secret: Uint8Array<ArrayBuffer>,
  nonce: Uint8Array,
  exerciseId: string,
  testName: string,
): Promise<Rng> {
  const parts = [
    new TextEncoder().encode("gradkit hidden inputs v1"),
    nonce,
    new TextEncoder().encode(exerciseId),
    new TextEncoder().encode(testName),
  ];
  const message: number[] = [];
  for (const p of parts) {
    message.push(p.length >>> 24, (p.length >>> 16) & 255, (p.length >>> 8) & 255, p.length & 255);
    message.push(...p);
  }
  const key = await crypto.subtle.importKey(
    "raw",
    secret,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, Uint8Array.from(message)));
  return Rng.fromBytes(mac.subarray(0, 16));
}

Deno.test("a secret seed's test generators are WebCrypto's HMAC-SHA-256 of (nonce, exercise, test)", async () => {
  const rng = new Rng(3);
  for (let i = 0; i < 60; i++) {
    const secret = Uint8Array.from({ length: 16 + rng.int(0, 80) }, () => rng.int(0, 256));
    const nonce = Uint8Array.from({ length: 16 }, () => rng.int(0, 256));
    const id = ["mse_loss", "relu", "", "ü"][i % 4];
    const name = "x".repeat(rng.int(0, 130)) + (i % 3 === 0 ? " — kinks" : "");
    const seed = new SecretSeed(secret, nonce);
    assert.deepEqual(
      draws(testRng(seed, id, name)),
      draws(await webCryptoRng(secret, nonce, id, name)),
      `case ${i}`,
    );
  }
});

Deno.test("secret seeds: another nonce, test or exercise draws other inputs; the parts cannot run together", () => {
  const seed = new SecretSeed(SECRET, NONCE);
  const base = draws(seed.rng("relu", "batch"));
  assert.deepEqual(draws(new SecretSeed(SECRET, NONCE).rng("relu", "batch")), base, "replayable");
  const otherNonce = NONCE.slice();
  otherNonce[15] ^= 1;
  assert.notDeepEqual(draws(new SecretSeed(SECRET, otherNonce).rng("relu", "batch")), base);
  const otherSecret = SECRET.slice();
  otherSecret[15] ^= 1;
  assert.notDeepEqual(draws(new SecretSeed(otherSecret, NONCE).rng("relu", "batch")), base);
  assert.notDeepEqual(draws(seed.rng("relu", "batch 2")), base);
  assert.notDeepEqual(draws(seed.rng("relub", "atch")), base);
  assert.equal(seed.rng("relu", "batch").seed, undefined, "no 32-bit seed behind it");
});

Deno.test("a public seed draws as it always has: new Rng(hashSeed(seed, exercise, test))", () => {
  assert.deepEqual(
    draws(testRng(1234, "relu", "batch")),
    draws(new Rng(hashSeed(1234, "relu", "batch"))),
  );
  assert.deepEqual(seedFields(1234), { inputs: "public", seed: 1234, nonce: null });
});

Deno.test("a secret seed shows its nonce only, however it is printed", () => {
  const seed = new SecretSeed(SECRET, NONCE);
  const nonce = "000102030405060708090a0b0c0d0e0f";
  assert.equal(seed.nonce, nonce);
  assert.deepEqual(seedFields(seed), { inputs: "secret", seed: null, nonce });
  const secretHex = [...SECRET].map((b) => b.toString(16).padStart(2, "0")).join("");
  for (
    const shown of [
      JSON.stringify(seed),
      JSON.stringify({ job: seed }),
      Deno.inspect(seed, { showHidden: true, depth: 10 }),
      Deno.inspect({ seed }, { showHidden: true }),
      String(Object.keys(seed)),
    ]
  ) {
    assert.ok(!shown.includes(secretHex.slice(0, 8)) && !shown.includes("160"), shown);
  }
  assert.throws(() => new SecretSeed(SECRET.subarray(0, 15), NONCE), /16 bytes or more, got 15/);
  assert.throws(() => new SecretSeed(SECRET, NONCE.subarray(0, 8)), /nonce needs 16 bytes/);
});

Deno.test("testRngs: a test's checks draw from a generator of their own, the same on replay", () => {
  const secret = new Uint8Array(16).fill(7);
  const nonce = new Uint8Array(16).fill(9);
  const a = testRngs(new SecretSeed(secret, nonce), "relu", "a batch");
  const b = testRngs(new SecretSeed(secret, nonce), "relu", "a batch");
  assert.equal(a.checks.nextUint32(), b.checks.nextUint32());
  assert.equal(a.inputs.nextUint32(), b.inputs.nextUint32());
  // The checks' state is the second half of the MAC, not the inputs' state: their streams differ.
  const fresh = testRngs(new SecretSeed(secret, nonce), "relu", "a batch");
  const inputs = Array.from({ length: 4 }, () => fresh.inputs.nextUint32());
  const checks = Array.from({ length: 4 }, () => fresh.checks.nextUint32());
  assert.notDeepEqual(inputs, checks);
  const pub = testRngs(5, "relu", "a batch");
  assert.equal(pub.checks.nextUint32(), testRng(5, "relu", "a batch").fork("checks").nextUint32());
});
