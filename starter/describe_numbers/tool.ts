export interface NumberSummary {
  count: number;
  sum: number;
  mean: number;
  median: number;
  mode: number[];
  min: number;
  max: number;
  range: number;
  variance_population: number;
  variance_sample: number | null;
  std_dev_population: number;
  std_dev_sample: number | null;
}

export function describe_numbers({ numbers }: { numbers: number[] }): NumberSummary {
  if (!Array.isArray(numbers)) throw new Error('numbers must be an array of numbers, e.g. [1, 2, 3]');
  if (numbers.length === 0) throw new Error('numbers is empty; give at least one number');
  numbers.forEach((n, i) => {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`numbers[${i}] must be a finite number, got ${JSON.stringify(n) ?? String(n)}`);
  });
  const count = numbers.length;
  const sorted = [...numbers].sort((a, b) => a - b);
  // Welford's update keeps the variance accurate when values are large and close together.
  let mean = 0;
  let squares = 0;
  let sum = 0;
  let compensation = 0;
  numbers.forEach((x, i) => {
    const delta = x - mean;
    mean += delta / (i + 1);
    squares += delta * (x - mean);
    // Kahan summation for the total.
    const y = x - compensation;
    const t = sum + y;
    compensation = t - sum - y;
    sum = t;
  });
  const min = sorted[0]!;
  const max = sorted[count - 1]!;
  const middle = Math.floor(count / 2);
  const median = count % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const variancePopulation = Math.max(0, squares / count);
  const varianceSample = count > 1 ? Math.max(0, squares / (count - 1)) : null;
  return {
    count,
    sum: tidy(sum),
    mean: tidy(mean),
    median: tidy(median),
    mode: modes(sorted),
    min,
    max,
    range: tidy(max - min),
    variance_population: tidy(variancePopulation),
    variance_sample: varianceSample === null ? null : tidy(varianceSample),
    std_dev_population: tidy(Math.sqrt(variancePopulation)),
    std_dev_sample: varianceSample === null ? null : tidy(Math.sqrt(varianceSample)),
  };
}

function modes(sorted: number[]): number[] {
  const runs: Array<{ value: number; count: number }> = [];
  for (const value of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.value === value) last.count++;
    else runs.push({ value, count: 1 });
  }
  const best = Math.max(...runs.map((run) => run.count));
  if (runs.length > 1 && runs.every((run) => run.count === best)) return [];
  return runs.filter((run) => run.count === best).map((run) => run.value);
}

function tidy(x: number): number {
  const cleaned = Number(x.toPrecision(15));
  return cleaned === 0 ? 0 : cleaned;
}
