/** The shape of the demo marketplace: which services, what they cost, when people teach. */

/** The 40 most requested services: each gets three instructors at a low, middle and high rate. */
export const TOP_SERVICES = [
  'piano',
  'guitar',
  'voice',
  'violin',
  'drums',
  'spanish',
  'french',
  'mandarin',
  'esl',
  'sat-prep',
  'math',
  'algebra',
  'calculus',
  'chemistry',
  'coding',
  'python',
  'yoga',
  'pilates',
  'personal-training',
  'swimming',
  'tennis',
  'boxing',
  'martial-arts',
  'dance',
  'drawing',
  'painting',
  'photography',
  'acting',
  'chess',
  'cooking',
  'keyboard',
  'cello',
  'italian',
  'german',
  'japanese',
  'homework-help',
  'writing',
  'meditation',
  'kids-swimming',
  'kids-coding',
] as const;

export interface DemoPattern {
  name: string;
  /** Available hours [from, to) for an ISO weekday (1 = Monday). */
  ranges(weekday: number): [number, number][];
}

export const DEMO_PATTERNS: DemoPattern[] = [
  { name: 'weekday evenings', ranges: (d) => (d <= 5 ? [[16, 21]] : []) },
  {
    name: 'office hours',
    ranges: (d) =>
      d <= 5
        ? [
            [9, 12],
            [13, 17],
          ]
        : [],
  },
  { name: 'weekends', ranges: (d) => (d >= 6 ? [[9, 17]] : d === 3 ? [[18, 21]] : []) },
  { name: 'mornings and Saturday', ranges: (d) => (d <= 5 ? [[7, 11]] : d === 6 ? [[10, 14]] : []) },
  { name: 'every day', ranges: () => [[10, 19]] },
  { name: 'early mornings', ranges: (d) => (d <= 5 ? [[6, 9]] : d === 7 ? [[8, 12]] : []) },
  { name: 'weekend mornings', ranges: (d) => (d >= 6 ? [[7, 13]] : d === 2 || d === 4 ? [[17, 20]] : []) },
  { name: 'afternoons and Sunday', ranges: (d) => (d <= 5 ? [[12, 18]] : d === 7 ? [[10, 16]] : []) },
];
