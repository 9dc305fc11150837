import { describe, expect, it } from 'vitest';
import { readAreasFile } from './areas-data.js';

describe('data/areas.json', () => {
  it('has the five boroughs, each with neighbourhoods, all slugs unique', () => {
    const { data: areas } = readAreasFile();
    const boroughs = areas.regions.flatMap((r) => r.boroughs);
    expect(boroughs.map((b) => b.slug).sort()).toEqual([
      'bronx',
      'brooklyn',
      'manhattan',
      'queens',
      'staten-island',
    ]);
    const hoods = boroughs.flatMap((b) => b.neighborhoods.map((n) => n.slug));
    expect(new Set(hoods).size).toBe(hoods.length);
    for (const b of boroughs) expect(b.neighborhoods.length).toBeGreaterThanOrEqual(10);
  });
});
