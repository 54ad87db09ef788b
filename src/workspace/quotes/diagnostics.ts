import * as path from 'node:path';
import type { Diagnostic, RelatedLocation } from '../../core/types';
import type { Severities } from '../severity';
import type { SpeakerIndex } from '../speakerIndex';
import { sortLinks, type QuoteLink, type QuoteVariantIndex, type QuoteVersion } from './quoteVariantIndex';

// The diagnostics on a quote that other files quote too: `quote-differs` when another file
// words the remark differently, `quote-speaker-differs` when another file gives the same
// words to someone else. Each points at every other version, those worded differently first.

/** Words the shorter of two versions must have before a different speaker for it is a warning. */
const SPEAKER_EVIDENCE_WORDS = 4;

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/** Related locations at most; References reaches every version. */
const MAX_RELATED = 20;

export function quoteVariantDiagnostics(filePath: string, index: QuoteVariantIndex, speakers: SpeakerIndex, severities: Severities): Diagnostic[] {
  const out: Diagnostic[] = [];
  const differs = severities['quote-differs'];
  const speakerDiffers = severities['quote-speaker-differs'];
  if (differs === 'off' && speakerDiffers === 'off') return out;
  // Words are counted once per text: a file that repeats a quotation meets the same texts again.
  const counted = new Map<string, number>();
  const words = (text: string) => {
    let n = counted.get(text);
    if (n === undefined) counted.set(text, (n = wordCount(text)));
    return n;
  };
  // The versions of one wording in this file have the same links, so the same messages for
  // the same speaker: made once (two files repeating a quotation a thousand times each made
  // them a million times).
  for (const { versions, links } of index.groupsOf(filePath)) {
    // Made only for a group that has a diagnostic: most versions elsewhere are the same words by the same speaker.
    let shown: RelatedLocation[] | null = null;
    const related = () => (shown ??= sortLinks(links).slice(0, MAX_RELATED).map((l) => relatedVersion(l, speakers)));
    const worded = links.filter((l) => l.relation === 'worded-differently');
    const wordedMessage =
      differs === 'off' || worded.length === 0
        ? null
        : worded.length === 1
          ? `Worded differently in ${path.basename(worded[0].other.path)}: “${clip(worded[0].other.text)}”`
          : `Worded differently in ${countFiles(worded)}${new Set(worded.map((l) => l.other.path)).size === worded.length ? '' : ` (${worded.length} versions)`}`;
    /** By speaker and text: the message on quote-speaker-differs. */
    const bySpeaker = new Map<string, string | null>();
    for (const version of versions) {
      if (differs !== 'off' && wordedMessage !== null) out.push({ start: version.start, end: version.end, severity: differs, code: 'quote-differs', message: wordedMessage, related: related() });
      if (speakerDiffers === 'off') continue;
      const key = `${version.speakerKey}\u0000${version.text}`;
      let message = bySpeaker.get(key);
      if (message === undefined) bySpeaker.set(key, (message = speakerMessage(filePath, version, links, speakers, words)));
      if (message !== null) out.push({ start: version.start, end: version.end, severity: speakerDiffers, code: 'quote-speaker-differs', message, related: related() });
    }
  }
  // In the order of the text, as the quotes come (the sort keeps a quote's two diagnostics in order).
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The message when other files give these words to someone else, or null when none does. */
function speakerMessage(filePath: string, version: QuoteVersion, links: readonly QuoteLink[], speakers: SpeakerIndex, words: (text: string) => number): string | null {
  // Compared by id: describing every other version's speaker (their roles in every file) was a
  // tenth of an edit's time in an archive, for the few that differ.
  if (words(version.text) < SPEAKER_EVIDENCE_WORDS) return null;
  const hereId = speakers.idOf(filePath, version.speakerKey);
  if (hereId === null) return null;
  const others = sortLinks(
    links.filter((l) => {
      // "initial indicators" in another file says too little to give a whole remark to someone else.
      if (words(l.other.text) < SPEAKER_EVIDENCE_WORDS) return false;
      const there = speakers.idOf(l.other.path, l.other.speakerKey);
      return there !== null && there !== hereId;
    }),
  );
  if (others.length === 0) return null;
  const here = speakers.speakerOf(filePath, version.speakerKey) as NonNullable<ReturnType<SpeakerIndex['speakerOf']>>;
  const names = [...new Set(others.map((l) => speakers.speakerOf(l.other.path, l.other.speakerKey)?.name as string))];
  return others.length === 1
    ? `The same words are given to ${names[0]} in ${path.basename(others[0].other.path)}; here to ${here.name}`
    : `The same words are given to ${listed(names)} in ${countFiles(others)}; here to ${here.name}`;
}

function relatedVersion(l: QuoteLink, speakers: SpeakerIndex): RelatedLocation {
  const who = speakers.speakerOf(l.other.path, l.other.speakerKey)?.name;
  return { path: l.other.path, start: l.other.start, end: l.other.end, message: `${relationLabel(l.relation, l.other)}${who ? `, by ${who}` : ''}: “${clip(l.other.text)}”` };
}

/** How a version reads beside the quote, in a phrase a reader understands. */
export function relationLabel(relation: QuoteLink['relation'], other: QuoteVersion): string {
  const unmarked = other.kind === 'indirect' ? ' (without quotation marks)' : '';
  if (relation === 'verbatim') return `The same words${unmarked}`;
  if (relation === 'part-of') return `Part of the same remark${unmarked}`;
  return `Worded differently${unmarked}`;
}

function countFiles(links: readonly QuoteLink[]): string {
  const n = new Set(links.map((l) => l.other.path)).size;
  return n === 1 ? '1 other file' : `${n} other files`;
}

function listed(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A version short enough for a message: its first words, cut at a word. */
export function clip(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}
