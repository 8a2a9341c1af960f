// The 32-bit halves of one double, as fdlibm reads and writes them (typed arrays use the platform's
// byte order).
const word = new Float64Array(1);
const words = new Uint32Array(word.buffer);
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

/** The sign, exponent and top 20 mantissa bits of x, as a signed 32-bit integer. */
export function highWord(x: number): number {
  word[0] = x;
  return words[HIGH] | 0;
}

/** The low 32 mantissa bits of x, unsigned. */
export function lowWord(x: number): number {
  word[0] = x;
  return words[LOW];
}

/** The double whose halves are high and low. */
export function fromWords(high: number, low: number): number {
  words[HIGH] = high;
  words[LOW] = low;
  return word[0];
}

/** x with its low word cleared (fdlibm's SET_LOW_WORD(x, 0)). */
export function clearLowWord(x: number): number {
  word[0] = x;
  words[LOW] = 0;
  return word[0];
}

/** x with its high word replaced (fdlibm's SET_HIGH_WORD). */
export function withHighWord(x: number, high: number): number {
  word[0] = x;
  words[HIGH] = high;
  return word[0];
}
