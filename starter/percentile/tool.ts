export function percentile({ percentile, numbers, method = 'linear' }: { percentile: number; numbers: number[]; method?: 'linear' | 'nearest_rank' }): number {
  if (typeof percentile !== 'number' || !Number.isFinite(percentile) || percentile < 0 || percentile > 100) {
    throw new Error(`percentile must be a number from 0 to 100, got ${String(percentile)}`);
  }
  if (!Array.isArray(numbers)) throw new Error('numbers must be an array of numbers, e.g. [1, 2, 3]');
  if (numbers.length === 0) throw new Error('numbers is empty; give at least one number');
  numbers.forEach((n, i) => {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`numbers[${i}] must be a finite number, got ${JSON.stringify(n) ?? String(n)}`);
  });
  if (method !== 'linear' && method !== 'nearest_rank') throw new Error(`method must be "linear" or "nearest_rank", got ${JSON.stringify(method)}`);
  const sorted = [...numbers].sort((a, b) => a - b);
  const n = sorted.length;
  if (method === 'nearest_rank') {
    const rank = Math.max(1, Math.ceil((percentile / 100) * n));
    return sorted[rank - 1]!;
  }
  const position = (percentile / 100) * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, n - 1);
  const fraction = position - lower;
  const value = sorted[lower]! + fraction * (sorted[upper]! - sorted[lower]!);
  const cleaned = Number(value.toPrecision(15));
  return cleaned === 0 ? 0 : cleaned;
}
