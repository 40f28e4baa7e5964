// Two-sided 95 % quantiles t(0.975, df) of Student's t distribution for df = 1…30, to six
// decimals (the standard table; checked against scipy.stats.t.ppf(0.975, df)).
const T975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
  2.200985, 2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614,
  2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];

const Z975 = 1.959963985;

/**
 * t(0.975, df): the multiplier of a standard error for a two-sided 95 % confidence interval.
 * Beyond the table, the Cornish-Fisher expansion around the normal quantile, accurate to 1e-5
 * for df > 30. `df` must be a whole number ≥ 1.
 */
export function tQuantile975(df: number): number {
  const tabled = T975[df - 1];
  if (tabled !== undefined) {
    return tabled;
  }
  const z = Z975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}
