import assert from "node:assert/strict";
import { encodeParts, fromHex, HmacSha256, hmacSha256, sha256, toHex } from "./sha256.ts";
import { Rng } from "./random.ts";

const text = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");

Deno.test("sha256: the FIPS 180 examples", () => {
  assert.equal(
    hex(sha256(text(""))),
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  );
  assert.equal(
    hex(sha256(text("abc"))),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
  );
  assert.equal(
    hex(sha256(text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
  );
  assert.equal(
    hex(sha256(new Uint8Array(1_000_000).fill(0x61))),
    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
  );
});

Deno.test("hmacSha256: RFC 4231 test cases 1, 2 and 6 (a key longer than a block)", () => {
  assert.equal(
    hex(hmacSha256(new Uint8Array(20).fill(0x0b), text("Hi There"))),
    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
  );
  assert.equal(
    hex(hmacSha256(text("Jefe"), text("what do ya want for nothing?"))),
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  );
  assert.equal(
    hex(
      hmacSha256(
        new Uint8Array(131).fill(0xaa),
        text("Test Using Larger Than Block-Size Key - Hash Key First"),
      ),
    ),
    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
  );
});

Deno.test("sha256 agrees with crypto.subtle on every length around the block boundaries", async () => {
  const rng = new Rng(20261206);
  for (let n = 0; n <= 300; n++) {
    const message = Uint8Array.from({ length: n }, () => rng.nextUint32() & 0xff);
    const expected = new Uint8Array(await crypto.subtle.digest("SHA-256", message));
    assert.equal(hex(sha256(message)), hex(expected), `length ${n}`);
  }
});

Deno.test("HmacSha256 agrees with crypto.subtle: keys of 1 to 199 bytes, one key many messages", async () => {
  const rng = new Rng(7);
  const bytes = (n: number): Uint8Array<ArrayBuffer> =>
    Uint8Array.from({ length: n }, () => rng.nextUint32() & 0xff);
  const webHmac = async (key: Uint8Array<ArrayBuffer>, message: Uint8Array<ArrayBuffer>) => {
    const k = await crypto.subtle.importKey(
      "raw",
      key,
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    return hex(new Uint8Array(await crypto.subtle.sign("HMAC", k, message)));
  };
  for (let n = 1; n <= 200; n += 3) {
    const key = bytes(n), message = bytes(rng.int(0, 200));
    assert.equal(hex(hmacSha256(key, message)), await webHmac(key, message), `key of ${n} bytes`);
  }
  const key = bytes(16);
  const mac = new HmacSha256(key);
  for (let i = 0; i < 100; i++) {
    const message = bytes(rng.int(0, 150));
    assert.equal(hex(mac.digest(message)), await webHmac(key, message), `message ${i}`);
  }
});

Deno.test("HmacSha256.withPrefix: digest(m) is the HMAC of prefix ‖ m, for prefixes of any length", () => {
  const rng = new Rng(11);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => rng.nextUint32() & 0xff);
  const key = bytes(16);
  const mac = new HmacSha256(key);
  for (
    const [a, b, m] of [[0, 0, 0], [3, 0, 10], [64, 0, 0], [63, 2, 70], [100, 30, 5], [128, 64, 64]]
  ) {
    const pa = bytes(a), pb = bytes(b), message = bytes(m);
    const whole = new Uint8Array([...pa, ...pb, ...message]);
    const chained = mac.withPrefix(pa).withPrefix(pb);
    assert.equal(hex(chained.digest(message)), hex(hmacSha256(key, whole)), `${a} + ${b} + ${m}`);
    assert.equal(
      hex(chained.digest(message)),
      hex(hmacSha256(key, whole)),
      "digest keeps its state",
    );
  }
  assert.equal(
    hex(mac.digest(text("x"))),
    hex(hmacSha256(key, text("x"))),
    "the parent is unchanged",
  );
});

Deno.test("encodeParts, toHex, fromHex: unambiguous parts; hexadecimal both ways", () => {
  assert.deepEqual(Array.from(encodeParts(["ab", "c"])), [0, 0, 0, 2, 97, 98, 0, 0, 0, 1, 99]);
  assert.notDeepEqual(encodeParts(["ab", "c"]), encodeParts(["a", "bc"]));
  assert.deepEqual(Array.from(encodeParts([new Uint8Array([7])])), [0, 0, 0, 1, 7]);
  assert.equal(toHex(new Uint8Array([0, 15, 255])), "000fff");
  assert.deepEqual(Array.from(fromHex("000fFF")), [0, 15, 255]);
  assert.throws(() => fromHex("abc"), RangeError);
  assert.throws(() => fromHex("zz"), RangeError);
});
