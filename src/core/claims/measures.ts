import type { Token } from '../text/tokenize';
import { W, wordFlags } from '../text/lexicon';
import { PhraseTable, isQuoteMark, type PhraseMatch } from './phrases';

// Measures: what happened to what is counted. "40,000 deaths" and "40,000 killed or wounded"
// are different figures, so the measure is part of what two claims must share to be
// compared. Each row maps a written phrase to one measure name; add rows freely.

const MEASURES: ReadonlyArray<readonly [string, string]> = [
  ...rows('killed or wounded', [
    'killed or wounded', 'killed and wounded', 'killed or injured', 'killed and injured', 'dead or wounded',
    'dead and wounded', 'dead or injured', 'wounded or killed', 'injured or killed', 'casualties', 'casualty',
  ]),
  ...rows('deaths', [
    'killed', 'dead', 'deaths', 'death', 'died', 'death toll', 'fatalities', 'lives lost', 'lost their lives',
    'perished', 'murdered', 'lives', 'have died', 'were killed',
    // The verb before its object: "killing at least five people", "the quake kills 24".
    'killing', 'kills', 'kill',
  ]),
  ...rows('wounded', ['wounded', 'injured', 'injuries', 'hurt', 'injuring', 'injures', 'injure', 'wounding', 'wounds']),
  // "Refugees" is what is counted, not what happened: "75 Syrian refugees arrived" is no displacement figure.
  ...rows('displaced', ['displaced', 'internally displaced', 'fled', 'uprooted', 'forced from their homes', 'forced to flee']),
  ...rows('evacuated', ['evacuated', 'evacuees']),
  ...rows('arrested', ['arrested', 'detained', 'in custody']),
  ...rows('missing', ['missing']),
  // The dead and the missing together are a wider count than either: "230,000 dead and missing" is not a death toll.
  ...rows('dead or missing', [
    'dead and missing', 'dead or missing', 'killed or missing', 'killed and missing', 'missing and dead', 'missing or dead',
    'missing or killed', 'missing and presumed dead', 'dead or presumed dead', 'dead and presumed dead',
  ]),
  ...rows('captured', ['captured', 'taken prisoner', 'prisoners of war']),
  ...rows('occupied', [
    'occupied', 'occupies', 'occupy', 'occupying', 'control over', 'control of', 'controls', 'controlled', 'annexed', 'seized',
  ]),
  ...rows('aid', ['in aid', 'aid', 'military aid', 'in military aid', 'humanitarian aid', 'in assistance', 'to aid', 'in security assistance', 'assistance']),
  // What happened to things: "four bombs were dropped", "three shells landed", "damaged more than
  // 300 houses", "setting fire to three banks". Only for counted things (see THING_MEASURES).
  ...rows('dropped', ['dropped', 'dropping', 'drops']),
  ...rows('hit', ['landed', 'struck', 'hit', 'exploded', 'slammed into', 'crashed into']),
  ...rows('damaged', ['damaged', 'destroyed', 'collapsed', 'razed', 'flattened', 'levelled', 'leveled', 'damaging', 'destroying']),
  ...rows('attacked', [
    'attacked', 'torched', 'set fire to', 'setting fire to', 'set on fire', 'set ablaze', 'burned', 'burnt', 'smashed', 'looted',
    'vandalised', 'vandalized', 'ransacked', 'firebombed',
  ]),
  ...rows('length', ['long', 'in length']),
  ...rows('width', ['wide', 'in width']),
  ...rows('depth', ['deep', 'in depth']),
  ...rows('height', ['tall', 'in height']),
];

/** Measures that say enough on their own to compare two claims ("40,000 deaths"); the others need a counted thing. */
export const SELF_DESCRIBING = new Set(['killed or wounded', 'dead or missing', 'deaths', 'wounded', 'displaced', 'evacuated', 'arrested', 'missing', 'captured', 'aid']);

/**
 * Measures that happen to things: a count of a thing with one tells what happened to it, and
 * is compared like a toll; with no thing counted, or a unit ("hit 5%"), the verb says nothing.
 */
export const THING_MEASURES = new Set(['dropped', 'hit', 'damaged', 'attacked']);

/** Measures that happen to people: a claim with one and nothing else counted counts people. */
export const HUMAN_MEASURES = new Set(['killed or wounded', 'dead or missing', 'deaths', 'wounded', 'displaced', 'evacuated', 'arrested', 'missing', 'captured']);

function rows(measure: string, phrases: string[]): Array<[string, string]> {
  return phrases.map((p) => [p, measure]);
}

const table = new PhraseTable(MEASURES);

/** Words that may stand between a number and the measure before it: "killed an estimated", "displaced another". */
const BEFORE_SKIP = new Set(['an', 'a', 'the', 'another', 'additional', 'extra', 'further', 'already', 'reportedly', 'now', 'of', 'at', 'to', 'is', 'was', 'stood', 'stands', 'rose', 'reached']);
const BEFORE_REACH = 4;
const AFTER_REACH = 8;
const CLAUSE_ENDS = new Set([',', ';', ':', '.', '!', '?', '(', ')', '—', '–', '-']);
const RELATIVES = new Set(['who', 'which', 'that', 'whom', 'whose', 'where', 'when', 'while', 'but']);

/**
 * A measure among the words of a noun phrase: "civilian deaths", "internally displaced people".
 * It may run past the phrase's end ("people dead and missing": a noun phrase ends at "and").
 */
export function measureWithin(tokens: readonly Token[], first: number, last: number): PhraseMatch<string> | null {
  for (let k = first; k < last; k++) {
    const m = table.at(tokens, k, tokens.length);
    if (m) return m;
  }
  return null;
}

/** A measure just before the number: "displaced more than 13 million", "occupies roughly 20 percent". */
export function measureBefore(tokens: readonly Token[], i: number, floor: number): PhraseMatch<string> | null {
  let k = i - 1;
  for (let steps = 0; k >= floor && steps < BEFORE_REACH; steps++) {
    const m = table.endingAt(tokens, k, floor);
    if (m) return m;
    if (!isQuoteMark(tokens[k]) && !BEFORE_SKIP.has(tokens[k].norm)) return null;
    k--;
  }
  return null;
}

/**
 * "the confirmed death toll from the disaster to 11", "the toll in Aceh rose to 24": a toll
 * named before the number, past a phrase that says whose it is, and joined to it by a verb or
 * "to"/"at". Read when no measure stands right before the number.
 */
export function tollBefore(tokens: readonly Token[], i: number, floor: number): PhraseMatch<string> | null {
  if (i - 1 < floor || !TOLL_LINKS.has(tokens[i - 1].norm)) return null;
  for (let k = i - 2; k >= floor && i - k <= TOLL_REACH; k--) {
    const t = tokens[k];
    if (CLAUSE_ENDS.has(t.text)) return null;
    if (t.norm === 'toll') {
      const m = table.endingAt(tokens, k, floor);
      return m !== null && m.value === 'deaths' ? m : null;
    }
  }
  return null;
}

const TOLL_LINKS = new Set(['to', 'at', 'reached', 'hit', 'stood', 'stands', 'was', 'is', 'of']);
const TOLL_REACH = 8;

/** The token after a bracketed figure right after a claim ("(34 miles)"), or `last` when there is none. */
export function pastConversion(tokens: readonly Token[], last: number, end: number): number {
  if (tokens[last]?.text !== '(' || tokens[last + 1]?.kind !== 'number') return last;
  for (let k = last + 2; k < end && k - last <= CONVERSION_REACH; k++) if (tokens[k].text === ')') return k + 1;
  return last;
}

const CONVERSION_REACH = 5;

/**
 * A measure after the counted words, in the same clause: "… soldiers have been killed or
 * wounded", "$38 billion from Congress this week to aid Kiev". `skipClaim(k)` gives the end
 * of another claim starting at k, so that coordinated claims share the measure after the
 * last of them ("40,000 civilians and 100,000 soldiers have been killed").
 */
export function measureAfter(
  tokens: readonly Token[],
  i: number,
  end: number,
  skipClaim: (k: number) => number,
): PhraseMatch<string> | null {
  // "two metres (6.6 feet) wide": the figure in other units is passed over.
  let k = pastConversion(tokens, i, end);
  for (let steps = 0; k < end && steps < AFTER_REACH; steps++) {
    const t = tokens[k];
    if (isQuoteMark(t)) {
      k++;
      continue;
    }
    if (CLAUSE_ENDS.has(t.text) || RELATIVES.has(t.norm)) return null;
    const m = table.at(tokens, k, end);
    if (m) return m;
    if (t.norm === 'and' || t.norm === 'or') {
      let n = k + 1;
      while (n < end && isQuoteMark(tokens[n])) n++;
      const claimEnd = skipClaim(n);
      if (claimEnd < 0) return null;
      k = claimEnd;
      continue;
    }
    const f = wordFlags(t.norm);
    if (t.kind !== 'word' || ((f & W.Verb) !== 0 && (f & W.Auxiliary) === 0 && !REPORTING.has(t.norm))) return null;
    k++;
  }
  return null;
}

/** Verbs that report a measure rather than name another: "dozens have been reported injured", "five confirmed dead". */
const REPORTING = new Set(['reported', 'confirmed', 'believed', 'feared', 'thought', 'known', 'said', 'listed', 'presumed', 'declared']);
