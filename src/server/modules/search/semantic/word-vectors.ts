import type { VectorData } from './vector-file.js';
import { readVectorFile } from './vector-file.js';

/** The compact GloVe vectors in memory: lookup by word, rank = frequency order. */
export class WordVectors {
  private readonly index = new Map<string, number>();

  constructor(private readonly data: VectorData) {
    data.words.forEach((w, i) => this.index.set(w, i));
  }

  static load(path: string): WordVectors {
    return new WordVectors(readVectorFile(path));
  }

  get dims(): number {
    return this.data.dims;
  }

  get size(): number {
    return this.data.words.length;
  }

  rank(word: string): number | undefined {
    return this.index.get(word);
  }

  /** Dequantised and unit length; null for an unknown word. */
  vector(word: string): Float32Array | null {
    const i = this.index.get(word);
    if (i === undefined) return null;
    const { dims, scales, values } = this.data;
    const out = new Float32Array(dims);
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      out[d] = values[i * dims + d]! * scales[i]!;
      norm += out[d]! * out[d]!;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[d]! /= norm;
    return out;
  }
}
