import { analyzeDocument } from '../../src/core/analyze';
import { digestOf, type DocumentDigest } from '../../src/workspace/digest';
import { quoteVariantDiagnostics } from '../../src/workspace/quotes/diagnostics';
import { QuoteVariantIndex } from '../../src/workspace/quotes/quoteVariantIndex';
import { DEFAULT_SEVERITIES } from '../../src/workspace/severity';
import { SpeakerIndex } from '../../src/workspace/speakerIndex';
import type { Article } from './corpus';
import { FAMILIES } from './scaling';

// What the quote index (issue 16) costs, on one thread, in CPU time of this process:
//
// - an archive: the articles' digests filed `copies` times over (as a reporter's archive holds
//   the same wire story in many editions), each copy set into one index as a scan does, then
//   every file's quote diagnostics made, as a scan publishes them;
// - two open documents that repeat the same quotations many times (a transcript pasted twice):
//   the second set into the index beside the first, then both files' diagnostics.
//
// Usage: node out/scripts/bench/quoteIndex.js [--copies 12]  (also part of `npm run bench`)

export interface QuoteIndexCost {
  files: number;
  quotes: number;
  /** CPU seconds to set every file's quotes into the index. */
  setSeconds: number;
  /** CPU seconds to make every file's quote diagnostics. */
  diagnosticsSeconds: number;
  /** Linked pairs of quotes, each counted once. */
  links: number;
}

const cpu = (run: () => void): number => {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
};

/** The quote index over `copies` copies of each article's digest. */
export function archiveQuoteIndexCost(digests: ReadonlyArray<{ name: string; digest: DocumentDigest }>, copies: number): QuoteIndexCost {
  const files = Array.from({ length: copies }, (_, c) => digests.map((d) => ({ path: `edition-${c}/${d.name}`, digest: d.digest }))).flat();
  return cost(files);
}

/** Two files whose quotations repeat many times over: the second `larger` times as long. */
export function repeatedQuotesCost(size: number, larger: number): QuoteIndexCost {
  const text = (n: number) => FAMILIES[0].make(n);
  return cost([
    { path: 'a.news', digest: digestOf(analyzeDocument(text(size))) },
    { path: 'b.news', digest: digestOf(analyzeDocument(text(size * larger))) },
  ]);
}

function cost(files: ReadonlyArray<{ path: string; digest: DocumentDigest }>): QuoteIndexCost {
  const speakers = new SpeakerIndex();
  speakers.setMany(files.map((f) => ({ path: f.path, speakers: f.digest.speakers, quotes: f.digest.quotes })));
  const index = new QuoteVariantIndex();
  const setSeconds = cpu(() => {
    for (const f of files) index.set(f.path, f.digest.quotes);
  });
  const diagnosticsSeconds = cpu(() => {
    for (const f of files) quoteVariantDiagnostics(f.path, index, speakers, DEFAULT_SEVERITIES);
  });
  return { files: files.length, quotes: files.reduce((n, f) => n + f.digest.quotes.length, 0), setSeconds, diagnosticsSeconds, links: index.linkCount() };
}

export function digestsOf(articles: readonly Article[]): Array<{ name: string; digest: DocumentDigest }> {
  return articles.map((a) => ({ name: a.name, digest: digestOf(analyzeDocument(a.text)) }));
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readArticles } = require('./corpus') as typeof import('./corpus');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('node:path') as typeof import('node:path');
  const at = process.argv.indexOf('--copies');
  const copies = at > 0 ? Number(process.argv[at + 1]) : 12;
  const train = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'polnear', 'data', 'train', 'text');
  const digests = digestsOf(readArticles(train));
  const show = (what: string, c: QuoteIndexCost) =>
    console.log(`${what}: ${c.files} files, ${c.quotes} quotes, set ${c.setSeconds.toFixed(2)} s, diagnostics ${c.diagnosticsSeconds.toFixed(2)} s CPU, ${c.links} links`);
  show(`archive, ${copies} copies`, archiveQuoteIndexCost(digests, copies));
  show('two documents repeating quotations, 60 KB and 500 KB', repeatedQuotesCost(60_000, 500 / 60));
}
