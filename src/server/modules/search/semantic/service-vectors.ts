import { cosine, sentenceVector, tokenize, unit } from './sentence-vector.js';
import type { WordVectors } from './word-vectors.js';

export interface ServiceText {
  id: string;
  name: string;
  searchTerms: string[];
  description: string;
}

export interface ServiceVectorIndex {
  entries: { id: string; vector: Float32Array }[];
}

/** A service's meaning: its name (×3), aliases (×2) and description (×1), each SIF-weighted. */
export function buildServiceVectors(vectors: WordVectors, services: ServiceText[]): ServiceVectorIndex {
  const entries = [];
  for (const s of services) {
    const parts = [
      sentenceVector(vectors, tokenize(s.name), 3),
      sentenceVector(vectors, tokenize(s.searchTerms.join(' ')), 2),
      sentenceVector(vectors, tokenize(s.description), 1),
    ];
    const sum = new Float32Array(vectors.dims);
    [3, 2, 1].forEach((w, i) => {
      const p = parts[i];
      if (p) for (let d = 0; d < sum.length; d++) sum[d]! += w * p[d]!;
    });
    if (parts.some(Boolean)) entries.push({ id: s.id, vector: unit(sum) });
  }
  return { entries };
}

export function nearestServices(
  index: ServiceVectorIndex,
  query: Float32Array,
  k: number,
  minScore: number,
): { id: string; score: number }[] {
  return index.entries
    .map((e) => ({ id: e.id, score: cosine(query, e.vector) }))
    .filter((e) => e.score >= minScore)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, k);
}
