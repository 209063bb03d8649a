import type { Band, Registry, RegistryHit, ToolRecord } from '../registry/index.ts';
import { bindDeterministically, type DeterministicBinding } from './bind-call-arguments.ts';
import { searchQueryOf } from './search-query.ts';

export type ToolChoice =
  | { decision: 'reuse'; hits: RegistryHit[]; band: Band; record: ToolRecord }
  /** A check-band hit whose parameters took the request's values without a model. */
  | { decision: 'check'; hits: RegistryHit[]; band: Band; record: ToolRecord; binding: Extract<DeterministicBinding, { status: 'bound' }> }
  | { decision: 'synthesize'; hits: RegistryHit[]; band: Band };

/**
 * Step 3: search the registry and decide by the top hit's band. `reuse` takes the tool; `check`
 * takes it only when the request's values bind to its parameters deterministically (the parameters
 * fit what was asked), otherwise a new tool is written; `synthesize` writes one.
 */
export async function chooseTool(options: { registry: Registry; request: string; previousResult?: { value: unknown }; signal?: AbortSignal }): Promise<ToolChoice> {
  const { registry, request, previousResult, signal } = options;
  const { hits, band } = await registry.search({ query: searchQueryOf(request), ...(signal === undefined ? {} : { signal }) });
  const top = hits[0];
  if (top === undefined || band === 'synthesize') return { decision: 'synthesize', hits, band };
  const record = await registry.get({ name: top.name });
  if (band === 'reuse') return { decision: 'reuse', hits, band, record };
  const binding = bindDeterministically({ request, manifest: record.manifest, ...(previousResult === undefined ? {} : { previousResult }) });
  return binding.status === 'bound' ? { decision: 'check', hits, band, record, binding } : { decision: 'synthesize', hits, band };
}
