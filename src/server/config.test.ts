import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const secrets = { sessionSecret: 's'.repeat(20), ipHashSalt: 'salt-salt' };

describe('config', () => {
  it('defaults to the embedded database with demo data on port 3000', () => {
    const c = loadConfig({}, secrets);
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      seedDemo: true,
      role: 'all',
      rateLimitPerMin: 600,
    });
  });

  it('does not seed demo data into a PostgreSQL server unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }, secrets).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db', SEED_DEMO: 'true' }, secrets).seedDemo).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '', PORT: '' }, secrets)).toMatchObject({
      databaseUrl: undefined,
      redisUrl: undefined,
      port: 3000,
    });
  });

  it('refuses malformed values with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, secrets)).toThrow(ConfigError);
    expect(() => loadConfig({ ROLE: 'boss' }, secrets)).toThrow(/ROLE/);
    expect(() => loadConfig({ REDIS_URL: 'not a url' }, secrets)).toThrow(/REDIS_URL/);
  });

  it('requires real secrets outside dev and test', () => {
    expect(() =>
      loadConfig({ DB_TIER: 'production', DATA_DIR: '/nonexistent', PUBLIC_URL: 'https://x.example' }),
    ).toThrow(/SESSION_SECRET/);
  });

  it('requires PUBLIC_URL in staging and production (emails link to it), not in dev', () => {
    for (const tier of ['staging', 'production']) {
      expect(() => loadConfig({ DB_TIER: tier }, secrets)).toThrow(/PUBLIC_URL/);
      expect(
        loadConfig({ DB_TIER: tier, PUBLIC_URL: 'https://instainstru.example' }, secrets).publicUrl,
      ).toBe('https://instainstru.example');
    }
    expect(loadConfig({ PORT: '4000' }, secrets).publicUrl).toBe('http://localhost:4000');
  });
});
