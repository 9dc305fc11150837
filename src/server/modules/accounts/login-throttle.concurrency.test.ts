import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestApp } from '../../testing/test-app.js';
import { TEST_PASSWORD, createTestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (email: string, password: string, i: number) =>
  t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    // Fifty different client addresses: the per-account limit must hold on its own.
    remoteAddress: `203.0.113.${i + 1}`,
  });

describe('the per-account login limit under concurrency', () => {
  it('50 concurrent wrong guesses at one account verify at most 10 passwords', async () => {
    const u = await t.user();
    const verify = vi.spyOn(t.services.hasher, 'verify');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login(u.email, 'Wrong-pass-1', i)),
    );
    const verified = verify.mock.calls.length;
    verify.mockRestore();
    expect(verified).toBeLessThanOrEqual(10);
    expect(answers.filter((a) => a.statusCode === 401).length).toBeLessThanOrEqual(10);
    expect(answers.every((a) => a.statusCode === 401 || a.statusCode === 429)).toBe(true);
  });

  it('the right password hidden among 50 concurrent wrong ones is not let in past the budget', async () => {
    const u = await t.user();
    // Use the budget up first, then race: nothing may be verified any more, the right password included.
    for (let i = 0; i < 10; i++) await login(u.email, 'Wrong-pass-1', i);
    const verify = vi.spyOn(t.services.hasher, 'verify');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login(u.email, i === 25 ? TEST_PASSWORD : 'Wrong-pass-1', i)),
    );
    const verified = verify.mock.calls.length;
    verify.mockRestore();
    expect(verified).toBe(0);
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(429));
  });
});
