import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { cloneTestDatabase } from '../testing/test-app.js';
import { dbRefusalOf } from './pg-errors.js';

describe('dbRefusalOf', () => {
  it('names the refusal by the SQLSTATE on the error itself', () => {
    expect(dbRefusalOf({ code: '23505' })).toBe('unique_violation');
    expect(dbRefusalOf({ code: '23P01' })).toBe('exclusion_violation');
    expect(dbRefusalOf({ code: '23503' })).toBe('foreign_key_violation');
    expect(dbRefusalOf({ code: '23514' })).toBe('check_violation');
    expect(dbRefusalOf({ code: '40P01' })).toBe('deadlock');
    expect(dbRefusalOf({ code: '40001' })).toBe('serialization_failure');
  });

  it('reads the driver error a query builder wrapped in `cause` first', () => {
    const wrapped = new Error('Failed query', { cause: Object.assign(new Error('x'), { code: '23P01' }) });
    expect(dbRefusalOf(wrapped)).toBe('exclusion_violation');
    expect(dbRefusalOf({ code: 'ECONNRESET', cause: { code: '23505' } })).toBe('unique_violation');
  });

  it('is undefined for other codes and for things that are not errors', () => {
    for (const err of [
      { code: '42601' },
      { code: 'ECONNRESET' },
      { code: 23505 },
      { cause: 'boom' },
      new Error('plain'),
      null,
      undefined,
      '23505',
    ]) {
      expect(dbRefusalOf(err), JSON.stringify(err)).toBeUndefined();
    }
  });
});

describe('dbRefusalOf on the embedded database', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await cloneTestDatabase());
    await database.db.execute(sql`CREATE TABLE refusal_probe (id int PRIMARY KEY, n int CHECK (n > 0))`);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  const refusalOf = async (statement: ReturnType<typeof sql>) => {
    try {
      await database.db.execute(statement);
    } catch (err) {
      return dbRefusalOf(err);
    }
    throw new Error('expected the statement to be refused');
  };

  it('decodes what the driver really throws', async () => {
    await database.db.execute(sql`INSERT INTO refusal_probe VALUES (1, 1)`);
    expect(await refusalOf(sql`INSERT INTO refusal_probe VALUES (1, 2)`)).toBe('unique_violation');
    expect(await refusalOf(sql`INSERT INTO refusal_probe VALUES (2, 0)`)).toBe('check_violation');
  });
});
