import type { ToolStatus } from '../api.ts';

export function StatusBadge({ status, reason }: { status: ToolStatus; reason?: string | null }) {
  return (
    <span className={`status status-${status}`} title={reason ?? undefined}>
      {status}
    </span>
  );
}

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
