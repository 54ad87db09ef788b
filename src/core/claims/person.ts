import type { Token } from '../text/tokenize';
import { isAgeNoun, isPersonName } from './measured';
import { CUE_VERB_FORMS } from '../quotes/cueForms';
import { SPEECH_VERBS } from '../quotes/cues';

// The person a figure is about, as its sentence describes them: a surname, an age. "Duncan
// Rait, 36, fell 200 feet", "a 36-year-old Australian climber fell about 150 metres" and "the
// 36-year-old slipped and fell 200 metres" may all be one man's fall; "Robert Buckley, 32,
// fell 600 metres" is another's. Two descriptions are of one person when their names agree, or,
// nameless, their ages; of two people when those differ.

export interface Person {
  /** The surname, lower case: "rait". */
  name: string | null;
  age: number | null;
}

/**
 * Verbs of speech (the attribution's, in their inflected forms: a bare "state" or "report" is
 * as often a noun): a name before one is the speaker's, not the subject's ("Gaskin said the
 * man fell").
 */
const SPEECH = new Set(['according', ...SPEECH_VERBS.flatMap((v) => (CUE_VERB_FORMS.get(v) ?? []).filter((form) => form !== v))]);
/** The oldest age read as a person's ("Buckley, 32,"). */
const MAX_AGE = 120;

/** Who the figure at `first` in the sentence [floor, end) is about; null when the sentence says nothing of them. */
export function personOf(tokens: readonly Token[], floor: number, end: number, first: number): Person | null {
  const name = subjectName(tokens, floor, first);
  const age = ageIn(tokens, floor, end);
  return name === null && age === null ? null : { name, age };
}

/** The surname nearest before the figure, unless a noun or a verb of speech stands between. */
function subjectName(tokens: readonly Token[], floor: number, first: number): string | null {
  for (let k = first - 1; k >= floor; k--) {
    const t = tokens[k];
    if (SPEECH.has(t.norm) || isAgeNoun(t.norm)) return null;
    if (!isPersonName(t) || k === floor || !(tokens[k - 1].cap || tokens[k + 1]?.text === ',')) continue;
    // "living in Christchurch, New Zealand, slipped": names after "in" and their appositions are places.
    let start = k;
    while (start - 1 > floor && tokens[start - 1].cap && tokens[start - 1].kind === 'word') start--;
    if (placeBefore(tokens, start, floor)) {
      k = start;
      continue;
    }
    return t.norm;
  }
  return null;
}

const PLACE_PREPOSITIONS = new Set(['in', 'from', 'at', 'near', 'of', 'to', 'on']);

/** The capitalised run starting at `start` follows a preposition of place, or a comma after such a run. */
function placeBefore(tokens: readonly Token[], start: number, floor: number): boolean {
  const before = tokens[start - 1];
  if (before === undefined || start - 1 < floor) return false;
  if (PLACE_PREPOSITIONS.has(before.norm)) return true;
  if (before.text !== ',' || start - 2 < floor || !tokens[start - 2].cap) return false;
  let k = start - 2;
  while (k - 1 >= floor && tokens[k - 1].cap && tokens[k - 1].kind === 'word') k--;
  return k - 1 >= floor && PLACE_PREPOSITIONS.has(tokens[k - 1].norm);
}

/** "36-year-old", "Buckley, 32,": the age the sentence gives. */
function ageIn(tokens: readonly Token[], floor: number, end: number): number | null {
  for (let k = floor; k < end; k++) {
    const t = tokens[k];
    if (t.kind !== 'number') continue;
    const n = Number(t.text);
    if (!Number.isInteger(n) || n <= 0 || n > MAX_AGE) continue;
    if (tokens[k + 1]?.text === '-' && tokens[k + 2]?.norm === 'year-old') return n;
    if (tokens[k - 1]?.text === ',' && tokens[k + 1]?.text === ',' && isPersonName(tokens[k - 2])) return n;
  }
  return null;
}

/**
 * Whether two descriptions are of one person: by their names when both give one (a letter
 * apart is one name misspelt: "Rait", "Raite"), else by their ages when both give one; `maybe`
 * when one says too little to tell.
 */
export function samePerson(a: Person | null, b: Person | null): 'same' | 'maybe' | 'different' {
  if (a === null || b === null) return 'maybe';
  const names = a.name !== null && b.name !== null ? (nearlyEqual(a.name, b.name) ? 'same' : 'different') : null;
  const ages = a.age !== null && b.age !== null ? (a.age === b.age ? 'same' : 'different') : null;
  // A name is surer than an age: "Buckley, 31" and "Buckley, 32" are one man, an age misreported.
  if (names !== null) return names;
  return ages ?? 'maybe';
}

/** Equal, or one letter added, dropped or changed in a name of four letters or more. */
function nearlyEqual(x: string, y: string): boolean {
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 4 || Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const rest = (s: string, skip: number) => s.slice(i + skip);
  return rest(x, 1) === rest(y, 1) || rest(x, 1) === rest(y, 0) || rest(x, 0) === rest(y, 1);
}
