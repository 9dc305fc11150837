/** The encodings this server produces, in the order it prefers them. */
const PREFERRED = ['br', 'gzip'] as const;
export type ContentCoding = (typeof PREFERRED)[number] | 'identity';

/**
 * Picks the response encoding from an Accept-Encoding header (RFC 9110 §12.5.3): a coding with
 * q=0 is refused, `*` stands for any coding not named, the highest q wins and br beats gzip on a tie.
 */
export function chooseEncoding(header: string | string[] | undefined): ContentCoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of String(header).toLowerCase().split(',')) {
    const [coding, ...params] = part.trim().split(';');
    if (!coding) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(coding === 'x-gzip' ? 'gzip' : coding, Number.isFinite(value) ? value : 0);
  }
  let best: ContentCoding = 'identity';
  let bestQ = 0;
  for (const coding of PREFERRED) {
    const value = q.get(coding) ?? q.get('*') ?? 0;
    if (value > bestQ) {
      best = coding;
      bestQ = value;
    }
  }
  return best;
}
