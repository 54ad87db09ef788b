import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluatePolnear, formatPolnear } from './polnear';
import { checkKherson, loadKherson } from './kherson';
import { evaluateNewsQuant } from './newsquant';
import { evaluateConflicts } from './conflicts';
import { evaluateEcbplus, formatEcbplus } from './ecbplus';
import { evaluateQuoteVariants } from './quoteVariants';

// `npm run eval`: Byline's quality in numbers, on the corpora and samples in ../shared
// (read in place; they are copyrighted and never copied into the repository).

const root = path.resolve(__dirname, '..', '..', '..');
const shared = path.resolve(root, '..', 'shared');
const samples = path.join(shared, 'samples', 'kherson-talks');
const corpora = path.join(shared, 'corpora');

async function main(): Promise<void> {
  const missing: string[] = [];

  if (fs.existsSync(path.join(corpora, 'polnear'))) {
    for (const split of ['dev', 'train'] as const) for (const line of formatPolnear(evaluatePolnear(root, split))) console.log(line);
  } else missing.push(`PolNeAR (${path.join(corpora, 'polnear')})`);
  console.log('');

  if (fs.existsSync(samples)) {
    const ws = loadKherson(samples);
    const check = checkKherson(ws);
    console.log(`Sample workspace (kherson-talks): ${check.right}/${check.total} quotations in marks found and given to the right person; ${check.extra.length} taken for quotes wrongly`);
    for (const w of [...check.wrong, ...check.extra.map((e) => `extra: ${e}`)]) console.log(`  ${w}`);
    const milley = ws.speakers.get('person:mark-milley');
    const zelensky = ws.speakers.all().filter((s) => /zelensk/i.test(s.name));
    console.log(`  Mark Milley: ${milley ? `${milley.quoteCount} quotes in ${milley.files.length} files; aliases ${milley.aliases.join(', ')}` : 'not found'}`);
    console.log(`  Zelensky: ${zelensky.length} speaker${zelensky.length === 1 ? '' : 's'} (${zelensky.map((z) => [z.name, ...z.aliases].join(' = ')).join('; ')})`);
  } else missing.push(`the sample workspace (${samples})`);
  console.log('');

  const newsquant = path.join(corpora, 'newsquant', 'dev.json');
  if (fs.existsSync(newsquant)) for (const line of (await evaluateNewsQuant(newsquant)).lines) console.log(line);
  else missing.push(`NewsQuant (${newsquant})`);
  console.log('');

  if (fs.existsSync(samples)) for (const line of (await evaluateConflicts(samples, path.join(root, 'test', 'fixtures'))).lines) console.log(line);

  console.log('');

  for (const line of evaluateQuoteVariants(fs.existsSync(samples) ? samples : null, path.join(root, 'test', 'fixtures', 'quotes-compared'))) console.log(line);
  console.log('');

  const ecbplus = path.join(corpora, 'ecbplus');
  if (fs.existsSync(ecbplus)) for (const line of formatEcbplus(evaluateEcbplus(ecbplus), process.argv.includes('--details'))) console.log(line);
  else missing.push(`ecbplus (${ecbplus})`);

  for (const m of missing) console.log(`SKIPPED: ${m} is absent`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
