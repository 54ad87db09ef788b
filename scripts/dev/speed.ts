import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../src/core/analyze';

// Throughput of analyzeDocument over the PolNeAR train texts, single-threaded, after one warm-up
// pass (compromise's lexicon and the cue table are built lazily). Usage: node out/scripts/dev/speed.js

const root = path.resolve(__dirname, '..', '..', '..');
const dir = path.resolve(root, '..', 'shared', 'corpora', 'polnear', 'data', 'train', 'text');
const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const ROUNDS = 3;

for (const t of texts) analyzeDocument(t);
const times: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const started = process.hrtime.bigint();
  for (const t of texts) analyzeDocument(t);
  times.push(Number(process.hrtime.bigint() - started) / 1e9);
}
const best = Math.min(...times);
console.log(`${(bytes / 1e6).toFixed(2)} MB in ${best.toFixed(2)} s (best of ${ROUNDS}): ${(bytes / 1e6 / best).toFixed(2)} MB/s`);
