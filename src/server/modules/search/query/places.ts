import { escapeRe } from './text-spans.js';
import type { Spans } from './text-spans.js';

export interface AreaIndex {
  boroughs: { slug: string; name: string; aliases: string[] }[];
  neighborhoods: { slug: string; name: string; boroughSlug: string; aliases: string[] }[];
}

export interface PlaceConstraint {
  borough: string | null;
  neighborhood: string | null;
  nearMe: boolean;
}

interface Name {
  text: string;
  borough: string;
  neighborhood: string | null;
  re: RegExp;
}

const fold = (s: string) => s.toLowerCase().replace(/[.']/g, '').replace(/\s+/g, ' ').trim();

/** Every name and alias of every place, longest first so "east harlem" wins over "harlem". */
export function placeNames(areas: AreaIndex): Name[] {
  const names: Omit<Name, 're'>[] = [];
  for (const b of areas.boroughs)
    for (const t of [b.name, ...b.aliases])
      names.push({ text: fold(t), borough: b.slug, neighborhood: null });
  for (const n of areas.neighborhoods) {
    for (const t of [n.name, ...n.aliases])
      names.push({ text: fold(t), borough: n.boroughSlug, neighborhood: n.slug });
  }
  return names
    .filter((n) => n.text.length >= 2)
    .sort((a, b) => b.text.length - a.text.length)
    .map((n) => ({
      ...n,
      re: new RegExp(
        String.raw`(?:\b(?:in|near|around|at|from)\s+)?\b${escapeRe(n.text).replace(/ /g, '\\s+')}\b`,
      ),
    }));
}

export function takePlace(s: Spans, names: Name[], homeBorough: string | null): PlaceConstraint {
  const p: PlaceConstraint = { borough: null, neighborhood: null, nearMe: false };
  s.take(/\b(?:near me|nearby|close to me|around me|close by|in my area|my neighbou?rhood)\b/, () => {
    p.nearMe = true;
    p.borough ??= homeBorough;
  });
  for (const n of names) {
    if (p.neighborhood || (p.borough && !p.nearMe)) break;
    s.take(n.re, () => {
      if (p.neighborhood || (p.borough && !p.nearMe)) return false;
      p.borough = n.borough;
      p.neighborhood = n.neighborhood;
      p.nearMe = false;
    });
  }
  return p;
}
