import { describe, expect, it } from 'vitest';
import { MASK, maskContactDetails } from './contact-masking.js';

describe('contact details masking', () => {
  it.each([
    ['write to me at ana.lopez+piano@gmail.com please', `write to me at ${MASK} please`],
    ['call 212-555-0147 tonight', `call ${MASK} tonight`],
    ['call (212) 555 0147', `call ${MASK}`],
    ['or +44 20 7946 0958', `or ${MASK}`],
    ['see https://example.org/my-page?x=1 for more', `see ${MASK} for more`],
    ['my site www.anapiano.net', `my site ${MASK}`],
    ['find me on anapiano.com/book', `find me on ${MASK}`],
    ['text 555-1234', `text ${MASK}`],
  ])('hides %j', (input, expected) => {
    expect(maskContactDetails(input)).toEqual({ text: expected, masked: true });
  });

  it.each([
    'Can we meet on 2026-05-01 at 15:30?',
    'My budget is $1,200 for 10 lessons.',
    'I have played for 12 years, e.g. Chopin and Bach.',
    'Room 101, floor 3.',
  ])('keeps ordinary text: %j', (input) => {
    expect(maskContactDetails(input)).toEqual({ text: input, masked: false });
  });
});
