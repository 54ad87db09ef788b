import * as path from 'node:path';
import type { Diagnostic, RelatedLocation } from '../../core/types';
import type { Severities } from '../severity';
import type { SpeakerIndex } from '../speakerIndex';
import type { QuoteLink, QuoteVariantIndex, QuoteVersion } from './quoteVariantIndex';

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
  for (const { version, links } of index.versionsOf(filePath)) {
    const related = links.slice(0, MAX_RELATED).map((l) => relatedVersion(l, speakers));
    const worded = links.filter((l) => l.relation === 'worded-differently');
    if (differs !== 'off' && worded.length > 0) {
      const message =
        worded.length === 1
          ? `Worded differently in ${path.basename(worded[0].other.path)}: “${clip(worded[0].other.text)}”`
          : `Worded differently in ${countFiles(worded)}${new Set(worded.map((l) => l.other.path)).size === worded.length ? '' : ` (${worded.length} versions)`}`;
      out.push({ start: version.start, end: version.end, severity: differs, code: 'quote-differs', message, related });
    }
    if (speakerDiffers === 'off') continue;
    const here = speakers.speakerOf(filePath, version.speakerKey);
    if (!here) continue;
    const others = links.filter((l) => {
      // "initial indicators" in another file says too little to give a whole remark to someone else.
      if (Math.min(wordCount(version.text), wordCount(l.other.text)) < SPEAKER_EVIDENCE_WORDS) return false;
      const there = speakers.speakerOf(l.other.path, l.other.speakerKey);
      return there !== null && there.id !== here.id;
    });
    if (others.length === 0) continue;
    const names = [...new Set(others.map((l) => speakers.speakerOf(l.other.path, l.other.speakerKey)?.name as string))];
    const message =
      others.length === 1
        ? `The same words are given to ${names[0]} in ${path.basename(others[0].other.path)}; here to ${here.name}`
        : `The same words are given to ${listed(names)} in ${countFiles(others)}; here to ${here.name}`;
    out.push({ start: version.start, end: version.end, severity: speakerDiffers, code: 'quote-speaker-differs', message, related });
  }
  return out;
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
