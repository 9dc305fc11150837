import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { readCatalogFile } from '../../catalog/catalog-data.js';
import { wordVectorsPath } from '../vectors-path.js';
import { semanticFactory } from './semantic-matcher.js';
import { cosine, sentenceVector, sifWeight, tokenize } from './sentence-vector.js';
import { buildServiceVectors, nearestServices } from './service-vectors.js';
import { quantize, readVectorFile, writeVectorFile } from './vector-file.js';
import { WordVectors } from './word-vectors.js';

const tiny = () => {
  const words = ['the', 'music', 'piano', 'keys', 'sport', 'ball', 'soccer'];
  const raw = [
    [1, 1, 1, 1],
    [1, 0, 0, 0.1],
    [0.9, 0.1, 0, 0],
    [0.8, 0.2, 0, 0],
    [0, 1, 0, 0.1],
    [0, 0.9, 0.2, 0],
    [0.05, 0.95, 0.1, 0],
  ];
  const { scales, values } = quantize(raw, 4);
  const path = join(mkdtempSync(join(tmpdir(), 'wv-')), 'v.bin');
  writeVectorFile(path, { words, dims: 4, scales, values });
  return { path, raw, words };
};

describe('compact vector file', () => {
  it('round-trips words and vectors within the Int8 quantisation error', () => {
    const { path, raw, words } = tiny();
    const data = readVectorFile(path);
    expect(data.words).toEqual(words);
    raw.forEach((v, i) =>
      v.forEach((x, d) =>
        expect(Math.abs(data.values[i * 4 + d]! * data.scales[i]! - x)).toBeLessThanOrEqual(
          data.scales[i]! / 2 + 1e-9,
        ),
      ),
    );
  });

  it('refuses a file that is not one', () => {
    const { path } = tiny();
    expect(() => readVectorFile(path.replace('v.bin', ''))).toThrow();
  });
});

describe('sentence and service vectors', () => {
  it('weights rare words above frequent ones (SIF)', () => {
    expect(sifWeight(0, 100_000)).toBeLessThan(sifWeight(5_000, 100_000));
  });

  it('tokenizes with accents and without punctuation', () => {
    expect(tokenize('¡Español, por favor!')).toEqual(['español', 'por', 'favor']);
  });

  it('ranks services by meaning and drops those under the threshold', () => {
    const v = WordVectors.load(tiny().path);
    const index = buildServiceVectors(v, [
      { id: 'piano', name: 'Piano', searchTerms: ['keys'], description: 'music' },
      { id: 'soccer', name: 'Soccer', searchTerms: ['ball'], description: 'sport' },
    ]);
    const q = sentenceVector(v, ['keys'])!;
    expect(nearestServices(index, q, 2, 0).map((h) => h.id)).toEqual(['piano', 'soccer']);
    expect(nearestServices(index, q, 2, 0.9).map((h) => h.id)).toEqual(['piano']);
    expect(sentenceVector(v, ['unknown'])).toBeNull();
    expect(cosine(q, q)).toBeCloseTo(1, 5);
  });
});

describe('the real GloVe vectors (built by npm install into var/build)', () => {
  it('find the services for words the catalog never lists', () => {
    expect(existsSync(wordVectorsPath()), 'run npm run build:vectors').toBe(true);
    const services = readCatalogFile().data.services.map((s) => ({
      ...s,
      id: s.slug,
      categorySlug: s.category,
    }));
    const semantic = semanticFactory(pino({ level: 'silent' }))(services as never)!;
    const top = (q: string) => semantic.nearest(q).map((h) => h.id);
    expect(top('equations')[0]).toBe('algebra');
    expect(top('quantum')[0]).toBe('physics');
    expect(top('recipes')[0]).toBe('cooking');
    expect(top('novel')[0]).toBe('creative-writing');
    // Common words carry no subject.
    expect(top('something good')).toEqual([]);
  });
});
