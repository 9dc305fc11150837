import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, cancellationFeeCents, cancellationPercent, lessonPriceCents } from './money.js';

describe('lesson price', () => {
  it('is rate × minutes / 60 in cents, rounded half up', () => {
    expect(lessonPriceCents(6000, 60)).toBe(6000);
    expect(lessonPriceCents(6000, 45)).toBe(4500);
    expect(lessonPriceCents(5999, 45)).toBe(4499); // 4499.25
    expect(lessonPriceCents(5002, 15)).toBe(1251); // 1250.5 rounds up
    expect(lessonPriceCents(3333, 90)).toBe(5000); // 4999.5 rounds up
  });
});

describe('cancellation fee', () => {
  const pct = (by: 'student' | 'instructor' | 'admin', h: number) =>
    cancellationPercent(DEFAULT_POLICY, by, h);
  it('is free for a student more than 24 h ahead', () => {
    expect(pct('student', 24.01)).toBe(0);
    expect(pct('student', 200)).toBe(0);
  });
  it('is 50 % from 24 h down to 12 h ahead, both edges included', () => {
    expect(pct('student', 24)).toBe(50);
    expect(pct('student', 12)).toBe(50);
  });
  it('is 100 % under 12 h', () => {
    expect(pct('student', 11.99)).toBe(100);
    expect(pct('student', 0.1)).toBe(100);
  });
  it('never charges the student when the instructor or an admin cancels', () => {
    expect(pct('instructor', 1)).toBe(0);
    expect(pct('admin', 1)).toBe(0);
  });
  it('rounds the fee half up in cents', () => {
    expect(cancellationFeeCents(4501, 50)).toBe(2251);
    expect(cancellationFeeCents(4500, 100)).toBe(4500);
  });
});
