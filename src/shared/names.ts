// How a speaker's name is shown to a reader. The index keeps names as the articles wrote
// them, and unnamed speakers in lower case ("administration", "a US official"), because in a
// sentence they are; at the start of a label, a list row or a picker entry they are capitalised.
// Plain strings only: the server and the VS Code client both use it.

/** "administration" → "Administration", "a US official" → "A US official"; names are kept as written. */
export function labelName(name: string): string {
  return name.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** Suffixes that are not a surname: "Martin Luther King Jr." is "King". */
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/**
 * The name a reader needs beside a quote: a person's surname ("Mark Milley" → "Milley"), as
 * an article names them after the first mention; any other speaker in full ("the White House",
 * "a US official").
 */
export function shortName(name: string, kind: string): string {
  if (kind !== 'person') return name;
  const words = name.trim().split(/\s+/);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1].toLowerCase())) words.pop();
  return words[words.length - 1] ?? name;
}

/** "kherson" → "Kherson", "new york" → "New York": the index keeps places in lower case to compare them. */
export function placeLabel(place: string): string {
  return place.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase());
}
