import type { Spans } from './text-spans.js';

export interface PriceConstraint {
  minCents: number | null;
  maxCents: number | null;
  cheap: boolean;
}

const AMT = String.raw`\$?\s*(\d{1,4}(?:\.\d{1,2})?)`;
const UNIT = String.raw`(?:\s*(?:dollars|usd|bucks))?(?:\s*(?:\/\s*h(?:ou)?r|\/\s*hour|per hour|an hour|a lesson|per lesson))?`;
const MONEY = /\$|dollar|usd|buck|\/\s*h|hour|lesson/;
const cents = (s: string) => Math.round(Number(s) * 100);

/**
 * Price forms of PRODUCT §6. A bare number counts only next to a price word or a dollar sign,
 * so "at 3", "5-12" or "2 hours" are never prices.
 */
export function takePrice(s: Spans): PriceConstraint {
  const p: PriceConstraint = { minCents: null, maxCents: null, cheap: false };
  const both = (a: string, b: string) => {
    if (p.minCents !== null || p.maxCents !== null) return false;
    const [lo, hi] = [cents(a), cents(b)].sort((x, y) => x - y) as [number, number];
    p.minCents = lo;
    p.maxCents = hi;
  };
  // Only with a dollar sign or a money word: "between 9 and 11am" is a time.
  s.take(new RegExp(String.raw`\bbetween\s+${AMT}${UNIT}\s+(?:and|to|-)\s+${AMT}${UNIT}`), (m) =>
    MONEY.test(m[0]) ? both(m[1]!, m[2]!) : false,
  );
  s.take(new RegExp(String.raw`\$\s*(\d{1,4})\s*(?:-|to)\s*\$?\s*(\d{1,4})${UNIT}`), (m) =>
    both(m[1]!, m[2]!),
  );
  s.take(new RegExp(String.raw`\b(\d{1,4})\s*(?:-|to)\s*(\d{1,4})\s*(?:dollars|usd|bucks)${UNIT}`), (m) =>
    both(m[1]!, m[2]!),
  );
  s.take(
    new RegExp(String.raw`\b(?:around|about|approximately|approx\.?|roughly|~)\s*${AMT}${UNIT}`),
    (m) => {
      if (p.maxCents !== null) return false;
      const c = cents(m[1]!);
      if (!m[0].includes('$') && !/dollar|usd|buck|hour|hr|lesson/.test(m[0])) return false;
      p.minCents = Math.round(c * 0.8);
      p.maxCents = Math.round(c * 1.2);
    },
  );
  s.take(
    new RegExp(
      String.raw`(?:\b(?:under|less than|below|max(?:imum)?|up to|no more than|cheaper than|at most|within)|<=?)\s*${AMT}${UNIT}`,
    ),
    (m) => {
      if (p.maxCents !== null) return false;
      p.maxCents = cents(m[1]!);
    },
  );
  s.take(
    new RegExp(
      String.raw`(?:\b(?:over|above|more than|at least|min(?:imum)?|starting at)|>=?)\s*${AMT}${UNIT}`,
    ),
    (m) => {
      if (p.minCents !== null || !m[0].includes('$')) {
        // "over 50" without a dollar sign reads as an age ("adults over 50"), not a price.
        if (!m[0].includes('$') && !/dollar|usd|buck/.test(m[0])) return false;
      }
      p.minCents = cents(m[1]!);
    },
  );
  // A bare "$80", "$80/hr" or "80 dollars" is a budget: a maximum.
  s.take(
    new RegExp(
      String.raw`(?:\$\s*(\d{1,4}(?:\.\d{1,2})?)${UNIT}|\b(\d{1,4})\s*(?:dollars|usd|bucks)${UNIT})`,
    ),
    (m) => {
      if (p.maxCents !== null) return false;
      p.maxCents = cents(m[1] ?? m[2]!);
    },
  );
  s.take(
    /\b(?:cheap|cheapest|cheaper|affordable|budget|inexpensive|low[- ]cost|bargain)\b/,
    () => void (p.cheap = true),
  );
  return p;
}
