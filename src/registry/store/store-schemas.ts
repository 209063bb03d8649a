import { z } from 'zod';
import { ToolManifestSchema } from '../../tool-package/index.ts';

/** `verified`: its tests passed in the sandbox. `experimental`: usable, with a reason it is not verified. */
export const ToolStatusSchema = z.enum(['verified', 'experimental']);
export type ToolStatus = z.infer<typeof ToolStatusSchema>;

/**
 * A version's test run as stored: the sandbox's `SuiteResult`. Spelled out here rather than
 * imported so that reading the store never loads the sandbox.
 */
const StoredTestSchema = z.looseObject({
  name: z.string(),
  status: z.enum(['passed', 'failed', 'skipped']),
  durationMs: z.number(),
  failure: z.object({ message: z.string(), expected: z.string().optional(), received: z.string().optional() }).optional(),
});

export const StoredTestResultsSchema = z.looseObject({
  ok: z.boolean(),
  runtime: z.enum(['isolate', 'process']),
  tests: z.array(StoredTestSchema),
  totals: z.object({ total: z.number(), passed: z.number(), failed: z.number(), skipped: z.number() }),
  durationMs: z.number(),
  console: z.object({ text: z.string(), truncated: z.boolean() }),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const EmbedderIdSchema = z.string().min(1, 'embedder id must not be empty').max(200);

/** A vector from one embedder; finite numbers only (pgvector refuses NaN and Infinity). */
export const EmbeddingSchema = z.object({
  embedderId: EmbedderIdSchema,
  vector: z.array(z.number().finite()).min(1, 'an embedding needs at least one dimension').max(16_000),
});
export type Embedding = z.infer<typeof EmbeddingSchema>;

export const ToolStatsSchema = z.object({
  uses: z.number().int(),
  successes: z.number().int(),
  failures: z.number().int(),
  /** successes / uses; null before the first use. */
  successRate: z.number().nullable(),
  lastUsedAt: z.date().nullable(),
});
export type ToolStats = z.infer<typeof ToolStatsSchema>;

/** One version of a tool with the tool-level facts (current version, stats). */
export const ToolRecordSchema = z.object({
  name: z.string(),
  version: z.string(),
  currentVersion: z.string(),
  isCurrent: z.boolean(),
  manifest: ToolManifestSchema,
  source: z.string(),
  tests: z.string(),
  status: ToolStatusSchema,
  statusReason: z.string().nullable(),
  testResults: StoredTestResultsSchema.nullable(),
  reason: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  stats: ToolStatsSchema,
});
export type ToolRecord = z.infer<typeof ToolRecordSchema>;

/** A tool as listed: its current version only. */
export const ToolSummarySchema = z.object({
  name: z.string(),
  version: z.string(),
  description: z.string(),
  status: ToolStatusSchema,
  statusReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  stats: ToolStatsSchema,
});
export type ToolSummary = z.infer<typeof ToolSummarySchema>;

/** What a search ranks a candidate by (`ToolStore.summaries`): a summary without its version, reason and dates. */
export const CandidateSummarySchema = ToolSummarySchema.pick({ name: true, description: true, status: true }).extend({
  stats: ToolStatsSchema.pick({ uses: true, successRate: true }),
});
export type CandidateSummary = z.infer<typeof CandidateSummarySchema>;

export const TestTotalsSchema = z.object({ total: z.number(), passed: z.number(), failed: z.number(), skipped: z.number() });

export const VersionEntrySchema = z.object({
  version: z.string(),
  reason: z.string(),
  status: ToolStatusSchema,
  statusReason: z.string().nullable(),
  /** Null when the version was stored without a test run. */
  testTotals: TestTotalsSchema.nullable(),
  isCurrent: z.boolean(),
  createdAt: z.date(),
});
export type VersionEntry = z.infer<typeof VersionEntrySchema>;

export const ExecutionInputSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  success: z.boolean(),
  error: z.string().optional(),
  durationMs: z.number().finite().nonnegative(),
});
export type ExecutionInput = z.infer<typeof ExecutionInputSchema>;

const unit = z.number().finite().min(0).max(1);

export const RankingWeightsSchema = z
  .strictObject({ similarity: unit, successRate: unit, usage: unit })
  .refine((w) => Math.abs(w.similarity + w.successRate + w.usage - 1) <= 1e-6, {
    message: 'weights must sum to 1 (similarity + successRate + usage)',
  });

export const RankingBandsSchema = z
  .strictObject({ reuse: unit, check: unit })
  .refine((b) => b.check <= b.reuse, { message: 'bands.check must not exceed bands.reuse', path: ['check'] });

export const RankingPolicyInputSchema = z.strictObject({ weights: RankingWeightsSchema, bands: RankingBandsSchema });
export type RankingPolicyInput = z.infer<typeof RankingPolicyInputSchema>;

export const RankingPolicySchema = RankingPolicyInputSchema.extend({
  /** Increases with every change; the highest is in force. */
  version: z.number().int(),
  createdAt: z.date(),
});
export type RankingPolicy = z.infer<typeof RankingPolicySchema>;
