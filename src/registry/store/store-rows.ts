import type { z } from 'zod';
import { systemError } from '../../errors.ts';
import {
  CandidateSummarySchema,
  RankingPolicySchema,
  ToolRecordSchema,
  ToolStatsSchema,
  ToolSummarySchema,
  VersionEntrySchema,
  type CandidateSummary,
  type RankingPolicy,
  type ToolRecord,
  type ToolStats,
  type ToolSummary,
  type VersionEntry,
} from './store-schemas.ts';

/** Rows as the SQL in this folder selects them (snake_case), parsed into the public shapes. */

/** Every row leaving the store is parsed; a row that does not fit means the database was edited or corrupted. */
function parseRow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw systemError(
      'store_row_invalid',
      `the tool database holds an invalid ${what}: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      'restore the database from a backup or remove the tool and add it again',
      result.error,
    );
  }
  return result.data;
}

export const STATS_COLUMNS = 't.use_count, t.success_count, t.failure_count, t.last_used_at';

export interface StatsRow {
  use_count: number;
  success_count: number;
  failure_count: number;
  last_used_at: Date | null;
}

/** successes / uses, or null before the first use. */
function successRateOf(uses: number, successes: number): number | null {
  return uses === 0 ? null : successes / uses;
}

export function statsFromRow(row: StatsRow): ToolStats {
  const uses = Number(row.use_count);
  const successes = Number(row.success_count);
  return parseRow(
    ToolStatsSchema,
    { uses, successes, failures: Number(row.failure_count), successRate: successRateOf(uses, successes), lastUsedAt: row.last_used_at },
    'tool usage counter',
  );
}

export const RECORD_COLUMNS = `t.name, t.current_version, t.updated_at, ${STATS_COLUMNS},
  v.version, v.manifest, v.source, v.tests, v.test_results, v.reason, v.status, v.status_reason, v.created_at`;

export interface RecordRow extends StatsRow {
  name: string;
  current_version: string;
  updated_at: Date;
  version: string;
  manifest: unknown;
  source: string;
  tests: string;
  test_results: unknown;
  reason: string;
  status: string;
  status_reason: string | null;
  created_at: Date;
}

export function recordFromRow(row: RecordRow): ToolRecord {
  return parseRow(
    ToolRecordSchema,
    {
      name: row.name,
      version: row.version,
      currentVersion: row.current_version,
      isCurrent: row.version === row.current_version,
      manifest: row.manifest,
      source: row.source,
      tests: row.tests,
      status: row.status,
      statusReason: row.status_reason,
      testResults: row.test_results ?? null,
      reason: row.reason,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      stats: statsFromRow(row),
    },
    `version ${row.version} of tool "${row.name}"`,
  );
}

export const SUMMARY_COLUMNS = `t.name, t.current_version AS version, v.manifest->>'description' AS description, v.status, v.status_reason,
  t.created_at, t.updated_at, ${STATS_COLUMNS}`;

export interface SummaryRow extends StatsRow {
  name: string;
  version: string;
  description: string;
  status: string;
  status_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export function summaryFromRow(row: SummaryRow): ToolSummary {
  return parseRow(
    ToolSummarySchema,
    {
      name: row.name,
      version: row.version,
      description: row.description,
      status: row.status,
      statusReason: row.status_reason,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      stats: statsFromRow(row),
    },
    `tool "${row.name}"`,
  );
}

/**
 * What search ranks a candidate by, from the tool's row `t` alone (migration 6 keeps the current
 * version's description and status there), as `json_build_object` arguments giving a `CandidateRow`.
 */
export const CANDIDATE_JSON_FIELDS = `'name', t.name, 'description', t.description, 'status', t.status, 'use_count', t.use_count, 'success_count', t.success_count`;

export interface CandidateRow {
  name: string;
  description: string;
  status: string;
  use_count: number;
  success_count: number;
}

export function candidateFromRow(row: CandidateRow): CandidateSummary {
  const uses = Number(row.use_count);
  return parseRow(
    CandidateSummarySchema,
    { name: row.name, description: row.description, status: row.status, stats: { uses, successRate: successRateOf(uses, Number(row.success_count)) } },
    `search candidate "${row.name}"`,
  );
}

export interface VersionRow {
  version: string;
  reason: string;
  status: string;
  status_reason: string | null;
  totals: unknown;
  is_current: boolean;
  created_at: Date;
}

export function versionEntryFromRow(row: VersionRow): VersionEntry {
  return parseRow(
    VersionEntrySchema,
    {
      version: row.version,
      reason: row.reason,
      status: row.status,
      statusReason: row.status_reason,
      testTotals: row.totals ?? null,
      isCurrent: row.is_current,
      createdAt: row.created_at,
    },
    `history entry ${row.version}`,
  );
}

/** The policy in force (the newest version), as one `PolicyRow`. */
export const CURRENT_POLICY_SQL = 'SELECT version, weights, bands, created_at FROM ranking_policies ORDER BY version DESC LIMIT 1';

export interface PolicyRow {
  version: number;
  weights: unknown;
  bands: unknown;
  created_at: Date;
}

export function policyFromRow(row: PolicyRow): RankingPolicy {
  return parseRow(
    RankingPolicySchema,
    { version: Number(row.version), weights: row.weights, bands: row.bands, createdAt: row.created_at },
    'ranking policy',
  );
}
