/** One schema change: statements run in order, in the migration transaction. */
export interface Migration {
  /** Applied in ascending order; never reuse or renumber. */
  id: number;
  name: string;
  /** One statement per entry (the extended protocol runs one at a time). */
  statements: readonly string[];
}
