import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import type { SemanticFactory } from '../search-matching.js';
import { wordVectorsPath } from '../vectors-path.js';
import { buildServiceVectors, nearestServices } from './service-vectors.js';
import { sentenceVector, tokenize } from './sentence-vector.js';
import { WordVectors } from './word-vectors.js';

/** Tuned on the relevance set and the probes in docs/PERFORMANCE.md: below 0.6 common words drift. */
export const SEMANTIC_MIN_SCORE = 0.6;
/** Services this close to the best are equally plausible ("recipes" → Cooking and Kids Cooking). */
const SEMANTIC_MARGIN = 0.05;
const SEMANTIC_MAX = 3;
const COMMON_WORDS = 1000;

/**
 * Word-vector similarity for words the catalog never listed. Without the built vectors file
 * (npm run build:vectors) search still works, minus this fallback, and says so once.
 */
export function semanticFactory(log: Logger, path = wordVectorsPath()): SemanticFactory {
  let vectors: WordVectors | null | undefined;
  return (services) => {
    if (vectors === undefined) {
      vectors = existsSync(path) ? WordVectors.load(path) : null;
      if (!vectors)
        log.warn({ path }, 'word vectors missing: semantic matching is off (npm run build:vectors)');
    }
    const v = vectors;
    if (!v) return null;
    const index = buildServiceVectors(v, services);
    return {
      nearest(phrase) {
        // The most common English words ("something", "good", "new") say nothing about a subject.
        const words = tokenize(phrase).filter((w) => (v.rank(w) ?? Infinity) >= COMMON_WORDS);
        const q = sentenceVector(v, words);
        if (!q) return [];
        const hits = nearestServices(index, q, SEMANTIC_MAX, SEMANTIC_MIN_SCORE);
        const best = hits[0]?.score ?? 0;
        return hits.filter((h) => h.score >= best - SEMANTIC_MARGIN);
      },
    };
  };
}
