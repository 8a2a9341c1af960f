// The Cody-Waite reduction y = k ln2 + r that tanh and exp (and log's k ln2) share: k is y log2(e)
// rounded to an integer, and r = (y - k LN2_HI) - k LN2_LO loses nothing in its first product.

export const LOG2E = 1.4426950408889634;
export const ROUND_SHIFT = 6755399441055744; // 1.5 * 2^52: x + ROUND_SHIFT - ROUND_SHIFT rounds x to an integer
export const LN2_HI = 6.93147180369123816490e-01; // ln 2 with trailing zero bits, so k * LN2_HI is exact
export const LN2_LO = 1.90821492927058770002e-10;
