/**
 * Exact arithmetic on doubles: every finite double is an integer times a
 * power of two, so a list of them can be scaled to BigInt integers without
 * rounding.
 */

const view = new DataView(new ArrayBuffer(8));

/** `[mantissa, exponent]` with value = mantissa × 2^exponent, for a finite double ≥ 0. */
function decompose(value: number): [bigint, number] {
  view.setFloat64(0, value);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  // Subnormals have no implicit leading bit and the smallest exponent.
  if (biased === 0) return [fraction, -1074];
  return [fraction | (1n << 52n), biased - 1075];
}

/**
 * Finite non-negative doubles as BigInt integers with one common scale:
 * `values[i] = result[i] × 2^scale` exactly.
 */
export function scaledIntegers(values: readonly number[]): bigint[] {
  const parts = values.map((v) => (v === 0 ? null : decompose(v)));
  let scale = Number.POSITIVE_INFINITY;
  for (const part of parts) if (part !== null && part[1] < scale) scale = part[1];
  return parts.map((part) => (part === null ? 0n : part[0] << BigInt(part[1] - scale)));
}
