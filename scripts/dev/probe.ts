import { analyzeDocument } from '../../src/core/analyze';

// Prints every quote Byline finds in the texts given as arguments, with its speaker and mention:
// a quick look at how one sentence is read. Usage: node out/scripts/dev/probe.js "text" ["text" …]

for (const text of process.argv.slice(2)) {
  const { quotes, speakers } = analyzeDocument(text);
  console.log(text);
  for (const q of quotes) {
    const a = q.attribution;
    const name = speakers.find((s) => s.key === a?.speakerKey)?.name ?? null;
    console.log(`  ${q.kind} ⟦${q.text}⟧ → ${name} (mention ${a?.mention?.text ?? '-'}, cue ${a?.cue?.text ?? '-'}, via ${a?.via ?? '-'})`);
  }
}
