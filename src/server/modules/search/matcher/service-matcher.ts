import { CATEGORY_WORDS } from './category-words.js';
import { editDistance, foldText, keyOf, singular } from './text-normal.js';

export interface MatchableService {
  id: string;
  slug: string;
  name: string;
  categorySlug: string;
  searchTerms: string[];
}

/** Semantic fallback: nearest services to a phrase by word vectors (absent when not built). */
export interface SemanticMatcher {
  nearest(phrase: string): { id: string; score: number }[];
}

export type MatchKind = 'exact' | 'alias' | 'fuzzy' | 'semantic';

export interface MatchResult {
  services: { id: string; kind: MatchKind; score: number; phrase: string }[];
  category: string | null;
  /** Words of the text nothing explained ("help", "someone good"). */
  leftover: string[];
}

/** Words that carry no subject: dropped before matching. */
const FILLER = new Set(
  'lesson lessons class classes teacher teachers tutor tutors instructor instructors coach coaching course courses help with for a an the to my me i want need looking learn learning how private session sessions someone good best near in on of please some any find get take'.split(
    ' ',
  ),
);
const SPLITTERS = /\s*(?:,|\/|&|\bor\b|\band\b|\bplus\b)\s*/;
const MAX_NGRAM = 5;
/** Fuzzy scores below this are two edits away. */
const WEAK_FUZZY = 0.8;

/**
 * Names and aliases first (longest phrase wins), then category words, then typo tolerance,
 * then word-vector similarity. "piano or guitar" and "spanish and french" match several services.
 */
export class ServiceMatcher {
  private readonly byName = new Map<string, MatchableService[]>();
  private readonly byAlias = new Map<string, MatchableService[]>();
  private readonly categoryByWord = new Map<string, string>();
  private readonly fuzzyVocabulary: { key: string; services: MatchableService[] }[] = [];
  /** Every single word of the catalog's names, aliases and category words, for "did you mean". */
  private readonly words: string[];
  private readonly suggestions = new Map<string, string | null>();

  constructor(
    services: MatchableService[],
    private readonly semantic: SemanticMatcher | null,
  ) {
    const add = (map: Map<string, MatchableService[]>, key: string, s: MatchableService) => {
      if (!key) return;
      const list = map.get(key) ?? [];
      if (!list.includes(s)) map.set(key, [...list, s]);
    };
    for (const s of services) {
      add(this.byName, keyOf(s.name), s);
      add(this.byName, keyOf(s.name.replace(/\(.*?\)/g, '')), s);
      for (const m of s.name.matchAll(/\(([^)]+)\)/g)) add(this.byAlias, keyOf(m[1]!), s);
      for (const t of s.searchTerms) add(this.byAlias, keyOf(t), s);
    }
    for (const [slug, words] of Object.entries(CATEGORY_WORDS))
      for (const w of words) this.categoryByWord.set(keyOf(w), slug);
    for (const [key, list] of [...this.byName, ...this.byAlias]) {
      if (!key.includes(' ') && key.length >= 4) this.fuzzyVocabulary.push({ key, services: list });
    }
    const words = new Set<string>();
    for (const s of services)
      for (const t of [s.name, ...s.searchTerms]) for (const w of foldText(t).split(' ')) words.add(w);
    for (const w of this.categoryByWord.keys()) for (const x of w.split(' ')) words.add(x);
    this.words = [...words].filter((w) => w.length >= 3 && !/\d/.test(w) && !FILLER.has(w)).sort();
  }

  /**
   * The catalog word closest to one nothing matched, when it is close enough to be a slip
   * (one edit up to 5 letters, two up to 8, three beyond) and not just a short word.
   */
  suggest(word: string): string | null {
    if (word.length < 3 || /\d/.test(word)) return null;
    const known = this.suggestions.get(word);
    if (known !== undefined) return known;
    const max = word.length <= 5 ? 1 : word.length <= 8 ? 2 : 3;
    let best: string | null = null;
    let bestD = max + 1;
    for (const w of this.words) {
      if (w === word) continue;
      const d = editDistance(word, w, bestD - 1);
      if (d < bestD) [best, bestD] = [w, d];
    }
    // Bounded: unrecognised words are open-ended.
    if (this.suggestions.size > 5000) this.suggestions.clear();
    this.suggestions.set(word, best);
    return best;
  }

  match(text: string): MatchResult {
    const folded = foldText(text);
    if (!folded) return { services: [], category: null, leftover: [] };
    // The whole text may itself be a name containing "and" ("arts and crafts").
    const whole = this.phrase(folded.split(' ').map(singular));
    if (whole) return { services: whole, category: null, leftover: [] };
    const result: MatchResult = { services: [], category: null, leftover: [] };
    for (const segment of folded.split(SPLITTERS).filter(Boolean)) this.matchSegment(segment, result);
    // Meaning is the last resort, for a text that named nothing at all: a weak neighbour of one
    // word must never join a service or category the text did name ("piano workshop").
    if (result.leftover.length && this.semantic && !result.services.length && !result.category) {
      const phrase = result.leftover.join(' ');
      const hits = this.semantic.nearest(phrase);
      if (hits.length)
        return {
          services: hits.map((m) => ({ id: m.id, kind: 'semantic', score: m.score, phrase })),
          category: null,
          leftover: [],
        };
    }
    // Two slips ("workshop" → "woodshop") is weak evidence: beside a service named outright it is
    // an unrecognised word, not a second subject.
    if (result.services.some((s) => s.kind === 'exact' || s.kind === 'alias')) {
      const weak = result.services.filter((s) => s.kind === 'fuzzy' && s.score < WEAK_FUZZY);
      result.services = result.services.filter((s) => !weak.includes(s));
      result.leftover.push(...new Set(weak.map((s) => s.phrase)));
    }
    const seen = new Set<string>();
    result.services = result.services.filter((s) => !seen.has(s.id) && seen.add(s.id));
    // A named service is the subject; a category word beside it ("spanish tutor") only describes it.
    if (result.services.length) result.category = null;
    return result;
  }

  private phrase(words: string[]): MatchResult['services'] | null {
    const key = words.join(' ');
    const named = this.byName.get(key);
    const aliased = this.byAlias.get(key);
    if (!named && !aliased) return null;
    // A service whose alias folds to its own name ("maths" → "math") is listed once, as exact.
    const exact = new Set((named ?? []).map((s) => s.id));
    return [
      ...(named ?? []).map((s) => ({ id: s.id, kind: 'exact' as const, score: 1, phrase: key })),
      ...(aliased ?? [])
        .filter((s) => !exact.has(s.id))
        .map((s) => ({ id: s.id, kind: 'alias' as const, score: 0.95, phrase: key })),
    ];
  }

  private matchSegment(segment: string, out: MatchResult): void {
    const words = segment.split(' ').map(singular);
    const used = new Array<boolean>(words.length).fill(false);
    // Longest name/alias phrases first: "sat prep" before "sat", "personal training" before "training".
    for (let n = Math.min(MAX_NGRAM, words.length); n >= 1; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        if (used.slice(i, i + n).some(Boolean)) continue;
        const hit = this.phrase(words.slice(i, i + n));
        if (hit) {
          out.services.push(...hit);
          used.fill(true, i, i + n);
        }
      }
    }
    for (let n = Math.min(3, words.length); n >= 1; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        if (used.slice(i, i + n).some(Boolean)) continue;
        const cat = this.categoryByWord.get(words.slice(i, i + n).join(' '));
        if (cat) {
          out.category ??= cat;
          used.fill(true, i, i + n);
        }
      }
    }
    const rest = words.filter((w, i) => !used[i] && !FILLER.has(w));
    const unexplained: string[] = [];
    for (const w of rest) {
      const fuzzy = this.fuzzy(w);
      if (fuzzy.length) out.services.push(...fuzzy);
      else if (!misspeltFiller(w)) unexplained.push(w);
    }
    out.leftover.push(...unexplained);
  }

  /** Typos: one edit for 4–5 letter words, two for longer ones; only the closest candidates. */
  private fuzzy(word: string): MatchResult['services'] {
    if (word.length < 4 || /\d/.test(word)) return [];
    const max = word.length <= 5 ? 1 : 2;
    let best = max + 1;
    let hits: { key: string; services: MatchableService[] }[] = [];
    for (const v of this.fuzzyVocabulary) {
      const d = editDistance(word, v.key, best);
      if (d < best) {
        best = d;
        hits = [v];
      } else if (d === best) hits.push(v);
    }
    if (best > max) return [];
    // Ties: a word that is the candidate with letters left out ("violn" in "violin") is the likelier typo.
    const dropped = hits.filter((h) => isSubsequence(word, h.key));
    if (dropped.length) hits = dropped;
    return [...new Set(hits.flatMap((h) => h.services))].map((s) => ({
      id: s.id,
      kind: 'fuzzy' as const,
      score: 0.9 - best * 0.1,
      phrase: word,
    }));
  }
}

/** Long filler words to one slip ("lesons", "clases", "teachr"): no subject either. */
const LONG_FILLER = [...FILLER].filter((w) => w.length >= 5);
const misspeltFiller = (w: string) =>
  w.length >= 5 && !/\d/.test(w) && LONG_FILLER.some((f) => editDistance(w, f, 1) <= 1);

function isSubsequence(small: string, big: string): boolean {
  let i = 0;
  for (const ch of big) if (ch === small[i]) i++;
  return i === small.length;
}
