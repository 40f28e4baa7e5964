/** Largest and smallest value with their 0-based positions (first occurrence wins). */
export function extremes(values: readonly number[]): {
  max: number;
  min: number;
  maxNo: number;
  minNo: number;
} {
  let maxNo = 0;
  let minNo = 0;
  values.forEach((v, i) => {
    if (v > (values[maxNo] ?? v)) {
      maxNo = i;
    }
    if (v < (values[minNo] ?? v)) {
      minNo = i;
    }
  });
  return { max: values[maxNo] ?? 0, min: values[minNo] ?? 0, maxNo, minNo };
}
