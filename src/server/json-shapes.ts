import type { z } from 'zod';
import type { Session, SessionMessage, SessionSummary } from '../agent/index.ts';
import type { RegistryHit, ToolRecord, ToolSummary, VersionEntry } from '../registry/index.ts';
import type { CallOutcome } from '../sandbox/index.ts';
import type { CallOutcomeSchema, MessageListSchema, SessionListSchema, ToolDetailSchema, ToolListItemSchema, VersionListSchema } from '../api-contract/index.ts';

/** Domain values as they cross the wire: dates as ISO strings, nothing the schemas do not name. */

type Stats = ToolRecord['stats'];

function statsJson(stats: Stats) {
  return { ...stats, lastUsedAt: stats.lastUsedAt?.toISOString() ?? null };
}

export function toolListItemJson(summary: ToolSummary, hit?: RegistryHit): z.infer<typeof ToolListItemSchema> {
  return {
    name: summary.name,
    description: summary.description,
    version: summary.version,
    status: summary.status,
    statusReason: summary.statusReason,
    uses: summary.stats.uses,
    successRate: summary.stats.successRate,
    stats: statsJson(summary.stats),
    createdAt: summary.createdAt.toISOString(),
    updatedAt: summary.updatedAt.toISOString(),
    ...(hit === undefined ? {} : { similarity: hit.similarity, score: hit.score, band: hit.band }),
  };
}

export function summaryOfRecord(record: ToolRecord): ToolSummary {
  const { name, version, status, statusReason, createdAt, updatedAt, stats } = record;
  return { name, version, description: record.manifest.description, status, statusReason, createdAt, updatedAt, stats };
}

export function toolDetailJson(record: ToolRecord): z.infer<typeof ToolDetailSchema> {
  return {
    name: record.name,
    version: record.version,
    currentVersion: record.currentVersion,
    manifest: { ...record.manifest },
    source: record.source,
    tests: record.tests,
    status: record.status,
    statusReason: record.statusReason,
    testResults: record.testResults === null ? null : { ...record.testResults },
    reason: record.reason,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    stats: statsJson(record.stats),
  };
}

export function versionsJson(name: string, versions: VersionEntry[]): z.infer<typeof VersionListSchema> {
  return { name, versions: versions.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })) };
}

export function callOutcomeJson(outcome: CallOutcome): z.infer<typeof CallOutcomeSchema> {
  const { runtime, durationMs, console } = outcome;
  return outcome.ok
    ? { ok: true, runtime, value: outcome.value, durationMs, console }
    : { ok: false, runtime, error: { code: outcome.error.code, message: outcome.error.message }, durationMs, console };
}

export function sessionsJson(sessions: SessionSummary[]): z.infer<typeof SessionListSchema> {
  return { sessions: sessions.map((session) => ({ ...session, createdAt: session.createdAt.toISOString(), updatedAt: session.updatedAt.toISOString() })) };
}

export function messagesJson(session: Session, messages: SessionMessage[]): z.infer<typeof MessageListSchema> {
  return { sessionId: session.id, messages: messages.map((message) => ({ ...message, createdAt: message.createdAt.toISOString() })) };
}
