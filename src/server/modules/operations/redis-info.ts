import type { OpsRedis } from '../../../contracts/ops.js';

/** Parses the text of Redis' INFO command into `field → value` (sections flattened). */
export function parseInfo(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    const i = line.indexOf(':');
    if (i > 0) fields.set(line.slice(0, i), line.slice(i + 1));
  }
  return fields;
}

/** The figures the operations page shows, from a parsed INFO. */
export function redisFigures(info: Map<string, string>): Omit<OpsRedis, 'status' | 'detail'> {
  const num = (k: string) => Number(info.get(k) ?? 0);
  const hits = num('keyspace_hits');
  const misses = num('keyspace_misses');
  const keyspace = [...info.entries()]
    .filter(([k]) => /^db\d+$/.test(k))
    .map(([db, v]) => {
      // "keys=12,expires=3,avg_ttl=0"
      const parts = Object.fromEntries(v.split(',').map((p) => p.split('=') as [string, string]));
      return { db, keys: Number(parts.keys ?? 0), expires: Number(parts.expires ?? 0) };
    });
  return {
    version: info.get('redis_version'),
    memory: {
      usedBytes: num('used_memory'),
      peakBytes: num('used_memory_peak'),
      maxBytes: num('maxmemory'),
    },
    hitRate: hits + misses > 0 ? hits / (hits + misses) : null,
    opsPerSec: num('instantaneous_ops_per_sec'),
    connectedClients: num('connected_clients'),
    keyspace,
  };
}
