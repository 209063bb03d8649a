import type { AgentEvent } from '../agent/index.ts';

/** One agent event as a short progress message for an MCP client. */
export function describeProgress(event: AgentEvent): string {
  switch (event.type) {
    case 'synthesis': {
      const inner = event.event;
      const stage = typeof inner === 'object' && inner !== null && 'type' in inner ? String(inner.type) : 'working';
      return `synthesis: ${stage}`;
    }
    case 'tool-registered':
      return `registered ${event.name} ${event.version} (${event.status})`;
    case 'tool-executed':
      return `ran ${event.name}: ${event.ok ? 'ok' : (event.error?.code ?? 'failed')}`;
    case 'search-completed':
      return `searched the library: ${event.decision}${event.tool === undefined ? '' : ` ${event.tool}`}`;
    default:
      return event.type;
  }
}
