/** Names and bios for the demo marketplace: invented, varied, and clearly not real people. */
export const FIRST_NAMES = [
  'Ava',
  'Marcus',
  'Sofia',
  'Daniel',
  'Priya',
  'Jamal',
  'Elena',
  'Hiro',
  'Grace',
  'Mateo',
  'Leah',
  'Omar',
  'Chloe',
  'Kwame',
  'Isabel',
  'Noah',
  'Mei',
  'Diego',
  'Hannah',
  'Tariq',
  'Nadia',
  'Lucas',
  'Zoe',
  'Ravi',
  'Camila',
  'Ethan',
  'Amara',
  'Felix',
  'Yara',
  'Owen',
  'Lina',
  'Samuel',
  'Ines',
  'Theo',
  'Maya',
  'Andre',
  'Julia',
  'Kenji',
  'Rosa',
  'Victor',
];
export const LAST_NAMES = [
  'Rivera',
  'Chen',
  'Okafor',
  'Goldberg',
  'Patel',
  'Kowalski',
  'Nguyen',
  'Haddad',
  'Moreau',
  'Santos',
  'Kim',
  'Brennan',
  'Alvarez',
  'Tanaka',
  'Mensah',
  'Rossi',
  'Singh',
  'Fischer',
  'Lopez',
  'Adeyemi',
  'Park',
  'Novak',
  'Costa',
  'Ibrahim',
  'Walsh',
  'Herrera',
  'Levy',
  'Osei',
  'Dubois',
  'Yamamoto',
];
export const STUDENT_NAMES = [
  'Riley Carter',
  'Jordan Ellis',
  'Taylor Brooks',
  'Morgan Reyes',
  'Casey Liu',
  'Avery Shah',
];

const OPENERS = [
  'I have taught {service} for {years} years',
  'I am a {service} teacher with {years} years in the classroom and in private lessons',
  'For {years} years I have helped students of every age get better at {service}',
];
const MIDDLES = [
  'and I build every lesson around what you want to play, speak or achieve',
  'with a calm, structured approach and small wins every week',
  'and I love working with nervous beginners as much as with advanced students',
  'combining solid fundamentals with material you actually enjoy',
];
const CLOSERS = [
  'Lessons online or in person around {borough}.',
  'Based in {borough}; happy to travel nearby.',
  'Expect homework you will want to do.',
];

export function demoBio(
  r: { pick<T>(l: readonly T[]): T },
  service: string,
  years: number,
  borough: string,
): string {
  const fill = (s: string) =>
    s
      .replace('{service}', service.toLowerCase())
      .replace('{years}', String(years))
      .replace('{borough}', borough);
  return `${fill(r.pick(OPENERS))}, ${fill(r.pick(MIDDLES))}. ${fill(r.pick(CLOSERS))}`;
}

/** More first and last names for the 400-instructor marketplace (combined, never repeated in a service). */
export const MORE_FIRST_NAMES = [
  'Aisha',
  'Benjamin',
  'Carmen',
  'Dmitri',
  'Esther',
  'Farid',
  'Gabriela',
  'Henry',
  'Ingrid',
  'Jonah',
  'Keiko',
  'Liam',
  'Marisol',
  'Nikhil',
  'Olivia',
  'Pablo',
  'Quinn',
  'Rachel',
  'Santiago',
  'Talia',
  'Uma',
  'Vikram',
  'Wendy',
  'Xavier',
  'Yusuf',
  'Zara',
  'Adrian',
  'Bianca',
  'Caleb',
  'Daria',
  'Emeka',
  'Fatima',
  'Gideon',
  'Helena',
  'Ivan',
  'Jasmine',
  'Kofi',
  'Lucia',
  'Miles',
  'Naomi',
];
export const MORE_LAST_NAMES = [
  'Abbott',
  'Bianchi',
  'Castillo',
  'Delgado',
  'Eriksen',
  'Ferreira',
  'Gallagher',
  'Huang',
  'Iyer',
  'Jovanovic',
  'Katz',
  'Lindqvist',
  'Mahmoud',
  'Nakamura',
  'OConnor',
  'Petrov',
  'Quintero',
  'Rahman',
  'Schwartz',
  'Torres',
  'Ueda',
  'Vargas',
  'Weiss',
  'Xu',
  'Young',
  'Zielinski',
  'Baptiste',
  'Cohen',
  'Duarte',
  'Evans',
];

const DESCRIPTION_OPENERS = [
  'Lessons built around your goals, whether you are starting out or polishing {service}.',
  'A patient, structured path through {service}: fundamentals first, then the fun stuff.',
  'I tailor every {service} session to your pace, with a short plan you can follow between lessons.',
  'From first steps to confident practice: {service} taught with clear goals and honest feedback.',
  'Practical {service} lessons with a focus on technique you can feel improving week by week.',
  'Relaxed but focused {service} sessions; beginners and returning learners especially welcome.',
];
const DESCRIPTION_FIRST_LESSON = [
  'The first lesson is a friendly assessment and a plan for the next month.',
  'In our first session we find your level and pick one thing to get better at right away.',
  'Bring questions to the first lesson: we set goals together and start working on them.',
  'Trial lessons are relaxed: we get to know each other and try a few exercises.',
];

export function demoDescription(r: { pick<T>(l: readonly T[]): T }, service: string): string {
  const s = service.toLowerCase();
  return `${r.pick(DESCRIPTION_OPENERS).replace('{service}', s)} ${r.pick(DESCRIPTION_FIRST_LESSON)}`;
}

/** Review texts by stars (empty string: stars only). */
export const REVIEW_TEXTS: Record<number, readonly string[]> = {
  5: [
    'Fantastic teacher. Explains things clearly and makes every lesson fun.',
    'Exactly what I needed: patient, encouraging and very well prepared.',
    'My daughter looks forward to every lesson. Huge progress in a month.',
    'Best lessons I have had. Clear goals, great feedback, always on time.',
    'Knowledgeable and kind. I finally understand what I was doing wrong.',
    '',
  ],
  4: [
    'Very good lesson, well structured. Would have liked a bit more practice material.',
    'Great teacher, friendly and clear. Scheduling was slightly tricky.',
    'Solid lesson and good tips. I will book again.',
    '',
  ],
  3: [
    'Decent lesson but it felt a little rushed at the end.',
    'Knows the subject well, though the lesson was not quite at my level.',
    'Okay overall. Started ten minutes late but made up for it.',
  ],
  2: ['The lesson did not match what was described, and it felt unplanned.'],
};
export const REPLY_TEXTS = [
  'Thank you so much! Looking forward to our next lesson.',
  'Thanks for the kind words, it was a pleasure.',
  'Thanks for the honest feedback: I will keep the pace in mind next time.',
  'Sorry about the late start, and thank you for your patience. See you next week!',
];
