import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkKherson, loadKherson } from '../../scripts/eval/kherson';
import { samplesDir } from '../helpers/paths';

// The five reports in ../shared/samples/kherson-talks are the first workspace every feature
// must work on. They are copyrighted, so they are read in place, never copied; where they are
// absent the suite says so and skips.

const present = fs.existsSync(samplesDir);
const skip = present ? false : `sample workspace not found at ${samplesDir}`;
if (!present) console.log(`# SKIP kherson-talks tests: ${samplesDir} is absent`);

const load = () => loadKherson(samplesDir);

test('every quotation in marks in the sample workspace is found and given to the right person', { skip }, () => {
  const check = checkKherson(load());
  assert.deepEqual(check.wrong, []);
  assert.deepEqual(check.extra, []);
});

test('Milley’s misspellings and Zelensky’s spellings are merged; unnamed officials are not Milley', { skip }, () => {
  const ws = load();
  const milley = ws.speakers.all().find((s) => s.name === 'Mark Milley');
  assert.ok(milley);
  for (const alias of ['Milley', 'Milli', 'Mark Mille']) assert.ok(milley.aliases.includes(alias), `${alias} in ${milley.aliases}`);
  assert.equal(milley.files.length, 5);
  const zelensky = ws.speakers.all().filter((s) => /zelensk/i.test(s.name));
  assert.equal(zelensky.length, 1);
  assert.ok(zelensky[0].aliases.some((a) => /Zelenskyy$/.test(a)) || /Zelenskyy$/.test(zelensky[0].name));
  const second = ws.speakers.all().find((s) => /second US official/.test(s.name));
  assert.ok(second && second.kind === 'anonymous' && second.id !== milley.id);
});

test('roles are kept as each article gives them, with their place, even when they disagree', { skip }, () => {
  const ws = load();
  const milley = ws.speakers.get('person:mark-milley');
  assert.ok(milley);
  const texts = milley.roles.map((r) => r.text);
  assert.ok(texts.includes('the chairman of the US Joint Chiefs'), texts.join(' | '));
  assert.ok(texts.some((t) => /Army Chief of Staff/.test(t)), texts.join(' | '));
  for (const r of milley.roles) assert.equal(fs.readFileSync(path.join(samplesDir, r.path), 'utf8').slice(r.start, r.end), r.text);
});
