import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { StatementCache, prepareRepeatedStatements } from './statement-cache.js';

describe('StatementCache', () => {
  it('names a statement on its threshold-th run, and keeps that name', () => {
    const cache = new StatementCache(3);
    const text = 'select * from bookings where id = $1';
    expect(cache.nameFor(text)).toBeUndefined();
    expect(cache.nameFor(text)).toBeUndefined();
    const name = cache.nameFor(text);
    expect(name).toMatch(/^ii_[\w-]{22}$/);
    expect(cache.nameFor(text)).toBe(name);
    expect(new StatementCache(3).nameFor('select 2 where $1')).not.toBe(name);
  });

  it('the same text gets the same name in every process', () => {
    const a = new StatementCache(1);
    const b = new StatementCache(1);
    expect(a.nameFor('select $1::int')).toBe(b.nameFor('select $1::int'));
  });

  it('threshold 0 never prepares', () => {
    const cache = new StatementCache(0);
    for (let i = 0; i < 10; i++) expect(cache.nameFor('select $1::int')).toBeUndefined();
  });

  it('stops naming new statements at its cap, so each connection holds a bounded set', () => {
    const cache = new StatementCache(1, 2);
    expect(cache.nameFor('select $1::int')).toBeDefined();
    expect(cache.nameFor('select $1::text')).toBeDefined();
    expect(cache.nameFor('select $1::date')).toBeUndefined();
    expect(cache.size).toBe(2);
    expect(cache.nameFor('select $1::int')).toBeDefined();
  });
});

const url = process.env.DATABASE_URL;
describe.runIf(url)('prepared statements on PostgreSQL', () => {
  it('a repeated parameterised query is prepared on the connection; plain strings never are', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      prepareRepeatedStatements(client, new StatementCache(2));
      const text = 'select $1::int + 1 as n';
      const answers = [];
      // The ORM's call shape: config object, values beside it.
      for (let i = 0; i < 3; i++) answers.push((await client.query({ text }, [i])).rows[0].n);
      expect(answers).toEqual([1, 2, 3]);
      await client.query('select 1');
      await client.query('select 1');
      const { rows } = await client.query<{ statement: string }>(
        'select statement from pg_prepared_statements',
      );
      expect(rows.map((r) => r.statement)).toEqual([text]);
    } finally {
      await client.end();
    }
  });
});
