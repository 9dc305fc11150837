import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DestructiveRefused, assertDestructiveAllowed, describeTarget } from './safety.js';

const cfg = (tier: string, url?: string) =>
  loadConfig(
    { DB_TIER: tier, ...(url ? { DATABASE_URL: url } : {}) },
    { sessionSecret: 's'.repeat(20), ipHashSalt: 'salt-salt', publicUrl: 'https://instainstru.example' },
  );

describe('database safety', () => {
  it('lets dev and test databases be reset freely', () => {
    expect(() => assertDestructiveAllowed(cfg('dev'), 'db:reset', [])).not.toThrow();
    expect(() => assertDestructiveAllowed(cfg('test', 'postgres://h/db'), 'seed', [])).not.toThrow();
  });

  it('refuses production unless the database is named in the confirmation', () => {
    const prod = cfg('production', 'postgres://db.example.com:5432/market');
    expect(() => assertDestructiveAllowed(prod, 'db:reset', [])).toThrow(DestructiveRefused);
    expect(() => assertDestructiveAllowed(prod, 'db:reset', ['--yes'])).toThrow(/production/);
    expect(() => assertDestructiveAllowed(prod, 'db:reset', ['--confirm-production=other'])).toThrow(
      DestructiveRefused,
    );
    expect(() => assertDestructiveAllowed(prod, 'db:reset', ['--confirm-production=market'])).not.toThrow();
  });

  it('asks staging for an explicit --yes', () => {
    const staging = cfg('staging', 'postgres://h/stage');
    expect(() => assertDestructiveAllowed(staging, 'seed', [])).toThrow(/staging/);
    expect(() => assertDestructiveAllowed(staging, 'seed', ['--yes'])).not.toThrow();
  });

  it('names the target without its password', () => {
    expect(describeTarget(cfg('staging', 'postgres://u:secret@h:5433/stage'))).toBe(
      'PostgreSQL h:5433/stage (tier staging)',
    );
  });
});
