import { describe, expect, it } from 'vitest';
import { createMemoryVectorIndex } from './memory-vector-index.ts';

/** Deterministic pseudo-random numbers in [-0.5, 0.5). */
function randomSource(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296 - 0.5;
  };
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    aa += (a[i] ?? 0) ** 2;
    bb += (b[i] ?? 0) ** 2;
  }
  return dot / Math.sqrt(aa * bb);
}

/** Vectors around `clusters` centres, as real sentence vectors group by topic. */
function clusteredVectors(options: { count: number; dimensions: number; clusters: number; seed: number }): Float32Array[] {
  const random = randomSource(options.seed);
  const centres = Array.from({ length: options.clusters }, () => Float32Array.from({ length: options.dimensions }, random));
  return Array.from({ length: options.count }, (_, i) => {
    const centre = centres[i % options.clusters] ?? centres[0]!;
    return centre.map((value) => value + 0.6 * random());
  });
}

function exactNearest(vectors: Map<string, Float32Array>, query: Float32Array, limit: number): string[] {
  return [...vectors]
    .map(([name, vector]) => ({ name, similarity: cosine(vector, query) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, limit)
    .map((hit) => hit.name);
}

describe('createMemoryVectorIndex', () => {
  it('ranks a small library exactly, by cosine', () => {
    const vectors = new Map(clusteredVectors({ count: 60, dimensions: 24, clusters: 4, seed: 7 }).map((vector, i) => [`tool_${i}`, vector]));
    const index = createMemoryVectorIndex({ dimensions: 24 });
    for (const [name, vector] of vectors) index.upsert(name, vector);
    const query = clusteredVectors({ count: 1, dimensions: 24, clusters: 1, seed: 99 })[0]!;
    const hits = index.nearest(query, 10);
    expect(hits.map((hit) => hit.name)).toEqual(exactNearest(vectors, query, 10));
    for (const hit of hits) expect(hit.similarity).toBeCloseTo(cosine(vectors.get(hit.name)!, query), 5);
    expect(index.size).toBe(60);
  });

  it('replaces, removes and scores named tools', () => {
    const index = createMemoryVectorIndex({ dimensions: 3 });
    index.upsert('east', Float32Array.of(1, 0, 0));
    index.upsert('north', Float32Array.of(0, 1, 0));
    index.upsert('up', Float32Array.of(0, 0, 1));
    expect(index.nearest(Float32Array.of(0, 2, 0.1), 1)[0]?.name).toBe('north');
    // A new vector for the same tool replaces the old one.
    index.upsert('north', Float32Array.of(0, 0, -1));
    expect(index.nearest(Float32Array.of(0, 2, 0.1), 1)[0]?.name).not.toBe('north');
    // Removing the first slot moves the last tool into it; both stay findable.
    index.remove('east');
    expect(index.size).toBe(2);
    expect(index.nearest(Float32Array.of(0, 0, 1), 2).map((hit) => hit.name)).toEqual(['up', 'north']);
    const similarities = index.similarities(Float32Array.of(0, 0, 3), ['up', 'north', 'east', 'never_added']);
    expect([...similarities.keys()]).toEqual(['up', 'north']);
    expect(similarities.get('up')).toBeCloseTo(1, 6);
    expect(similarities.get('north')).toBeCloseTo(-1, 6);
    // A zero vector has no direction: the tool leaves the index, and a zero query finds nothing.
    index.upsert('up', new Float32Array(3));
    expect(index.size).toBe(1);
    expect(index.nearest(new Float32Array(3), 5)).toEqual([]);
  });

  it('keeps every tool through growth, removals and a restore from its contents, whatever the dimensions', () => {
    // 6 dimensions are stored 8 floats apart: contents must come back packed.
    const dimensions = 6;
    const vectors = new Map(clusteredVectors({ count: 300, dimensions, clusters: 5, seed: 21 }).map((vector, i) => [`tool_${i}`, vector]));
    const index = createMemoryVectorIndex({ dimensions });
    for (const [name, vector] of vectors) index.upsert(name, vector);
    for (let i = 0; i < 300; i += 3) {
      index.remove(`tool_${i}`);
      vectors.delete(`tool_${i}`);
    }
    const contents = index.contents();
    expect(contents.names).toHaveLength(200);
    expect(contents.vectors).toHaveLength(200 * dimensions);
    contents.names.forEach((name, slot) => {
      const unit = contents.vectors.subarray(slot * dimensions, (slot + 1) * dimensions);
      expect(cosine(unit, vectors.get(name)!)).toBeCloseTo(1, 5);
    });
    const restored = createMemoryVectorIndex({ dimensions });
    restored.restore(contents);
    const query = clusteredVectors({ count: 1, dimensions, clusters: 1, seed: 5 })[0]!;
    expect(restored.nearest(query, 15).map((hit) => hit.name)).toEqual(exactNearest(vectors, query, 15));
    expect(index.nearest(query, 15)).toEqual(restored.nearest(query, 15));
    expect(() => restored.restore({ names: ['a', 'a'], vectors: new Float32Array(2 * dimensions) })).toThrow(/"a" appears twice/);
    // A refused restore leaves the index as it was.
    expect(restored.size).toBe(200);
  });

  it('refuses vectors of another length or with non-finite values, naming the problem', () => {
    const index = createMemoryVectorIndex({ dimensions: 3 });
    expect(() => index.upsert('a', Float32Array.of(1, 0))).toThrow(/2 dimensions, the index 3/);
    expect(() => index.upsert('a', Float32Array.of(1, Number.NaN, 0))).toThrow(/not a finite number/);
    expect(() => createMemoryVectorIndex({ dimensions: 0 })).toThrow(/positive integer/);
  });

  it('finds nearly all of the exact nearest 20 in a large library through its shortlist', () => {
    const dimensions = 512;
    const vectors = new Map(clusteredVectors({ count: 20_000, dimensions, clusters: 200, seed: 3 }).map((vector, i) => [`tool_${i}`, vector]));
    const index = createMemoryVectorIndex({ dimensions });
    for (const [name, vector] of vectors) index.upsert(name, vector);
    const queries = clusteredVectors({ count: 30, dimensions, clusters: 200, seed: 3 }).map((vector, i) => vector.map((value, d) => value + 0.2 * Math.sin(i + d)));
    let found = 0;
    for (const query of queries) {
      const exact = new Set(exactNearest(vectors, query, 20));
      found += index.nearest(query, 20).filter((hit) => exact.has(hit.name)).length;
    }
    expect(found / (queries.length * 20)).toBeGreaterThan(0.95);
  });
});
