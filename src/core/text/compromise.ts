import type nlpType from 'compromise';

// compromise, loaded the first time the engine asks it something it has no data for. Loading
// it takes a quarter of a second: the bundles carry its lexicon and noun inflection as data
// (compromiseData.ts) and load it only to conjugate a verb a user added to the cues; unbundled
// (tests, scripts), it is also where that data is read from.

let loaded: typeof nlpType | null = null;

export function compromise(): typeof nlpType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('compromise') as typeof nlpType;
  return loaded;
}
