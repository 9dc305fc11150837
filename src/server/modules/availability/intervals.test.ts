import { describe, it, expect } from 'vitest';
import { clip, covers, intersect, normalize, overlaps, subtract, totalLength } from './intervals.js';

const iv = (start: number, end: number) => ({ start, end });

describe('normalize', () => {
  it('sorts intervals by start', () => {
    expect(normalize([iv(5, 6), iv(1, 2)])).toEqual([iv(1, 2), iv(5, 6)]);
  });

  it('merges overlapping intervals', () => {
    expect(normalize([iv(1, 5), iv(3, 8)])).toEqual([iv(1, 8)]);
  });

  it('merges adjacent intervals into one stretch', () => {
    expect(normalize([iv(10, 11), iv(9, 10), iv(11, 12)])).toEqual([iv(9, 12)]);
  });

  it('swallows intervals contained in another', () => {
    expect(normalize([iv(1, 10), iv(2, 3), iv(4, 5)])).toEqual([iv(1, 10)]);
  });

  it('drops empty and inverted intervals', () => {
    expect(normalize([iv(3, 3), iv(5, 4), iv(1, 2)])).toEqual([iv(1, 2)]);
  });

  it('does not mutate its input', () => {
    const input = [iv(1, 3), iv(2, 4)];
    normalize(input);
    expect(input).toEqual([iv(1, 3), iv(2, 4)]);
  });
});

describe('subtract', () => {
  it('punches a hole in the middle', () => {
    expect(subtract([iv(0, 10)], [iv(3, 5)])).toEqual([iv(0, 3), iv(5, 10)]);
  });

  it('trims the start and the end', () => {
    expect(subtract([iv(0, 10)], [iv(-5, 2), iv(8, 20)])).toEqual([iv(2, 8)]);
  });

  it('removes everything when the cut covers the whole interval', () => {
    expect(subtract([iv(2, 4)], [iv(0, 10)])).toEqual([]);
  });

  it('removes an interval exactly equal to the cut', () => {
    expect(subtract([iv(2, 4)], [iv(2, 4)])).toEqual([]);
  });

  it('leaves intervals untouched by cuts that only touch their edges', () => {
    expect(subtract([iv(2, 4)], [iv(0, 2), iv(4, 6)])).toEqual([iv(2, 4)]);
  });

  it('applies several cuts across several intervals', () => {
    expect(subtract([iv(0, 10), iv(20, 30)], [iv(5, 25), iv(1, 2), iv(28, 29)])).toEqual([
      iv(0, 1),
      iv(2, 5),
      iv(25, 28),
      iv(29, 30),
    ]);
  });

  it('returns the source normalized when there is nothing to remove', () => {
    expect(subtract([iv(3, 4), iv(1, 3)], [])).toEqual([iv(1, 4)]);
  });

  it('works with infinite bounds', () => {
    expect(subtract([iv(0, 10)], [iv(-Infinity, 4)])).toEqual([iv(4, 10)]);
  });
});

describe('intersect', () => {
  it('keeps only the common parts', () => {
    expect(intersect([iv(0, 5), iv(8, 12)], [iv(3, 10)])).toEqual([iv(3, 5), iv(8, 10)]);
  });

  it('is empty when lists only touch', () => {
    expect(intersect([iv(0, 5)], [iv(5, 9)])).toEqual([]);
  });

  it('handles one long interval spanning many short ones', () => {
    expect(intersect([iv(1, 2), iv(3, 4), iv(5, 6)], [iv(0, 100)])).toEqual([iv(1, 2), iv(3, 4), iv(5, 6)]);
  });
});

describe('overlaps', () => {
  it('is true when intervals share time', () => {
    expect(overlaps(iv(0, 5), iv(4, 6))).toBe(true);
  });

  it('is false when one ends exactly where the other starts', () => {
    expect(overlaps(iv(0, 5), iv(5, 6))).toBe(false);
    expect(overlaps(iv(5, 6), iv(0, 5))).toBe(false);
  });

  it('is false for an empty interval', () => {
    expect(overlaps(iv(3, 3), iv(0, 10))).toBe(false);
  });
});

describe('clip', () => {
  it('cuts the list down to the window', () => {
    expect(clip([iv(0, 4), iv(6, 10)], iv(2, 8))).toEqual([iv(2, 4), iv(6, 8)]);
  });

  it('returns nothing for an empty window', () => {
    expect(clip([iv(0, 10)], iv(5, 5))).toEqual([]);
  });
});

describe('totalLength', () => {
  it('sums lengths, counting overlaps once', () => {
    expect(totalLength([iv(0, 10), iv(5, 15), iv(20, 25)])).toBe(20);
  });

  it('is zero for an empty list', () => {
    expect(totalLength([])).toBe(0);
  });
});

describe('covers', () => {
  it('is true when the interval fits inside one merged interval', () => {
    expect(covers([iv(0, 5), iv(5, 10)], iv(3, 8))).toBe(true);
  });

  it('is false when the interval straddles a hole', () => {
    expect(covers([iv(0, 5), iv(6, 10)], iv(3, 8))).toBe(false);
  });

  it('is false for an empty interval', () => {
    expect(covers([iv(0, 10)], iv(4, 4))).toBe(false);
  });
});
