import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../src/core/analyze';

// Throughput of analyzeDocument over the PolNeAR train texts, single-threaded, after one warm-up
// pass (compromise's lexicon and the cue table are built lazily). Wall time suffers when other
// processes share the machine; CPU time (user + system) is printed too and varies less.
// Usage: node out/scripts/dev/speed.js

const root = path.resolve(__dirname, '..', '..', '..');
const dir = path.resolve(root, '..', 'shared', 'corpora', 'polnear', 'data', 'train', 'text');
const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const ROUNDS = 3;

for (const t of texts) analyzeDocument(t);
const wall: number[] = [];
const cpu: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const started = process.hrtime.bigint();
  const usage = process.cpuUsage();
  for (const t of texts) analyzeDocument(t);
  const used = process.cpuUsage(usage);
  wall.push(Number(process.hrtime.bigint() - started) / 1e9);
  cpu.push((used.user + used.system) / 1e6);
}
const mb = bytes / 1e6;
const best = (xs: number[]) => Math.min(...xs);
console.log(`${mb.toFixed(2)} MB, best of ${ROUNDS}: wall ${best(wall).toFixed(2)} s = ${(mb / best(wall)).toFixed(2)} MB/s; CPU ${best(cpu).toFixed(2)} s = ${(mb / best(cpu)).toFixed(2)} MB/s`);
