import * as fs from 'node:fs';
import * as path from 'node:path';

// One peer tool over a folder of articles, as a whole process (peers.ts starts it): what a
// developer would write with it to get quotes, people and figures, each article read from
// disk and its results written to stdout as JSON, like `byline analyze --format json`.
//
//   node out/scripts/bench/peerRun.js compromise|wink <folder>
//
// compromise: its full tagger, then `.quotations()`, `.people()` and `.numbers()`.
// wink-nlp with wink-eng-lite-web-model: `readDoc`, then its entities and every token's part
// of speech (it has no quotations or speakers; this is its full tagging pipeline).

type Analyse = (text: string) => unknown;

function compromise(): Analyse {
  // Loaded only for its own run, as wink-nlp is for its: neither is charged the other's loading.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('compromise') as typeof import('compromise') & { default?: typeof import('compromise').default };
  const nlp = loaded.default ?? (loaded as unknown as typeof import('compromise').default);
  return (text) => {
    const doc = nlp(text);
    return { quotations: doc.quotations().out('array'), people: doc.people().out('array'), numbers: doc.numbers().get() };
  };
}

function wink(): Analyse {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const model = require('wink-eng-lite-web-model') as import('wink-nlp').Model;
  const nlp = winkNLP(model);
  const its = nlp.its;
  return (text) => {
    const doc = nlp.readDoc(text);
    return { entities: doc.entities().out(its.detail), pos: doc.tokens().out(its.pos) };
  };
}

function main(): void {
  const [tool, folder] = process.argv.slice(2);
  const analyse = tool === 'compromise' ? compromise() : tool === 'wink' ? wink() : null;
  if (!analyse || !folder) throw new Error('usage: peerRun.js compromise|wink <folder>');
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
  const out = files.map((f) => ({ path: f, ...(analyse(fs.readFileSync(path.join(folder, f), 'utf8')) as object) }));
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main();
