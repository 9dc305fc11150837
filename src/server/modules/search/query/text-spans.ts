/**
 * The query as a string that extractors consume: each recognised span is blanked out so the
 * next extractor cannot read it again, and what is left is the subject text.
 */
export class Spans {
  constructor(public text: string) {}

  /** Runs `re` (global) and blanks every match `fn` accepts (returns true for). */
  take(re: RegExp, fn: (m: RegExpExecArray) => boolean | void): void {
    const g = globalOf(re);
    g.lastIndex = 0;
    let m: RegExpExecArray | null;
    const cuts: [number, number][] = [];
    while ((m = g.exec(this.text))) {
      if (fn(m) !== false) cuts.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) g.lastIndex++;
    }
    for (const [a, b] of cuts.reverse())
      this.text = this.text.slice(0, a) + ' '.repeat(b - a) + this.text.slice(b);
  }

  has(re: RegExp): boolean {
    return re.test(this.text);
  }
}

// Extractors pass literal or precompiled patterns; compiling their global twins once per pattern
// keeps a search from building ~150 regular expressions.
const globals = new Map<string, RegExp>();
function globalOf(re: RegExp): RegExp {
  const key = `${re.flags}/${re.source}`;
  let g = globals.get(key);
  if (!g) globals.set(key, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')));
  return g;
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
