import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AREAS_JSON, boroughsOf } from '../../scripts/build-areas-vocabulary.js';
import { BOROUGHS, BOROUGH_SLUGS } from './areas.generated.js';

describe('the area vocabulary', () => {
  it('is what data/areas.json says (run scripts/build-areas-vocabulary.ts after editing it)', () => {
    const expected = boroughsOf(readFileSync(AREAS_JSON, 'utf8'));
    expect(BOROUGHS).toEqual(expected);
    expect(BOROUGH_SLUGS).toEqual(expected.map((b) => b.slug));
  });
});
