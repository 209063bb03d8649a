import { z } from 'zod';
import type { CallOutcome, SuiteResult } from '../sandbox/index.ts';
import type { ToolPackage } from '../tool-package/index.ts';
import type { ToolRecord, ToolStatus, ToolSummary, VersionEntry } from './store/index.ts';
import type { ExecutionEntry } from './store/index.ts';

/** What a search says to do with a request: reuse the tool, check it fits, or synthesize a new one. */
export const BandSchema = z.enum(['reuse', 'check', 'synthesize']);
export type Band = z.infer<typeof BandSchema>;

export interface RegistryHit {
  name: string;
  description: string;
  /**
   * Calibrated match quality in [0, 1] (see `similarity.ts`): for the top hit, the idf-weighted mean
   * over the query's content words of the squared cosine to the tool's closest word (1 for the
   * same stem); lower hits are scaled by their hybrid relevance relative to the top.
   */
  similarity: number;
  /** The ranking policy's blend of similarity, success rate and usage; hits are ordered by it. */
  score: number;
  /** From `similarity` and the policy's bands. */
  band: Band;
  status: ToolStatus;
}

export interface RegistrySearchResult {
  hits: RegistryHit[];
  /** The top hit's band; `synthesize` when nothing matched. */
  band: Band;
}

export interface ReindexReport {
  /** The embedder whose vectors were written. */
  embedderId: string;
  /** Current tools re-embedded. */
  embedded: number;
  /** Of those, how many had no vector from this embedder before. */
  missingBefore: number;
  durationMs: number;
}

export interface ToolTestReport {
  name: string;
  version: string;
  suite: SuiteResult;
}

/**
 * The capability registry: verified tools in, ranked tools out. Adds are verified in the sandbox
 * first; searches mix meaning, words, success rate and usage under the store's ranking policy.
 *
 * @example
 * const registry = createRegistry({ store, embedder, sandbox });
 * await registry.ensureStarterLibrary();
 * const { hits, band } = await registry.search({ query: 'examine this spreadsheet' });
 * if (band === 'reuse') console.log(await registry.run({ name: hits[0].name, args: { csv: 'a,b\n1,2' } }));
 */
export interface Registry {
  /**
   * Verifies `pkg` in the sandbox and stores it as `verified`. A failing suite throws
   * `verification_failed` (user) with the failing tests and writes nothing, unless `experimental`:
   * then it is stored as `experimental` with the failures as the reason. `verified` is the suite
   * result of this exact package when the caller has just run it (synthesis); it is not run again.
   */
  add(options: { pkg: ToolPackage; experimental?: boolean; reason?: string; verified?: SuiteResult; signal?: AbortSignal }): Promise<ToolRecord>;
  search(options: { query: string; limit?: number; signal?: AbortSignal }): Promise<RegistrySearchResult>;
  /**
   * Loads what search keeps in memory (the word and sentence vector copies: ~1–3 s from their saved
   * copies at 100k tools) and waits for it, then warms the process with a hundred searches for the
   * catalog's own tools (~1.4 s at 100k). Optional: searches answer meanwhile through the database's own scans.
   */
  prepareSearch(): Promise<void>;
  /**
   * Imports the starter tools when the library is new (no tools, never imported); returns how many.
   * Also gives sentence vectors to tools stored before the sentence encoder was on.
   */
  ensureStarterLibrary(options?: { signal?: AbortSignal }): Promise<{ imported: number }>;
  get(options: { name: string; version?: string }): Promise<ToolRecord>;
  list(options?: { status?: ToolStatus }): Promise<ToolSummary[]>;
  history(options: { name: string }): Promise<VersionEntry[]>;
  rollback(options: { name: string; to: string }): Promise<ToolRecord>;
  remove(options: { name: string }): Promise<void>;
  /** The tool's recorded calls, newest first (default 20, at most 1,000). */
  executions(options: { name: string; limit?: number }): Promise<ExecutionEntry[]>;
  /** Calls the current version with checked arguments and records the execution. */
  run(options: { name: string; args: unknown; signal?: AbortSignal }): Promise<CallOutcome>;
  /** Re-runs the current version's tests; changes nothing in the store. */
  test(options: { name: string; signal?: AbortSignal }): Promise<ToolTestReport>;
  /**
   * Re-embeds every current tool with the registry's vector embedder (after switching
   * `TOOLSMITH_EMBEDDER`). Vectors of other embedders stay recorded, so switching back needs no reindex.
   */
  reindex(options?: { signal?: AbortSignal; onProgress?: (progress: { done: number; total: number }) => void }): Promise<ReindexReport>;
}

/**
 * Remembers that the starter library was imported, so a library the user emptied stays empty.
 * `createFileMarker` keeps it as a file in Toolsmith's home.
 */
export interface StarterMarker {
  isSet(): Promise<boolean>;
  set(): Promise<void>;
}
