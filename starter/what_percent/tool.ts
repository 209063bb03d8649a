export function what_percent({ part, whole }: { part: number; whole: number }): number {
  requireFiniteNumber('part', part);
  requireFiniteNumber('whole', whole);
  if (whole === 0) throw new Error('whole must not be zero: a share of nothing has no percentage');
  const cleaned = Number(((part / whole) * 100).toPrecision(15));
  return cleaned === 0 ? 0 : cleaned;
}

function requireFiniteNumber(name: string, input: unknown): void {
  if (typeof input !== 'number' || !Number.isFinite(input)) {
    throw new Error(`${name} must be a finite number, got ${JSON.stringify(input) ?? String(input)}`);
  }
}
