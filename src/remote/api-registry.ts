import { z } from 'zod';
import {
  ToolRecordSchema,
  ToolSummarySchema,
  VersionEntrySchema,
  type Registry,
  type RegistryHit,
  type ToolRecord,
  type ToolSummary,
} from '../registry/index.ts';
import type { CallOutcome } from '../sandbox/index.ts';
import {
  CallOutcomeSchema,
  ExecutionsSchema,
  ReindexReportSchema,
  TestReportSchema,
  ToolDetailSchema,
  ToolListSchema,
  VersionListSchema,
} from '../api-contract/index.ts';
import { systemError, userError } from '../errors.ts';
import type { ApiClient } from './api-client.ts';

const toolPath = (name: string, rest = '') => `/api/tools/${encodeURIComponent(name)}${rest}`;

/** Replies cross with ISO dates; the domain schemas want Dates. */
const withDates = <T extends Record<string, unknown>>(value: T, keys: readonly string[]): T => {
  const copy: Record<string, unknown> = { ...value };
  for (const key of keys) if (typeof copy[key] === 'string') copy[key] = new Date(copy[key]);
  return copy as T;
};

function domain<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw systemError('server_reply_invalid', `the Toolsmith server sent a ${what} this CLI cannot read: ${parsed.error.issues[0]?.message ?? 'invalid'}`, 'the server may run another Toolsmith version; restart `toolsmith serve` from this installation');
}

const statsOf = (stats: z.infer<typeof ToolDetailSchema>['stats']) => withDates(stats, ['lastUsedAt']);

function recordOf(detail: z.infer<typeof ToolDetailSchema>): ToolRecord {
  const value = { ...withDates(detail, ['createdAt', 'updatedAt']), isCurrent: detail.version === detail.currentVersion, stats: statsOf(detail.stats) };
  return domain(ToolRecordSchema, value, 'tool');
}

function summaryOf(item: z.infer<typeof ToolListSchema>['tools'][number]): ToolSummary {
  const { name, version, description, status, statusReason, stats } = item;
  return domain(ToolSummarySchema, { name, version, description, status, statusReason, createdAt: new Date(item.createdAt), updatedAt: new Date(item.updatedAt), stats: statsOf(stats) }, 'tool summary');
}

/**
 * The Registry port over a running server's HTTP API, for CLI commands on a data folder that
 * `toolsmith serve` holds: every call is the server's own registry call, so verification,
 * sandboxing and the execution log happen there, once.
 */
export function createApiRegistry(options: { client: ApiClient }): Registry {
  const { client } = options;
  const detail = (path: string, signal?: AbortSignal) => client.call({ method: 'GET', path, schema: ToolDetailSchema, ...(signal === undefined ? {} : { signal }) });

  return {
    async add({ pkg, experimental, reason, signal }) {
      // `verified` (a suite the caller ran) is not sent: the server verifies for itself.
      const body = {
        manifest: `${JSON.stringify(pkg.manifest, null, 2)}\n`,
        source: pkg.source,
        tests: pkg.tests,
        ...(experimental === undefined ? {} : { experimental }),
        ...(reason === undefined ? {} : { reason }),
      };
      return recordOf(await client.call({ method: 'POST', path: '/api/tools', body, schema: ToolDetailSchema, ...(signal === undefined ? {} : { signal }) }));
    },

    // The server keeps its own search index loaded; there is nothing to load on this side.
    async prepareSearch() {},

    async search({ query, limit, signal }) {
      // The API lists every tool for an empty q; the registry refuses an empty search, and so does this.
      if (query.trim() === '') throw userError('search_invalid', 'invalid search: the query must not be empty', 'pass a non-empty query');
      const reply = await client.call({ method: 'GET', path: '/api/tools', query: { q: query, limit }, schema: ToolListSchema, ...(signal === undefined ? {} : { signal }) });
      const hits = reply.tools.map((tool): RegistryHit => ({
        name: tool.name,
        description: tool.description,
        similarity: tool.similarity ?? 0,
        score: tool.score ?? 0,
        band: tool.band ?? 'synthesize',
        status: tool.status,
      }));
      return { hits, band: reply.band ?? 'synthesize' };
    },

    // The server imported the starter library when it opened the folder.
    ensureStarterLibrary: async () => ({ imported: 0 }),

    async get({ name, version }) {
      return recordOf(await detail(version === undefined ? toolPath(name) : toolPath(name, `/versions/${encodeURIComponent(version)}`)));
    },

    async list(listOptions) {
      const reply = await client.call({ method: 'GET', path: '/api/tools', schema: ToolListSchema });
      const all = reply.tools.map(summaryOf);
      return listOptions?.status === undefined ? all : all.filter((tool) => tool.status === listOptions.status);
    },

    async history({ name }) {
      const reply = await client.call({ method: 'GET', path: toolPath(name, '/versions'), schema: VersionListSchema });
      return reply.versions.map((entry) => domain(VersionEntrySchema, withDates(entry, ['createdAt']), 'version'));
    },

    async rollback({ name, to }) {
      return recordOf(await client.call({ method: 'POST', path: toolPath(name, '/rollback'), body: { to }, schema: ToolDetailSchema }));
    },

    async remove({ name }) {
      await client.call({ method: 'DELETE', path: toolPath(name) });
    },

    async executions({ name, limit }) {
      const reply = await client.call({ method: 'GET', path: toolPath(name, '/executions'), query: { limit }, schema: ExecutionsSchema });
      return reply.executions.map((entry) => ({ ...entry, createdAt: new Date(entry.createdAt) }));
    },

    async run({ name, args, signal }): Promise<CallOutcome> {
      const reply = await client.call({ method: 'POST', path: toolPath(name, '/run'), body: { args }, schema: CallOutcomeSchema, ...(signal === undefined ? {} : { signal }) });
      const { runtime, durationMs, console } = reply;
      if (reply.ok) return { ok: true, runtime, value: reply.value, durationMs, console };
      const error = reply.error ?? { code: 'sandbox_failed' as const, message: 'the server reported a failed call without its error' };
      return { ok: false, runtime, error, durationMs, console };
    },

    async test({ name, signal }) {
      return client.call({ method: 'POST', path: toolPath(name, '/test'), schema: TestReportSchema, ...(signal === undefined ? {} : { signal }) });
    },

    async reindex(reindexOptions) {
      const signal = reindexOptions?.signal;
      return client.call({ method: 'POST', path: '/api/reindex', schema: ReindexReportSchema, ...(signal === undefined ? {} : { signal }) });
    },
  };
}
