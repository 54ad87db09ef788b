import * as path from 'node:path';
import { analyzeDocument } from '../../src/core/analyze';
import type { Quote, Span } from '../../src/core/types';
import { loadSplit, polnearDir, type GoldArticle } from '../eval/polnearData';

// Error analysis on PolNeAR train. Prints, from the corpus read in place, each gold quote Byline
// missed, each quote in marks Byline found that no gold content covers, each wrong speaker, each
// wrong or missing source, and each attribution without marks that Byline has no quote for
// (unfound), with the metric definitions of scripts/eval/polnear.ts, then the counts by family.
// With POLNEAR_SPLIT=dev it prints only the counts on dev, never its sentences: dev's authors ask
// analysts not to read it.
// Usage: [POLNEAR_SPLIT=dev] node out/scripts/dev/polnearErrors.js missed|extra|speaker|source|unfound [limit]

const root = path.resolve(__dirname, '..', '..', '..');
const mode = process.argv[2] ?? 'speaker';
const split = process.env.POLNEAR_SPLIT === 'dev' ? 'dev' : 'train';
const limit = split === 'dev' ? 0 : Number(process.argv[3] ?? 60);
const DOUBLE_MARKS = /["“”«»]/;
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'him', 'her', 'them']);

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const partsOverlap = (a: readonly Span[], b: readonly Span[]) => a.reduce((n, x) => n + b.reduce((m, y) => m + overlap(x, y), 0), 0);
const total = (parts: readonly Span[]) => Math.max(1, parts.reduce((n, p) => n + p.end - p.start, 0));
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

function context(text: string, s: Span, pad = 160): string {
  const a = Math.max(0, s.start - pad);
  const b = Math.min(text.length, s.end + pad);
  return oneLine(`${text.slice(a, s.start)}⟦${text.slice(s.start, s.end)}⟧${text.slice(s.end, b)}`);
}

function best(parts: readonly Span[], quotes: readonly Quote[]): Quote | null {
  let found: Quote | null = null;
  let most = 0;
  for (const q of quotes) {
    const o = partsOverlap(q.parts, parts);
    if (o > most) [found, most] = [q, o];
  }
  return found;
}

function headWord(source: string): string | null {
  const words = source.toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}.-]+/gu) ?? [];
  const head = words[words.length - 1];
  return head && !PRONOUNS.has(head) ? head : null;
}

let shown = 0;
const counts = new Map<string, number>();
const count = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
const show = (lines: string[]) => {
  if (shown++ < limit) console.log(lines.join('\n') + '\n');
};

for (const article of loadSplit(polnearDir(root), split) as GoldArticle[]) {
  const { text } = article;
  const analysis = analyzeDocument(text);
  const names = new Map(analysis.speakers.map((s) => [s.key, s.name]));
  const contents = article.attributions.flatMap((g) => g.contentParts);
  if (mode === 'missed' || mode === 'speaker') {
    for (const g of article.attributions) {
      if (!g.content || !DOUBLE_MARKS.test(g.contentText)) continue;
      const q = best(g.contentParts, analysis.quotes);
      const hit = q && partsOverlap(q.parts, g.contentParts) * 2 >= total(g.contentParts);
      if (mode === 'missed' && !hit) {
        count(q ? 'partly' : 'none');
        show([`MISSED ${article.name} ${q ? `(best: ${q.kind} "${oneLine(q.text).slice(0, 60)}")` : ''}`, `  ${context(text, g.content)}`]);
      }
      if (mode === 'speaker' && hit && g.source && q) {
        const a = q.attribution;
        const head = headWord(text.slice(g.source.start, g.source.end));
        const name = a ? (names.get(a.speakerKey) ?? '') : '';
        const right = a && ((a.mention && overlap(a.mention, g.source) > 0) || (head !== null && name.toLowerCase().split(/\s+/).includes(head)));
        if (!right) {
          count(a ? a.via : 'none');
          show([
            `SPEAKER ${article.name} gold="${text.slice(g.source.start, g.source.end)}" goldcue="${g.cue ? text.slice(g.cue.start, g.cue.end) : ''}" byline=${a ? `"${name}" via ${a.via} mention="${a.mention?.text ?? ''}" cue="${a.cue?.text ?? ''}"` : 'none'} kind=${q.kind}`,
            `  ${context(text, { start: Math.min(g.content.start, g.source.start), end: Math.max(g.content.end, g.source.end) }, 120)}`,
          ]);
        }
      }
    }
  }
  if (mode === 'extra') {
    for (const q of analysis.quotes) {
      if (q.kind === 'indirect' || partsOverlap(q.parts, contents) * 2 >= total(q.parts)) continue;
      count(q.kind + (q.attribution ? '+speaker' : ''));
      show([`EXTRA ${article.name} ${q.kind} ${q.attribution ? `→ ${names.get(q.attribution.speakerKey)} via ${q.attribution.via}` : ''}`, `  ${context(text, q)}`]);
    }
  }
  if (mode === 'unfound') {
    const contentsMatch = (q: Span, c: Span) => overlap(q, c) * 2 >= Math.min(Math.max(1, q.end - q.start), Math.max(1, c.end - c.start));
    for (const g of article.attributions) {
      if (!g.source || !g.content || DOUBLE_MARKS.test(g.contentText) || analysis.quotes.some((q) => contentsMatch(q, g.content!))) continue;
      const cueText = g.cue ? text.slice(g.cue.start, g.cue.end).toLowerCase() : '';
      count(`cue=${cueText}`);
      show([`UNFOUND ${article.name} source="${text.slice(g.source.start, g.source.end)}" cue="${cueText}"`, `  ${context(text, g.content, 80)}`]);
    }
  }
  if (mode === 'source') {
    const withSource = article.attributions.filter((g) => g.source && g.content);
    const attributed = analysis.quotes.filter((q) => q.attribution?.mention);
    const contentsMatch = (q: Span, c: Span) => overlap(q, c) * 2 >= Math.min(Math.max(1, q.end - q.start), Math.max(1, c.end - c.start));
    for (const q of attributed) {
      const m = q.attribution!.mention!;
      const sameContent = withSource.filter((g) => contentsMatch(q, g.content!));
      if (sameContent.some((g) => overlap(m, g.source!) > 0)) continue;
      count(sameContent.length ? 'wrong-source' : 'no-gold-content');
      show([`FP ${article.name} ${q.kind} mention="${m.text}" gold=${sameContent.map((g) => `"${text.slice(g.source!.start, g.source!.end)}"`).join(',')}`, `  ${context(text, q, 80)}`]);
    }
    for (const g of withSource) {
      if (attributed.some((q) => contentsMatch(q, g.content!) && overlap(q.attribution!.mention!, g.source!) > 0)) continue;
      const cueText = g.cue ? text.slice(g.cue.start, g.cue.end).toLowerCase() : '';
      count(`FN cue=${cueText}`);
      if (process.argv[4] === 'fn') show([`FN ${article.name} source="${text.slice(g.source!.start, g.source!.end)}" cue="${cueText}"`, `  ${context(text, g.content!, 80)}`]);
    }
  }
}
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 80).map(([k, v]) => `${v}\t${k}`).join('\n'));
