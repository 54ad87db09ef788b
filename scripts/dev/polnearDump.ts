import * as path from 'node:path';
import { analyzeDocument } from '../../src/core/analyze';
import { loadSplit, polnearDir } from '../eval/polnearData';

// Prints every quote Byline finds in PolNeAR train, one a line (article, kind, speaker, mention,
// text), so that two versions of the engine can be compared with diff. Train only.
// Usage: node out/scripts/dev/polnearDump.js > before.txt

const root = path.resolve(__dirname, '..', '..', '..');
for (const article of loadSplit(polnearDir(root), 'train')) {
  const { quotes, speakers } = analyzeDocument(article.text);
  for (const q of quotes) {
    const a = q.attribution;
    const name = speakers.find((s) => s.key === a?.speakerKey)?.name ?? '-';
    console.log(`${article.name}\t${q.kind}\t${name}\t${a?.mention?.text ?? '-'}\t${q.text.replace(/\s+/g, ' ').slice(0, 140)}`);
  }
}
