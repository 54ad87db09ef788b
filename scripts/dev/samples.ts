import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../src/core/analyze';

// Prints every quote Byline finds in the sample workspace (../shared/samples/kherson-talks)
// with its kind, speaker and how the speaker was found: the quickest check that a rule
// change kept the samples right. Usage: node out/scripts/dev/samples.js [file-prefix]

const root = path.resolve(__dirname, '..', '..', '..');
const dir = path.resolve(root, '..', 'shared', 'samples', 'kherson-talks');
const only = process.argv[2] ?? '';
const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');

for (const file of fs.readdirSync(dir).filter((f) => f.startsWith(only)).sort()) {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const { quotes, speakers, problems } = analyzeDocument(text);
  const names = new Map(speakers.map((s) => [s.key, s]));
  console.log(`=== ${file}`);
  for (const q of quotes) {
    const a = q.attribution;
    const who = a ? `${names.get(a.speakerKey)?.name ?? a.speakerKey} [${a.via}${a.mention ? `: ${a.mention.text}` : ''}${a.cue ? ` / ${a.cue.text}` : ''}]` : '—';
    console.log(`  ${q.kind.padEnd(8)} ${clip(q.text)}\n           → ${who}`);
  }
  console.log('  speakers:');
  for (const s of speakers) console.log(`    ${s.key} ${s.kind} "${s.name}" forms=${JSON.stringify(s.forms)} roles=${JSON.stringify(s.roles.map((r) => r.text))}`);
  for (const p of problems) console.log(`  problem ${p.code} at ${p.start}`);
}
