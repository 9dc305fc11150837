export { freePort } from '../../../src/server/platform/redis/test-redis-server.js';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
