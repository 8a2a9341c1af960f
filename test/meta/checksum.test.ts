import { describe, expect, it } from 'vitest';
import { Fnv1a64, canonicalJson, contentChecksum, fnv1a64, utf8 } from '../../src/meta/checksum.js';
import { prng } from '../helpers/prng.js';

/** FNV-1a 64 by its definition, in BigInt: xor the byte, multiply by the prime, modulo 2^64. */
function fnv1a64Reference(bytes: Uint8Array): string {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

/** A string of `n` random code points: ASCII, 2-, 3- and 4-byte UTF-8. */
function randomText(seed: number, n: number): string {
  const r = prng(seed);
  const ranges: [number, number][] = [[0x20, 0x7f], [0x80, 0x800], [0x800, 0xd800], [0xe000, 0x10000], [0x10000, 0x110000]];
  return Array.from({ length: n }, () => {
    const [lo, hi] = ranges[r.int(ranges.length)];
    return String.fromCodePoint(lo + r.int(hi - lo));
  }).join('');
}

describe('content checksum', () => {
  it('FNV-1a 64 gives the published test vectors', () => {
    expect(fnv1a64(utf8(''))).toBe('cbf29ce484222325');
    expect(fnv1a64(utf8('a'))).toBe('af63dc4c8601ec8c');
    expect(fnv1a64(utf8('foobar'))).toBe('85944171f73967e8');
  });

  it('encodes UTF-8 as Node does and hashes as the BigInt definition, on 200 random strings', () => {
    for (let seed = 0; seed < 200; seed++) {
      const text = randomText(seed, seed % 40);
      const bytes = utf8(text);
      expect(Buffer.from(bytes).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(fnv1a64(bytes)).toBe(fnv1a64Reference(bytes));
    }
  });

  it('a running FNV-1a 64 fed in pieces gives the digest of their concatenation', () => {
    for (let seed = 0; seed < 50; seed++) {
      const bytes = utf8(randomText(seed, 60));
      const cut = seed % (bytes.length + 1);
      const running = new Fnv1a64().update(bytes.subarray(0, cut)).update(bytes.subarray(cut));
      expect(running.hex()).toBe(fnv1a64Reference(bytes));
      expect(running.tagged()).toBe(`fnv1a64:${fnv1a64Reference(bytes)}`);
    }
  });

  it('sorts keys at every depth, so key order and formatting do not change the checksum but any value does', () => {
    const a = { z: [1, { y: 2, b: null }], a: 'tanh', m: { q: 0.1, c: [true] } };
    const b = JSON.parse('{ "m": { "c": [true], "q": 0.1 }, "a": "tanh", "z": [1, { "b": null, "y": 2 }] }');
    expect(canonicalJson(a)).toBe('{"a":"tanh","m":{"c":[true],"q":0.1},"z":[1,{"b":null,"y":2}]}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(contentChecksum(b)).toBe(contentChecksum(a));
    expect(contentChecksum(a)).toBe(`fnv1a64:${fnv1a64Reference(Buffer.from(canonicalJson(a), 'utf8'))}`);
    expect(contentChecksum({ ...a, a: 'relu' })).not.toBe(contentChecksum(a));
    expect(contentChecksum({ ...a, m: { q: 0.1 + 2 ** -56, c: [true] } })).not.toBe(contentChecksum(a));
    // what JSON.stringify drops or maps, canonicalJson does alike
    expect(canonicalJson({ x: undefined, y: [undefined, NaN] })).toBe(JSON.stringify({ x: undefined, y: [undefined, NaN] }));
  });
});
