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
