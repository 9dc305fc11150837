import type { Request } from 'autocannon';

export interface Scenario {
  name: string;
  headers?: Record<string, string>;
  requests(base: string): Promise<Request[]>;
}

const get = (path: string): Request => ({ method: 'GET', path });

/** The query mix for the search figures: specific, multi-service, category, broad, constrained. */
export const SEARCH_QUERIES = [
  'piano under $80 tomorrow evening in Brooklyn',
  'online spanish for kids',
  'sat prep this weekend',
  'cheap guitar lessons',
  'yoga classes near me',
  'music lessons under $50',
  'piano or guitar under $60',
  'spanish and french teachers',
  'tutoring help',
  'fitness classes',
  'lessons under $30',
  'tomorrow',
  'piono lessons',
  'keyboard lessons',
  'drum',
  'beginner chess for adults',
  'math tutor for my son after 5pm',
  'voice lessons in the bronx',
  'calculus 90 minutes next week',
  'photography in manhattan saturday morning',
];

export const SCENARIOS: Scenario[] = [
  { name: 'GET /health (trivial)', requests: async () => [get('/health')] },
  { name: 'GET /catalog/categories', requests: async () => [get('/api/v1/catalog/categories')] },
  {
    name: 'GET /catalog/top-per-category',
    requests: async () => [get('/api/v1/catalog/top-per-category?limit=7')],
  },
  {
    name: 'GET /catalog/all (br)',
    headers: { 'accept-encoding': 'br' },
    requests: async () => [get('/api/v1/catalog/all')],
  },
  {
    name: 'GET /search (20-query mix)',
    requests: async () => SEARCH_QUERIES.map((q) => get(`/api/v1/search?q=${encodeURIComponent(q)}`)),
  },
  {
    // Every request a different query (price caps vary), so no ranked list is ever reused.
    name: 'GET /search (500 distinct, uncached)',
    requests: async () => {
      const bases = SEARCH_QUERIES.filter((q) => !q.includes('$') && !q.includes('cheap'));
      return Array.from({ length: 500 }, (_, i) =>
        get(
          `/api/v1/search?q=${encodeURIComponent(`${bases[i % bases.length]} under $${31 + Math.floor(i / bases.length)}`)}`,
        ),
      );
    },
  },
  {
    name: 'GET /public/…/availability (30 days)',
    requests: async (base) => {
      const list = (await (await fetch(`${base}/api/v1/instructors?perPage=50`)).json()) as {
        items: { id: string }[];
      };
      return list.items.map((i) => get(`/api/v1/public/instructors/${i.id}/availability?detail=full`));
    },
  },
];
