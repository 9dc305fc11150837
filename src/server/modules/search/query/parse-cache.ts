import { LRUCache } from 'lru-cache';
import { instantToLocal } from '../../availability/local-time.js';
import type { ParseContext, ParsedQuery } from './parse-query.js';
import { parseQuery } from './parse-query.js';

/**
 * A parse depends only on the text, the searcher's zone, their local date (for "tomorrow",
 * "this weekend"), the place names and the protected catalog phrases; popular queries repeat,
 * so reading them again is wasted work (about a fifth of a search's CPU, measured in process).
 * Entries are frozen: callers derive new objects, never edit a shared parse.
 */
const cache = new LRUCache<string, { ctx: ParseContext; parsed: Readonly<ParsedQuery> }>({ max: 5_000 });

export function parseQueryCached(input: string, ctx: ParseContext): Readonly<ParsedQuery> {
  const key = `${ctx.timezone}\u0001${instantToLocal(ctx.now, ctx.timezone).date}\u0001${ctx.homeBorough ?? ''}\u0001${input}`;
  const hit = cache.get(key);
  // Place names and phrases are rebuilt objects when the catalog or areas change: a hit counts
  // only for the same ones.
  if (hit && hit.ctx.areas === ctx.areas && hit.ctx.protectedPhrases === ctx.protectedPhrases)
    return hit.parsed;
  const parsed = Object.freeze(parseQuery(input, ctx));
  cache.set(key, { ctx: { ...ctx, now: new Date(0) }, parsed });
  return parsed;
}
