import type { Quote } from '../core/types';
import { labelName, shortName } from '../shared/names';
import type { Speaker } from '../workspace/speakerIndex';
import { fullestRole } from '../workspace/quoteDiagnostics';
import type { Workspace } from '../workspace/workspace';

// Inlay hints (standard LSP): the speaker's name where a quote ends ("— Milley"), so a reader
// sees who speaks without hovering. A quote whose speaker the text already names plainly next
// to it ("…,” Milley said) gets none: the hint would repeat the line. A pronoun, a
// description, a continued quote or a name far away gets one.

/** A name at most this far from the quote (in characters, either side) is in view of a reader. */
const NEAR = 80;

export interface QuoteHint {
  /** Where the hint goes: the end of the quote. */
  offset: number;
  label: string;
  /** The speaker in full, with the role the article gives. */
  tooltip: string;
}

export interface HintOptions {
  /** Name the speaker of reported speech (Milley said that …) too; `byline.underlineReportedSpeech`. */
  reportedSpeech: boolean;
}

/** The hints of one indexed document between two offsets, in text order. */
export function quoteHints(workspace: Workspace, uri: string, from: number, to: number, options: HintOptions): QuoteHint[] {
  const doc = workspace.get(uri);
  if (!doc) return [];
  const hints: QuoteHint[] = [];
  const quotes = doc.analysis.quotes;
  for (const q of quotes) {
    if (q.end < from || q.end > to || !q.attribution) continue;
    // A partial quote inside reported speech by the same speaker: the reported speech's hint names them.
    const key = q.attribution.speakerKey;
    if (quotes.some((o) => o !== q && o.start <= q.start && q.end <= o.end && o.attribution?.speakerKey === key && (options.reportedSpeech || o.kind !== 'indirect'))) continue;
    if (q.kind === 'indirect' && !options.reportedSpeech) continue;
    const speaker = workspace.speakers.speakerOf(uri, q.attribution.speakerKey);
    if (!speaker || namedNearby(q, speaker)) continue;
    hints.push({ offset: q.end, label: `— ${shortName(speaker.name, speaker.kind)}`, tooltip: fullName(speaker, uri) });
  }
  return hints;
}

/** True when the words that attribute the quote are the speaker's name and stand next to it. */
function namedNearby(q: Quote, speaker: Speaker): boolean {
  const a = q.attribution;
  if (!a?.mention || a.via === 'continuation') return false;
  const near = a.mention.start >= q.end ? a.mention.start - q.end <= NEAR : q.start - a.mention.end <= NEAR;
  return near && names(a.mention.text, speaker);
}

/** "Milley", "Gen. Mark Milley" and "the White House" name their speaker; "he" and "the US military commander" do not. */
function names(mention: string, speaker: Speaker): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/['’]s$/, '').trim();
  if (speaker.kind !== 'person') return norm(mention) === norm(speaker.name) || speaker.aliases.some((x) => norm(x) === norm(mention));
  const last = (s: string) => norm(s).split(/\s+/).pop() ?? '';
  return last(mention) === last(speaker.name);
}

/** The tooltip: the speaker in full, capitalised as it starts a line ("A US official", not "a US official"), with the role. */
function fullName(speaker: Speaker, uri: string): string {
  const role = fullestRole(speaker, uri);
  return `${labelName(speaker.name)}${role ? `, ${role}` : ''}`;
}
