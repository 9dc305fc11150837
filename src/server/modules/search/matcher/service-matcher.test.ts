import { describe, expect, it } from 'vitest';
import { readCatalogFile } from '../../catalog/catalog-data.js';
import { ServiceMatcher } from './service-matcher.js';

// The real catalog, ids as slugs, without word vectors: names, aliases, categories and typos only.
const services = readCatalogFile().data.services.map((s) => ({
  id: s.slug,
  slug: s.slug,
  name: s.name,
  categorySlug: s.category,
  searchTerms: s.searchTerms,
}));
const matcher = new ServiceMatcher(services, null);
const ids = (text: string) => matcher.match(text).services.map((s) => s.id);

describe('one service named once', () => {
  it.each(['math', 'maths', 'math 12/3', 'piano keyboard piano'])(
    '%s lists each service at most once',
    (text) => {
      const got = ids(text);
      expect(got.length).toBeGreaterThan(0);
      expect(new Set(got).size).toBe(got.length);
    },
  );

  it('"math" (a name that is also its own alias after folding) is matched exactly, not twice', () => {
    expect(matcher.match('math').services).toEqual([{ id: 'math', kind: 'exact', score: 1, phrase: 'math' }]);
  });
});

describe('no category beside a named service', () => {
  it.each([
    ['spanish tutor', 'spanish'],
    ['guitar music', 'guitar'],
    ['yoga fitness', 'yoga'],
  ])('%s names %s and no category', (text, slug) => {
    const m = matcher.match(text);
    expect(m.services.map((s) => s.id)).toEqual([slug]);
    expect(m.category).toBeNull();
  });

  it('a category word alone still names the category', () => {
    expect(matcher.match('tutor')).toMatchObject({ services: [], category: 'tutoring' });
  });
});

describe('unrecognised words', () => {
  it('are reported, and gibberish names no service or category', () => {
    expect(matcher.match('qwzx vbnm')).toEqual({ services: [], category: null, leftover: ['qwzx', 'vbnm'] });
  });

  it('beside a service are reported too', () => {
    expect(matcher.match('piano zxcv')).toMatchObject({ services: [{ id: 'piano' }], leftover: ['zxcv'] });
  });

  it('a slip in a filler word ("lesons", "clases") is filler, not an unrecognised word', () => {
    expect(matcher.match('piano lesons').leftover).toEqual([]);
    expect(matcher.match('yoga clases').leftover).toEqual([]);
  });
});

describe('did you mean', () => {
  it.each([
    ['yga', 'yoga'],
    ['jaz', 'jazz'],
    ['calligrafy', 'calligraphy'],
  ])('%s → %s', (word, suggestion) => {
    expect(matcher.suggest(word)).toBe(suggestion);
  });

  it('suggests nothing for words far from every catalog word', () => {
    expect(matcher.suggest('zxcv')).toBeNull();
    expect(matcher.suggest('qwzx')).toBeNull();
  });

  it('never suggests the word itself or for numbers', () => {
    expect(matcher.suggest('piano')).not.toBe('piano');
    expect(matcher.suggest('123')).toBeNull();
  });
});

describe('semantic matches are a last resort', () => {
  // A neighbour that always answers, as a weak vector match of any word would.
  const eager = new ServiceMatcher(services, { nearest: () => [{ id: 'chess', score: 0.61 }] });

  it.each(['piano workshop', 'workshop and piano', 'piano or workshop'])(
    '%s names Piano only: no neighbour joins a named service',
    (text) => {
      expect(eager.match(text).services.map((s) => s.id)).toEqual(['piano']);
    },
  );

  it('a word two slips from a service ("workshop" ~ "woodshop") beside a named one is unrecognised', () => {
    expect(matcher.match('piano workshop')).toMatchObject({
      services: [{ id: 'piano' }],
      leftover: ['workshop'],
    });
  });

  it('a category word keeps the neighbour out too', () => {
    expect(eager.match('music event')).toMatchObject({ services: [], category: 'music' });
  });

  it('a text that named nothing may be read by meaning, and is then not reported as unrecognised', () => {
    expect(eager.match('seminar')).toMatchObject({
      services: [{ id: 'chess', kind: 'semantic' }],
      leftover: [],
    });
  });
});
