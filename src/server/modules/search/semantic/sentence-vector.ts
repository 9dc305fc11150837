import type { WordVectors } from './word-vectors.js';

/** Lower-case words, accents kept ("español"), punctuation dropped. */
export const tokenize = (text: string): string[] => text.toLowerCase().match(/[\p{L}][\p{L}'-]*/gu) ?? [];

/** SIF weight a / (a + p(w)), with p(w) from the word's frequency rank by Zipf's law. */
export function sifWeight(rank: number, vocabulary: number, a = 1e-3): number {
  const harmonic = Math.log(vocabulary) + 0.5772;
  const p = 1 / ((rank + 1) * harmonic);
  return a / (a + p);
}

/** Weighted average of known words' vectors, unit length; null when no word is known. */
export function sentenceVector(vectors: WordVectors, words: string[], weight = 1): Float32Array | null {
  const sum = new Float32Array(vectors.dims);
  let any = false;
  for (const w of words) {
    const rank = vectors.rank(w);
    const v = vectors.vector(w);
    if (rank === undefined || !v) continue;
    const k = weight * sifWeight(rank, vectors.size);
    for (let d = 0; d < sum.length; d++) sum[d]! += k * v[d]!;
    any = true;
  }
  return any ? unit(sum) : null;
}

export function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  return v.map((x) => x / n);
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
