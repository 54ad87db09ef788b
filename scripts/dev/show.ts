import * as fs from 'node:fs';
import { analyzeDocument } from '../../src/core/analyze';

// Prints Byline's quotes for one text file (any path), optionally only those whose text or
// context contains a filter string. Usage: node out/scripts/dev/show.js FILE [filter]

const [file, filter = ''] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const { quotes, speakers, problems } = analyzeDocument(text);
const names = new Map(speakers.map((s) => [s.key, s.name]));
for (const q of quotes) {
  const around = text.slice(Math.max(0, q.start - 100), q.end + 100);
  if (filter && !around.includes(filter)) continue;
  const a = q.attribution;
  console.log(`${q.kind} [${q.start},${q.end}) ${JSON.stringify(text.slice(q.start, q.end)).slice(0, 160)}`);
  console.log(`    → ${a ? `${names.get(a.speakerKey)} via ${a.via} mention=${JSON.stringify(a.mention?.text)} cue=${JSON.stringify(a.cue?.text)}` : 'none'}`);
}
for (const p of problems) console.log(`problem ${p.code} at ${p.start}: ${JSON.stringify(text.slice(p.start, p.start + 60))}`);
