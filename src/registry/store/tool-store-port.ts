import type { SuiteResult } from '../../sandbox/index.ts';
import type { ToolPackage } from '../../tool-package/index.ts';
import type {
  CandidateSummary,
  Embedding,
  ExecutionInput,
  RankingPolicy,
  RankingPolicyInput,
  ToolRecord,
  ToolStats,
  ToolStatus,
  ToolSummary,
  VersionEntry,
} from './store-schemas.ts';
import type { CandidateOptions, Candidates, TextMatchOptions } from './search-candidates.ts';
import type { SentenceCandidateOptions, SentenceCandidates } from './sentence-candidates.ts';
import type { SearchStatistics } from './search-statistics.ts';
import type { EmbeddingChanges, EmbeddingChangesOptions } from './embedding-changes.ts';
import type { SearchContext, SearchContextOptions } from './search-context.ts';
import type { TextChanges, TextChangesOptions } from './text-changes.ts';

/** One logged call of a tool, as `executions` reads it back. */
export interface ExecutionEntry {
  /** The version that ran. */
  version: string;
  success: boolean;
  /** `code: message` when the call failed, else null. */
  error: string | null;
  durationMs: number;
  createdAt: Date;
}

export interface AddVersionOptions {
  /** The version string is `pkg.manifest.version`; it must be new for this tool. */
  pkg: ToolPackage;
  status: ToolStatus;
  /** Why it is experimental (failing tests, not yet run...). */
  statusReason?: string;
  /** The sandbox run that decided the status; omit when none ran (an import stored as experimental). */
  testResults?: SuiteResult;
  /** Why this version exists: "created", "imported", "repaired: <what>". */
  reason: string;
  /** Vectors of the new version, one per embedder. The tool's other vectors are dropped (they describe the old one). */
  embeddings: Embedding[];
}

/**
 * The tool library, persisted: every version of every tool with its code, tests, test results and
 * why it was made; which version is current; vectors per embedder; an execution log; the ranking
 * policy. Runs on embedded PGlite or a Postgres server with pgvector (`openToolStore`).
 *
 * Missing tools and versions throw `ToolsmithError` (user, `tool_not_found` / `version_not_found`).
 *
 * @example
 * const { store, close } = await openToolStore({ dataDir: '~/.toolsmith' });
 * await store.addVersion({ pkg, status: 'verified', testResults: suite, reason: 'created',
 *   embeddings: [{ embedderId: 'wink-sg-100d', vector }] });
 * const hits = await store.vectorSearch({ embedderId: 'wink-sg-100d', vector: queryVector, limit: 5 });
 * const tool = await store.get({ name: hits[0].name });
 * await close();
 */
export interface ToolStore {
  /**
   * In one transaction: creates the tool or appends a version, makes it current, replaces the
   * tool's vectors and its text-search document. Throws `version_exists` (user) when the tool
   * already has that version; nothing is written then, nor on any other failure.
   */
  addVersion(options: AddVersionOptions): Promise<ToolRecord>;
  /** One version (default: the current one) with the tool's current version and stats. */
  get(options: { name: string; version?: string }): Promise<ToolRecord>;
  /** Current versions, by name; `limit` defaults to all. */
  list(options?: { status?: ToolStatus; limit?: number; offset?: number }): Promise<ToolSummary[]>;
  /** Every version, newest first; `isCurrent` marks the one in use. */
  history(options: { name: string }): Promise<VersionEntry[]>;
  /**
   * Makes an existing version current again. A pointer move: no version is added, the history
   * keeps its entries and `isCurrent` moves. The text-search document is rebuilt from that version;
   * vectors whose embedded text (name, description, parameters) differs are replaced by
   * `embeddings` when given, else dropped so `embeddingsMissing` reports them for reindexing.
   */
  rollback(options: { name: string; to: string; embeddings?: Embedding[] }): Promise<ToolRecord>;
  /** Deletes the tool with all its versions, vectors and executions. */
  remove(options: { name: string }): Promise<void>;
  /** Logs one call and updates the tool's counters, atomically. */
  recordExecution(options: ExecutionInput): Promise<void>;
  stats(options: { name: string }): Promise<ToolStats>;
  /**
   * The tool's logged calls, newest first; `limit` (1 to 1,000) defaults to 20.
   *
   * @example
   * const [latest] = await store.executions({ name: 'percentage_of', limit: 5 });
   * if (latest && !latest.success) console.log(latest.version, latest.error);
   */
  executions(options: { name: string; limit?: number }): Promise<ExecutionEntry[]>;
  /**
   * Nearest current tools by cosine similarity (1 − cosine distance), best first, through the
   * embedder's HNSW index. An embedder never used returns no hits.
   */
  vectorSearch(options: { embedderId: string; vector: number[]; limit: number }): Promise<Array<{ name: string; similarity: number }>>;
  /**
   * Full-text search (English stemming) over name words (weight A), description (B) and parameter
   * names and descriptions (C). Any query word matches; tools matching more and rarer words rank
   * higher. `rank` is in [0, 1).
   */
  textSearch(options: { query: string; limit: number }): Promise<Array<{ name: string; rank: number }>>;
  /** What search ranks the named tools by, from their current versions (names not in the library are left out), by name. */
  summaries(options: { names: readonly string[] }): Promise<CandidateSummary[]>;
  /**
   * Catalog-wide lexical statistics (tool count, mean length, tools per term) for re-scoring
   * search candidates; kept current by every write, so reading them costs one indexed lookup.
   */
  searchStatistics(options: { terms: readonly string[] }): Promise<SearchStatistics>;
  /**
   * What a search reads first, in one round trip: `searchStatistics` for `terms`, the policy in
   * force, and, when asked, the first page of `embeddingChanges` for each embedder and of `textChanges` since their snapshots.
   */
  searchContext(options: SearchContextOptions): Promise<SearchContext>;
  /**
   * A search's candidates in one round trip: the `limit` nearest current tools by vector (HNSW) and
   * the `limit` best full-text matches (GIN, bounded by `textMatchBudget`), with their summaries.
   */
  searchCandidates(options: CandidateOptions): Promise<Candidates>;
  /**
   * `searchCandidates`' full-text channel alone: the names of the `limit` best matches, best first,
   * without summaries (a search serving its vectors from memory reads every channel's summaries at once).
   */
  textMatches(options: TextMatchOptions): Promise<string[]>;
  /**
   * A second vector channel for the same search, once its (slower) query vector is ready: the
   * `limit` nearest tools not among `known`, with summaries, and the similarity of every candidate.
   */
  sentenceCandidates(options: SentenceCandidateOptions): Promise<SentenceCandidates>;
  /**
   * One embedder's vectors written or removed since a snapshot an earlier call returned (every
   * vector without one), a page at a time: what a copy of them kept in memory must apply to stay current.
   */
  embeddingChanges(options: EmbeddingChangesOptions): Promise<EmbeddingChanges>;
  /**
   * The same for what full-text search reads of each tool (name, description, parameters): the
   * changes a copy of the texts kept in memory (the in-memory full-text index) must apply.
   *
   * @example
   * const first = await store.textChanges({ limit: 500 });
   * const later = await store.textChanges({ since: first.snapshot, limit: 500 });
   */
  textChanges(options: TextChangesOptions): Promise<TextChanges>;
  /** Tools with no vector from this embedder, by name: what `reindex` must embed. */
  embeddingsMissing(options: { embedderId: string }): Promise<string[]>;
  /** Upserts vectors of the tool's current version (reindexing with a new embedder). */
  setEmbeddings(options: { name: string; embeddings: Embedding[] }): Promise<void>;
  /** The policy in force (the newest). */
  getRankingPolicy(): Promise<RankingPolicy>;
  /** Stores a new policy version. Weights are non-negative and sum to 1; 0 ≤ check ≤ reuse ≤ 1. */
  setRankingPolicy(options: RankingPolicyInput): Promise<RankingPolicy>;
}
