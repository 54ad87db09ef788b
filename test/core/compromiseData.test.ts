import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { compromise } from '../../src/core/text/compromise';
import { type PackedCompromise, unpack } from '../../src/core/text/compromiseData';

// The bundles read compromise's lexicon and noun inflection from data made at build time
// (scripts/build/compromiseData.js) instead of loading compromise; these tests run unbundled,
// where the engine asks compromise itself. The two must answer alike for every word.

const root = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compromiseData } = require(path.join(root, 'scripts', 'build', 'compromiseData.js')) as { compromiseData: () => string };
const built = unpack(JSON.parse(compromiseData()) as PackedCompromise);

type Model = { one: { lexicon: Record<string, string | string[]> } };
type Methods = { two: { transform: { noun: { toSingular: (w: string, m: unknown) => string } } } };
const model = compromise().model() as Model;
const compromiseSingular = (w: string): string => (compromise().methods() as Methods).two.transform.noun.toSingular(w, model);

test("the built lexicon gives every word compromise's tags, and nothing else", () => {
  assert.deepEqual(built.lexicon, model.one.lexicon);
  // A plain object, as compromise's is: both find Object's "constructor" (the engine takes it for a known word).
  assert.equal(built.lexicon['constructor'], model.one.lexicon['constructor']);
  assert.deepEqual(built.lexicon['president'], model.one.lexicon['president']);
});

test('the built singular rules make the singular compromise makes: casualties, wolves, women, crises, data', () => {
  const words = Object.keys(model.one.lexicon).filter((w) => /s$|men$|ae$|i$|a$/.test(w));
  words.push('casualties', 'wolves', 'women', 'crises', 'data', 'mice', 'children', 'octopi', 'tomatoes', 'houses', 'buses', 'soldiers', 'xyzs');
  assert.ok(words.length > 1000);
  for (const w of words) assert.equal(built.toSingular(w), compromiseSingular(w), w);
  assert.equal(built.toSingular('casualties'), 'casualty');
  assert.equal(built.toSingular('children'), 'child');
});
