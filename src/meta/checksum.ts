/**
 * A checksum of JSON content, so that a checkpoint edited by hand or corrupted on disk is refused
 * rather than silently used. FNV-1a 64-bit over the UTF-8 bytes of the canonical JSON (keys sorted,
 * no whitespace): any change of a value or key changes it, key order and formatting do not. It
 * detects accidents, not tampering (it is not a cryptographic hash). Pure code, no Node or DOM API.
 */

/** JSON with every object's keys sorted, so that equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** UTF-8 bytes of `text` (TextEncoder is not a language global, so the library encodes itself). */
export function utf8(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 3); // a UTF-16 code unit never needs more than 3 bytes
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i) as number;
    if (c < 0x80) bytes[n++] = c;
    else if (c < 0x800) {
      bytes[n++] = 0xc0 | (c >> 6);
      bytes[n++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      bytes[n++] = 0xe0 | (c >> 12);
      bytes[n++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[n++] = 0x80 | (c & 0x3f);
    } else {
      bytes[n++] = 0xf0 | (c >> 18);
      bytes[n++] = 0x80 | ((c >> 12) & 0x3f);
      bytes[n++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[n++] = 0x80 | (c & 0x3f);
      i++; // the pair's low surrogate
    }
  }
  return bytes.subarray(0, n);
}

/**
 * FNV-1a 64-bit over bytes given in any number of pieces: the digest of the pieces is that of their
 * concatenation, so a file appended to can keep its checksum running.
 */
export class Fnv1a64 {
  // The 64-bit state in four 16-bit limbs (h0 least significant): every product stays below 2^32.
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  update(bytes: Uint8Array): this {
    let { h0, h1, h2, h3 } = this;
    for (let i = 0; i < bytes.length; i++) {
      h0 ^= bytes[i];
      // h * 0x100000001b3 = h * 0x1b3 + (h << 40), modulo 2^64
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
      const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
    Object.assign(this, { h0, h1, h2, h3 });
    return this;
  }

  /** 16 hex digits. */
  hex(): string {
    return [this.h3, this.h2, this.h1, this.h0].map((h) => h.toString(16).padStart(4, '0')).join('');
  }

  /** Tagged with its algorithm, as checksums are stored: "fnv1a64:" and 16 hex digits. */
  tagged(): string {
    return `fnv1a64:${this.hex()}`;
  }
}

/** FNV-1a 64-bit of `bytes`, as 16 hex digits. */
export function fnv1a64(bytes: Uint8Array): string {
  return new Fnv1a64().update(bytes).hex();
}

/** The checksum of JSON content, tagged with its algorithm: "fnv1a64:" and 16 hex digits. */
export function contentChecksum(content: unknown): string {
  return new Fnv1a64().update(utf8(canonicalJson(content))).tagged();
}
