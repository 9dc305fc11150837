// Half-open interval math ([start, end)) on plain numbers: epoch ms or minutes.
// Every function accepts unsorted, overlapping input and returns a normalized list.

export type Interval = { start: number; end: number };

/** Sorts, drops empty intervals, and merges ones that overlap or touch. */
export function normalize(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const cur of sorted) {
    const last = out[out.length - 1];
    // Touching intervals merge too: [9,10) + [10,11) is one bookable stretch.
    if (last && cur.start <= last.end) last.end = Math.max(last.end, cur.end);
    else out.push({ start: cur.start, end: cur.end });
  }
  return out;
}

/** Everything in `from` that is not in `remove`. */
export function subtract(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const cuts = normalize(remove);
  const out: Interval[] = [];
  for (const piece of normalize(from)) {
    let start = piece.start;
    for (const cut of cuts) {
      if (cut.end <= start) continue;
      if (cut.start >= piece.end) break;
      if (cut.start > start) out.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
      if (start >= piece.end) break;
    }
    if (start < piece.end) out.push({ start, end: piece.end });
  }
  return out;
}

/** Points covered by both lists. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = normalize(a);
  const y = normalize(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const p = x[i]!;
    const q = y[j]!;
    const start = Math.max(p.start, q.start);
    const end = Math.min(p.end, q.end);
    if (start < end) out.push({ start, end });
    // Advance whichever finishes first; the other may still overlap the next one.
    if (p.end < q.end) i++;
    else j++;
  }
  return out;
}

/** True when the two intervals share at least one point (touching does not count). */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;
}

/** The parts of `list` inside `window`. */
export function clip(list: readonly Interval[], window: Interval): Interval[] {
  return intersect(list, [window]);
}

/** Covered length; overlapping parts count once. */
export function totalLength(list: readonly Interval[]): number {
  return normalize(list).reduce((sum, i) => sum + (i.end - i.start), 0);
}

/** True when `inner` lies wholly inside a single interval of `list`. */
export function covers(list: readonly Interval[], inner: Interval): boolean {
  if (inner.end <= inner.start) return false;
  return normalize(list).some((i) => i.start <= inner.start && inner.end <= i.end);
}
