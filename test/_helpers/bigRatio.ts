/** `num / den` as a double, for BigInt oracles: exact to rounding whatever their sizes. */
export function bigRatio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = num.toString(2).length - den.toString(2).length - 60;
  const scaled = shift > 0 ? num / (den << BigInt(shift)) : (num << BigInt(-shift)) / den;
  return Number(scaled) * 2 ** shift;
}
