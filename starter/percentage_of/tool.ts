export function percentage_of({ percent, value }: { percent: number; value: number }): number {
  requireFiniteNumber('percent', percent);
  requireFiniteNumber('value', value);
  const result = (percent * value) / 100;
  // 15 significant digits hides binary noise such as 0.30000000000000004 without losing real precision.
  const cleaned = Number(result.toPrecision(15));
  return cleaned === 0 ? 0 : cleaned;
}

function requireFiniteNumber(name: string, input: unknown): void {
  if (typeof input !== 'number' || !Number.isFinite(input)) {
    throw new Error(`${name} must be a finite number, got ${JSON.stringify(input) ?? String(input)}`);
  }
}
