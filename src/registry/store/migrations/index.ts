import { initialSchema } from './0001-initial.ts';
import { searchStatistics } from './0002-search-statistics.ts';
import { sessions } from './0003-sessions.ts';
import { manifestOrder } from './0004-manifest-order.ts';
import { embeddingChanges } from './0005-embedding-changes.ts';
import { candidateColumns } from './0006-candidate-columns.ts';
import { fullTextIndexNoPendingList } from './0007-full-text-index-no-pending-list.ts';
import { searchStatisticsGeneration } from './0008-search-statistics-generation.ts';
import { textChanges } from './0009-text-changes.ts';
import type { Migration } from './migration.ts';

export type { Migration } from './migration.ts';

/** Every migration, in the order they apply. Append new ones; never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, searchStatistics, sessions, manifestOrder, embeddingChanges, candidateColumns, fullTextIndexNoPendingList, searchStatisticsGeneration, textChanges];
