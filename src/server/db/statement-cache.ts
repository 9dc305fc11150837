import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * Server-side prepared statements for the statements a process runs again and again, chosen the way
 * PostgreSQL's JDBC driver does (prepareThreshold): a parameterised statement seen `threshold` times
 * gets a stable name, and node-postgres then parses and plans it once per connection instead of on
 * every call. At most `maxNamed` texts are ever named, so each connection holds a bounded set;
 * statements that vary by shape (IN lists of changing length) mostly never reach the threshold.
 */
export class StatementCache {
  private readonly seen: LRUCache<string, number>;
  private readonly named = new Map<string, string>();

  constructor(
    private readonly threshold: number,
    private readonly maxNamed = 300,
  ) {
    this.seen = new LRUCache({ max: 5_000 });
  }

  /** The name to prepare `text` under, or undefined to run it unnamed (this time). */
  nameFor(text: string): string | undefined {
    if (this.threshold <= 0) return undefined;
    const name = this.named.get(text);
    if (name) return name;
    const count = (this.seen.get(text) ?? 0) + 1;
    if (count < this.threshold || this.named.size >= this.maxNamed) {
      this.seen.set(text, count);
      return undefined;
    }
    this.seen.delete(text);
    // Derived from the text, so every process and connection agrees on it.
    const fresh = `ii_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
    this.named.set(text, fresh);
    return fresh;
  }

  get size() {
    return this.named.size;
  }
}

interface QueryConfigLike {
  text?: unknown;
  values?: unknown[];
  name?: string;
}

/**
 * Wraps one pg client's query() so that statements the cache names run prepared. Only
 * parameterised config-object queries qualify (what the ORM sends); plain strings such as BEGIN,
 * COMMIT and migrations pass through untouched.
 */
export function prepareRepeatedStatements(
  client: { query: (...args: never[]) => unknown },
  cache: StatementCache,
): void {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
    const c = config as QueryConfigLike | null;
    // The ORM passes the values beside the config: query({ text, types }, values).
    const values = Array.isArray(rest[0]) ? rest[0] : c?.values;
    if (c && typeof c === 'object' && typeof c.text === 'string' && !c.name && values?.length) {
      const name = cache.nameFor(c.text);
      if (name) return original({ ...c, name }, ...rest);
    }
    return original(config, ...rest);
  };
}
