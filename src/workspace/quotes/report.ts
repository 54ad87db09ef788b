import type { QuoteRelation } from './compare';
import type { QuoteLink, QuoteVariantIndex, QuoteVersion } from './quoteVariantIndex';
import type { SpeakerIndex } from '../speakerIndex';

// What the JSON report says of quotes compared across files: on each quote, its other
// versions (`related`); at the top, each pair that differs, in words or in speaker, once
// (`quoteVariants`). Documented in the README with the rest of the report.

export interface RelatedQuoteReport {
  path: string;
  start: number;
  end: number;
  text: string;
  relation: QuoteRelation;
  /** The other version's speaker, given only when it is not this quote's. */
  speaker?: { id: string; name: string };
}

export interface QuoteVersionReport {
  path: string;
  start: number;
  end: number;
  text: string;
  speaker: { id: string; name: string } | null;
  /** The words of this version the other has not (changed, added or dropped). */
  differentWords: string[];
}

export interface QuoteVariantReport {
  a: QuoteVersionReport;
  b: QuoteVersionReport;
  relation: QuoteRelation;
  speakerDiffers: boolean;
}

/** The other versions of the quote at [start, end) of a file. */
export function relatedQuotes(index: QuoteVariantIndex, speakers: SpeakerIndex, path: string, start: number, end: number, speakerKey: string | null): RelatedQuoteReport[] {
  const links = index.linksAt(path, start, end);
  if (links.length === 0) return [];
  const here = speakerKey === null ? null : speakers.speakerOf(path, speakerKey);
  return links.map((l) => {
    const there = speakers.speakerOf(l.other.path, l.other.speakerKey);
    const out: RelatedQuoteReport = { path: l.other.path, start: l.other.start, end: l.other.end, text: l.other.text, relation: l.relation };
    if (there && there.id !== here?.id) out.speaker = { id: there.id, name: there.name };
    return out;
  });
}

/** Each pair of versions that differs, in words or in speaker, once. */
export function quoteVariants(index: QuoteVariantIndex, speakers: SpeakerIndex): QuoteVariantReport[] {
  const out: QuoteVariantReport[] = [];
  for (const { a, b, link } of index.pairs()) {
    const x = speakers.speakerOf(a.path, a.speakerKey);
    const y = speakers.speakerOf(b.path, b.speakerKey);
    const speakerDiffers = !!x && !!y && x.id !== y.id;
    if (link.relation !== 'worded-differently' && !speakerDiffers) continue;
    out.push({ a: version(a, x, link.differentHere), b: version(b, y, link.differentThere), relation: link.relation, speakerDiffers });
  }
  return out;
}

function version(v: QuoteVersion, speaker: { id: string; name: string } | null, different: QuoteLink['differentHere']): QuoteVersionReport {
  return {
    path: v.path,
    start: v.start,
    end: v.end,
    text: v.text,
    speaker: speaker ? { id: speaker.id, name: speaker.name } : null,
    differentWords: different.map((i) => v.text.slice(v.words.words[i].at, v.words.words[i].end)),
  };
}
