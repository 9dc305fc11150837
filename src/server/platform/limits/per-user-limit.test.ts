import { describe, expect, it } from 'vitest';
import { PerUserLimit } from './per-user-limit.js';

const deps = { redis: undefined, redisHealth: undefined, keyPrefix: 't:' };

describe('PerUserLimit', () => {
  it('gives each user their own budget per minute; past it, 429 with Retry-After', async () => {
    const limit = new PerUserLimit({ action: 'unit-action', perMinute: 2 }, deps);
    await limit.consume('ann');
    await limit.consume('ann');
    await expect(limit.consume('ann')).rejects.toMatchObject({
      statusCode: 429,
      headers: { 'retry-after': expect.any(String) },
    });
    // Another user is not held back by the first one's use.
    await expect(limit.consume('bob')).resolves.toBeUndefined();
  });

  it('takes a refunded point back into the budget', async () => {
    const limit = new PerUserLimit({ action: 'unit-refund', perMinute: 1 }, deps);
    await limit.consume('ann');
    await limit.refund('ann');
    await expect(limit.consume('ann')).resolves.toBeUndefined();
    await expect(limit.consume('ann')).rejects.toMatchObject({ statusCode: 429 });
  });
});
