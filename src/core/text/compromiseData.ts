import { compromise } from './compromise';

// compromise's lexicon and noun inflection, as the engine reads them. The bundles carry them as
// data taken out at build time (scripts/build/compromiseData.js, through esbuild.js), so that a
// process analysing text does not load compromise: that costs a fifth of a second, two thirds of
// the CLI's run on one article. Unbundled (tests, scripts), they are read from compromise itself;
// test/core/compromiseData.test.ts checks that both give the same answers.

declare const BYLINE_COMPROMISE: string | undefined;

export type Lexicon = Record<string, string | string[]>;

/** The build's form: words grouped by their tags (as JSON), singular rules as [pattern, flags, replacement]. */
export interface PackedCompromise {
  lexicon: Record<string, string[]>;
  irregularPlurals: Record<string, string>;
  singularRules: Array<[string, string, string]>;
}

interface Inflection {
  lexicon: Lexicon;
  toSingular: (norm: string) => string;
}

let loaded: Inflection | null = null;

function data(): Inflection {
  loaded ??= typeof BYLINE_COMPROMISE === 'string' ? unpack(JSON.parse(BYLINE_COMPROMISE) as PackedCompromise) : fromCompromise();
  return loaded;
}

/** compromise's lexicon: a word's tags, a string or several. */
export function lexicon(): Lexicon {
  return data().lexicon;
}

/** The singular of a lower-case noun, by compromise's inflection rules ("casualties" → "casualty"). */
export function toSingular(norm: string): string {
  return data().toSingular(norm);
}

type Methods = { two: { transform: { noun: { toSingular: (w: string, m: unknown) => string } } } };

function fromCompromise(): Inflection {
  const nlp = compromise();
  const model = nlp.model() as { one: { lexicon: Lexicon } };
  const methods = nlp.methods() as Methods;
  return { lexicon: model.one.lexicon, toSingular: (norm) => methods.two.transform.noun.toSingular(norm, model) };
}

/** The data built into a bundle, answering as compromise does. */
export function unpack(packed: PackedCompromise): Inflection {
  // A plain object, as compromise's lexicon is: a look-up of "constructor" finds what it finds there.
  const lexicon: Lexicon = {};
  for (const [tags, words] of Object.entries(packed.lexicon)) {
    const value = JSON.parse(tags) as string | string[];
    for (const word of words) lexicon[word] = value;
  }
  // compromise inverts its irregular plurals on every call (a later singular wins a shared plural).
  const irregular: Record<string, string> = {};
  for (const [one, many] of Object.entries(packed.irregularPlurals)) irregular[many] = one;
  const rules = packed.singularRules.map(([pattern, flags, replacement]) => [new RegExp(pattern, flags), replacement] as const);
  const toSingular = (norm: string): string => {
    if (Object.prototype.hasOwnProperty.call(irregular, norm)) return irregular[norm];
    for (const [pattern, replacement] of rules) if (pattern.test(norm)) return norm.replace(pattern, replacement);
    return norm;
  };
  return { lexicon, toSingular };
}
