// Families of roles, so that a description can be matched to the person it describes:
// "the US military commander" is the man the article called "US Army Chief of Staff".
// A description and a role match when they share a family. Extend the table as needed.

const FAMILIES: Record<string, string> = {
  military:
    'military army navy marine marines general gen commander officer admiral colonel col lieutenant lt ' +
    'major maj captain sergeant chiefs staff joint defense defence troops soldier soldiers brigadier',
  press: 'spokesman spokeswoman spokesperson spokespeople press',
  leader: 'president leader premier chancellor king queen monarch',
  government: 'minister secretary cabinet ministry',
  diplomacy: 'ambassador envoy diplomat diplomats',
  legislature: 'senator congressman congresswoman lawmaker representative legislator parliament mp',
  intelligence: 'intelligence cia spy director',
  academia: 'professor scholar researcher academic university',
  law: 'attorney lawyer prosecutor judge justice counsel',
  campaign: 'candidate nominee campaign',
};

const familyOf = new Map<string, string[]>();
for (const [family, words] of Object.entries(FAMILIES)) {
  for (const w of words.split(' ')) familyOf.set(w, [...(familyOf.get(w) ?? []), family]);
}

/** The role families a role or description belongs to. */
export function roleFamilies(text: string): Set<string> {
  const families = new Set<string>();
  for (const word of text.toLowerCase().split(/[^a-z]+/)) for (const f of familyOf.get(word) ?? []) families.add(f);
  return families;
}
