import nlp from 'compromise';
import { analyzeDocument } from '../../src/core/analyze';
import type { Article } from './corpus';

// Cold analysis throughput, one thread: Byline's analyzeDocument against the baseline a
// developer would reach for, compromise's full tagger with its quotations, people and
// numbers, over the same texts in the same process. "Cold" means no cache: every text is
// analysed. Both first read the same texts untimed, so that lazily built tables (compromise's
// lexicon, Byline's cue verbs) and the JIT's first compilations are not charged to the
// measurement. Wall time is what a user waits; CPU time is printed beside it because other
// processes may share the machine.

/** Texts analysed untimed before each measurement. */
const WARM_UP_TEXTS = 100;

export interface Throughput {
  files: number;
  megabytes: number;
  wallSeconds: number;
  cpuSeconds: number;
}

export const perSecond = (t: Throughput, seconds: number) => t.megabytes / seconds;

function measure(articles: readonly Article[], analyse: (text: string) => void): Throughput {
  for (const a of articles.slice(0, WARM_UP_TEXTS)) analyse(a.text);
  const started = process.hrtime.bigint();
  const usage = process.cpuUsage();
  for (const a of articles) analyse(a.text);
  const cpu = process.cpuUsage(usage);
  return {
    files: articles.length,
    megabytes: articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6,
    wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

/** Quotes with their speakers, the speakers, and the numeric claims: everything Byline shows. */
export function bylineThroughput(articles: readonly Article[]): Throughput {
  return measure(articles, (text) => void analyzeDocument(text));
}

/** compromise's tagger over the whole text, then its quotations, people and numbers. */
export function baselineThroughput(articles: readonly Article[]): Throughput {
  return measure(articles, (text) => {
    const doc = nlp(text);
    doc.quotations().out('array');
    doc.people().out('array');
    doc.numbers().get();
  });
}
