import type nlpType from 'compromise';

// compromise, loaded the first time the engine asks it something. Loading it takes a quarter
// of a second, and a language server reopening a folder from its cache (digests, read by
// worker threads) never needs it: it is loaded when a text is first analysed in a thread.

let loaded: typeof nlpType | null = null;

export function compromise(): typeof nlpType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('compromise') as typeof nlpType;
  return loaded;
}
