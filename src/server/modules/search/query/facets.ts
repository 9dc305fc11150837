import type { AgeGroup, LessonFormat, Level } from '../../../../contracts/lesson-vocabulary.js';
import type { Spans } from './text-spans.js';

export type { AgeGroup, Level };
export type Format = LessonFormat;

const num = String.raw`(\d+(?:\.\d+)?)`;
const WORD_NUM: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3 };

/** "30 min", "1 hour", "an hour", "1.5 hours", "90-minute", "half hour", "hour and a half". */
export function takeDuration(s: Spans): number | null {
  let minutes: number | null = null;
  s.take(/\b(?:an? )?hour and a half\b/, () => void (minutes ??= 90));
  s.take(/\bhalf (?:an )?hour\b/, () => void (minutes ??= 30));
  s.take(
    new RegExp(String.raw`\b${num}\s*-?\s*(?:min|mins|minute|minutes)\b`),
    (m) => void (minutes ??= Math.round(Number(m[1]))),
  );
  s.take(
    new RegExp(String.raw`\b(${num.slice(1, -1)}|an?|one|two|three)\s*-?\s*(?:hour|hours|hr|hrs)\b`),
    (m) => {
      const n = WORD_NUM[m[1]!] ?? Number(m[1]);
      minutes ??= Math.round(n * 60);
    },
  );
  return minutes;
}

/** kids / teens / adults from words ("my son", "toddlers") or ages ("ages 5-12", "8 year olds"). */
export function takeAgeGroup(s: Spans): AgeGroup | null {
  let group: AgeGroup | null = null;
  const byAge = (age: number): AgeGroup => (age <= 12 ? 'kids' : age <= 17 ? 'teens' : 'adults');
  // Ages only with an age word, so "5-12" alone is never mistaken for anything.
  s.take(
    /\b(?:for\s+)?ages?\s+(\d{1,2})\s*(?:-|to)\s*(\d{1,2})\b/,
    (m) => void (group ??= byAge(Number(m[2]))),
  );
  s.take(
    /\b(?:for\s+)?(\d{1,2})\s*(?:-|to)\s*(\d{1,2})\s*(?:years?[- ]?olds?|yrs?|y\/o)\b/,
    (m) => void (group ??= byAge(Number(m[2]))),
  );
  s.take(
    /\b(?:for\s+)?(?:an?\s+)?(\d{1,2})\s*[- ]?(?:years?|yrs?)[- ]?olds?\b/,
    (m) => void (group ??= byAge(Number(m[1]))),
  );
  s.take(
    /\b(?:for\s+)?(?:my\s+)?(?:kids?|children|child|toddlers?|preschoolers?|little ones|son|daughter|boys?|girls?)\b/,
    () => void (group ??= 'kids'),
  );
  s.take(
    /\b(?:for\s+)?(?:my\s+)?(?:teens?|teenagers?|high schoolers?|high school students?)\b/,
    () => void (group ??= 'teens'),
  );
  s.take(/\b(?:for\s+)?(?:adults?|grown[- ]?ups|seniors)\b/, () => void (group ??= 'adults'));
  return group;
}

export function takeLevel(s: Spans): Level | null {
  let level: Level | null = null;
  s.take(
    /\b(?:for\s+)?(?:absolute\s+)?(?:beginners?|novices?|newbies?|first[- ]timers?|starters?)\b/,
    () => void (level ??= 'beginner'),
  );
  s.take(/\b(?:for\s+)?intermediates?\b/, () => void (level ??= 'intermediate'));
  s.take(/\b(?:for\s+)?(?:advanced|experts?)\b/, () => void (level ??= 'advanced'));
  return level;
}

export function takeFormat(s: Spans): Format | null {
  let format: Format | null = null;
  s.take(
    /\b(?:online|virtual|virtually|remote|remotely|over zoom|on zoom|zoom|over video|video call)\b/,
    () => void (format ??= 'online'),
  );
  s.take(
    /\b(?:in[- ]person|face[- ]to[- ]face|at (?:my )?home|at my place|my place|in my home|home visits?)\b/,
    () => void (format ??= 'in_person'),
  );
  return format;
}
