import { analyzeDocument } from '../../src/core/analyze';
import { findClaims } from '../../src/core/claims';
import { parseDocument, type ParsedDocument } from '../../src/core/document';
import { cueLexicon } from '../../src/core/quotes/cues';
import { findQuotes } from '../../src/core/quotes/attribute';
import { findNames } from '../../src/core/speakers/entities';
import { SpeakerRegistry } from '../../src/core/speakers/registry';
import { ClaimIndex } from '../../src/workspace/claimIndex';
import { digestOf, type DocumentDigest } from '../../src/workspace/digest';
import { QuoteVariantIndex } from '../../src/workspace/quotes/quoteVariantIndex';
import { SpeakerIndex } from '../../src/workspace/speakerIndex';
import type { Article } from './corpus';

// Where the analysis spends its time, stage by stage, in MB of articles a second on one
// thread, so that a slowdown has an address. The engine's stages are those of analyzeDocument
// (core/analyze.ts) run one after the other here: the text (tokens, sentences, words),
// quotes and speakers (names, quotations and reported speech, who said them), and claims
// (figures, their frames). The workspace's are its indexes across files, fed the articles'
// digests as a scan feeds them: speakers clustered, quotes compared, claims linked.
// Each stage is timed over all the articles after one untimed round (the JIT's warm-up).

export interface Stage {
  name: string;
  seconds: number;
  megabytesPerSecond: number;
}

const time = (run: () => void): number => {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e9;
};

export function stageThroughput(articles: readonly Article[]): Stage[] {
  const megabytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6;
  const lexicon = cueLexicon();
  let docs: ParsedDocument[] = [];
  let parts: Array<{ doc: ParsedDocument; names: ReturnType<typeof findNames>; findings: ReturnType<typeof findQuotes> }> = [];
  const engine: Array<[string, () => void]> = [
    ['engine: text (tokens, sentences, words)', () => (docs = articles.map((a) => parseDocument(a.text)))],
    [
      'engine: quotes and speakers',
      () =>
        (parts = docs.map((doc) => {
          const names = findNames(doc);
          const findings = findQuotes(doc, names, lexicon);
          const registry = new SpeakerRegistry(doc, names, findings);
          registry.resolveAll(findings);
          registry.speakers();
          return { doc, names, findings };
        })),
    ],
    ['engine: claims (figures and their frames)', () => void docs.map((doc) => findClaims(doc))],
  ];
  const digests: DocumentDigest[] = articles.map((a) => digestOf(analyzeDocument(a.text)));
  const index: Array<[string, () => void]> = [
    [
      'workspace: speakers clustered across files',
      () => {
        const speakers = new SpeakerIndex();
        speakers.setMany(
          digests.map((d, i) => ({ path: String(i), speakers: d.speakers, quotes: d.quotes })),
          true,
        );
        speakers.settle();
      },
    ],
    [
      'workspace: quotes compared across files',
      () => {
        const quotes = new QuoteVariantIndex();
        digests.forEach((d, i) => quotes.set(String(i), d.quotes));
      },
    ],
    [
      'workspace: claims linked across files',
      () => {
        const claims = new ClaimIndex('warning', 0);
        digests.forEach((d, i) => claims.set(String(i), d.claims, d.claimTraits));
      },
    ],
  ];
  const stages: Stage[] = [];
  for (const [name, run] of [...engine, ...index]) {
    run(); // warm-up
    const seconds = time(run);
    stages.push({ name, seconds, megabytesPerSecond: megabytes / seconds });
  }
  // The stages are the engine's own, in its order: the quote count says they are not another pipeline.
  const staged = parts.reduce((n, p) => n + p.findings.length, 0);
  const whole = digests.reduce((n, d) => n + d.quotes.length, 0);
  if (staged < whole) throw new Error(`the staged engine found ${staged} quotes, analyzeDocument ${whole} attributed ones: stages.ts no longer follows core/analyze.ts`);
  return stages;
}
