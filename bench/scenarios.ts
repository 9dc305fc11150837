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

/** The acceptance check's 120 queries: twelve services, each with ten everyday constraints. */
const CHECK_SERVICES = [
  'piano',
  'guitar',
  'violin',
  'spanish',
  'french',
  'yoga',
  'chess',
  'math',
  'drums',
  'swimming',
  'sat prep',
  'coding',
];
const CHECK_TAILS = [
  '',
  ' under $80',
  ' tomorrow',
  ' in brooklyn',
  ' this weekend',
  ' online',
  ' for kids',
  ' after 5pm',
  ' in queens under $60',
  ' beginner',
];
export const EVERYDAY_QUERIES = CHECK_SERVICES.flatMap((s) => CHECK_TAILS.map((t) => s + t));

const searchPath = (q: string) => `/api/v1/search?q=${encodeURIComponent(q)}`;
const guestId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Demo students' bearer tokens, so signed-in searches write their history as the web app's do. */
async function studentTokens(base: string): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `student${i}@instainstru.local`, password: 'Demo-pass-1' }),
    });
    tokens.push(((await res.json()) as { token: string }).token);
  }
  return tokens;
}

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
    // As the web app searches: every request names its guest, so history rows and events are written.
    name: 'GET /search (120 everyday, 16 guests)',
    requests: async () =>
      EVERYDAY_QUERIES.map((_, i) => ({
        ...get(searchPath(EVERYDAY_QUERIES[(i * 7) % EVERYDAY_QUERIES.length]!)),
        headers: { 'x-guest-session-id': guestId(i % 16) },
      })),
  },
  {
    name: 'GET /search (120 everyday, signed in)',
    requests: async (base) => {
      const tokens = await studentTokens(base);
      return EVERYDAY_QUERIES.map((q, i) => ({
        ...get(searchPath(q)),
        headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
      }));
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
