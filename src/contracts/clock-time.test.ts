import { describe, expect, it } from 'vitest';
import { parseHHMM } from './clock-time.js';

describe('parseHHMM', () => {
  it('parses wall times to minutes after midnight', () => {
    expect(parseHHMM('00:00')).toBe(0);
    expect(parseHHMM('09:30')).toBe(570);
    expect(parseHHMM('23:59')).toBe(1439);
  });

  it('accepts 24:00 as the end of the day', () => {
    expect(parseHHMM('24:00')).toBe(1440);
  });

  it.each(['24:15', '25:00', '12:60', '9:30', '09:3', '0930', '', ' 09:30', '09:30:00', 'ab:cd'])(
    'rejects %j',
    (value) => {
      expect(parseHHMM(value)).toBeNull();
    },
  );
});
