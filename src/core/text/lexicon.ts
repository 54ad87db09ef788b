import { compromise } from './compromise';
import { lexicon } from './compromiseData';

// What the engine needs to know about a single word, answered from compromise's lexicon
// (first names with their gender, places, verb forms, prepositions) plus the tables below for
// the words news attribution turns on, which compromise does not tag (spokeswoman, source,
// Pentagon). Look-ups are by lower-case word and cached, so a word costs one Map read.

export const enum W {
  Pronoun = 1 << 0,
  Determiner = 1 << 1,
  Preposition = 1 << 2,
  Conjunction = 1 << 3,
  Verb = 1 << 4,
  Adjective = 1 << 5,
  Adverb = 1 << 6,
  FirstName = 1 << 7,
  Male = 1 << 8,
  Female = 1 << 9,
  LastName = 1 << 10,
  Place = 1 << 11,
  Organization = 1 << 12,
  Honorific = 1 << 13,
  /** A noun naming a position a person holds: chairman, director, spokeswoman, general. */
  Title = 1 << 14,
  /** A noun for an unnamed human source: official, source, person, aide, expert. */
  SourceNoun = 1 << 15,
  /** A noun that makes a capitalised phrase an institution: House, Department, Ministry. */
  OrgHead = 1 << 16,
  Demonym = 1 << 17,
  Time = 1 << 18,
  Auxiliary = 1 << 19,
  Ordinal = 1 << 20,
  NumberWord = 1 << 21,
  Plural = 1 << 22,
  /** Common words that are capitalised only at a sentence start: The, But, Still. */
  Common = 1 << 23,
  /** compromise's lexicon knows the word (as anything): not an unfamiliar name. */
  Known = 1 << 24,
  /** Words that qualify a title: former, retired, acting. */
  TitleModifier = 1 << 25,
  /** Institutions named by one word: the Pentagon, the Kremlin, NATO, Reuters. */
  Institution = 1 << 26,
  /** Texts that say things in news: the report says, the letter reads, a footnote makes clear. */
  Document = 1 << 27,
}

const TABLES: Array<[number, string]> = [
  [W.Pronoun, 'he she they it i we you him her them us me himself herself themselves'],
  [W.Determiner, 'the a an another this that these those some any each every his her their its our my your no both either neither all'],
  [W.Conjunction, 'and or but nor yet so because although though while whereas if unless since'],
  [
    W.Preposition,
    'of in on at by for with from to into onto over under about after before during since until ' +
      'against among between through throughout across behind beyond near outside inside within without via per amid despite toward towards upon',
  ],
  [W.Auxiliary, 'has have had having is are was were be been being will would could should may might must can shall do does did also'],
  [
    W.Adverb,
    'also then later now still already again too just only even never ever once recently previously reportedly ' +
      'repeatedly publicly privately separately similarly further earlier today yesterday tonight ' +
      'however meanwhile instead here there not',
  ],
  [
    W.Title,
    'president vice chairman chairwoman chair chief director secretary minister senator sen rep representative congressman ' +
      'congresswoman governor gov mayor ambassador general gen lt lieutenant colonel col major maj captain capt admiral adm ' +
      'sergeant sgt commander officer spokesman spokeswoman spokesperson speaker leader head prime premier chancellor king queen ' +
      'prince princess pope professor prof dr judge justice attorney counsel adviser advisor strategist economist ' +
      'ceo founder candidate nominee manager coordinator envoy deputy undersecretary commissioner inspector chaplain ' +
      'executive editor correspondent columnist anchor host pastor bishop rabbi imam sheriff councilman councilwoman ' +
      'lawmaker legislator delegate diplomat negotiator mp',
  ],
  [
    W.SourceNoun,
    'official officials source sources person people aide aides expert experts analyst analysts spokesman spokeswoman ' +
      'spokesperson diplomat diplomats insider insiders observer observers critic critics supporter supporters lawmaker lawmakers ' +
      'resident residents witness witnesses staffer staffers adviser advisers advisor advisors strategist strategists ' +
      'economist economists voter voters member members officer officers researcher researchers scientist scientists ' +
      'investigator investigators prosecutor prosecutors lawyer lawyers attorney attorneys spokespeople representative representatives ' +
      'wife husband son daughter mother father brother sister nephew niece cousin uncle aunt widow friend friends neighbor neighbors ' +
      'operative operatives activist activists organizer organizers protester protesters donor donors consultant consultants ' +
      'pollster pollsters historian historians journalist journalists reporter reporters commentator commentators veteran veterans ' +
      'volunteer volunteers employee employees owner owners ally allies colleague colleagues',
  ],
  [
    W.OrgHead,
    'house department ministry office council committee commission agency administration pentagon kremlin congress senate ' +
      'parliament government party campaign post times journal news tribune herald guardian telegraph reuters ap afp cnn bbc ' +
      'msnbc fox nbc abc cbs npr politico bloomberg institute university college foundation bank fund union association ' +
      'corporation company group court army navy forces military police service services board bureau authority ' +
      'organization organisation alliance nato un eu coalition network center centre inc corp ltd forum club conference ' +
      'summit council league federation society academy',
  ],
  // Given names compromise files only as common nouns ("bill", "hope"): without them "Bill Clinton" is no person.
  [W.FirstName | W.Male, 'bill newt rand rush jeb mitt reince dean ray gene earl cliff jay lee max miles reed rod woody sonny tad'],
  [W.FirstName | W.Female, 'kellyanne hope joy faith dawn june rose ruby holly huma melania ivanka'],
  [
    W.Document,
    'report poll survey study statement letter memo ad editorial email e-mail tweet post article book footnote ' +
      'filing lawsuit complaint order ruling opinion resolution bill law message video release transcript sign banner',
  ],
  [W.Institution, 'pentagon kremlin congress senate parliament nato reuters ap afp cnn bbc msnbc politico bloomberg un eu fbi cia nsa duma knesset'],
  [W.Place, 'us u.s. uk u.k. usa u.s.a. peninsula river sea region oblast province island islands mountains valley bay gulf ocean lake street avenue square county district'],
  [W.TitleModifier, 'former retired acting outgoing incoming then late deputy senior top chief assistant associate interim'],
  [W.Time, 'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week month year morning afternoon evening night weekend'],
  [W.Ordinal, 'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth another other'],
  [W.NumberWord, 'one two three four five six seven eight nine ten eleven twelve dozen dozens several many few hundreds thousands'],
  [
    W.Common,
    'the a an but and or so yet still however meanwhile instead also then now in on at for with from by after before during ' +
      'when while as if though although because since this that these those there here it he she they we i you his her their its ' +
      'our my your some many most all both each every no not nobody nothing one what who which where why how according ' +
      'yes well even just only more other such while whatever whoever',
  ],
];

const table = new Map<string, number>();
for (const [flag, words] of TABLES) for (const w of words.split(' ')) table.set(w, (table.get(w) ?? 0) | flag);

function fromCompromise(tags: string | string[] | undefined): number {
  if (tags === undefined) return 0;
  let f: number = W.Known;
  for (const tag of Array.isArray(tags) ? tags : [tags]) {
    switch (tag) {
      case 'MaleName':
        f |= W.FirstName | W.Male;
        break;
      case 'FemaleName':
        f |= W.FirstName | W.Female;
        break;
      case 'FirstName':
        f |= W.FirstName;
        break;
      case 'LastName':
        f |= W.LastName;
        break;
      case 'Country':
      case 'City':
      case 'Region':
      case 'Place':
        f |= W.Place;
        break;
      case 'Organization':
      case 'SportsTeam':
        f |= W.Organization;
        break;
      case 'Honorific':
        f |= W.Honorific | W.Title;
        break;
      case 'Demonym':
        f |= W.Demonym | W.Adjective;
        break;
      case 'PastTense':
      case 'PresentTense':
      case 'Infinitive':
      case 'Gerund':
      case 'Participle':
      case 'Copula':
      case 'Modal':
      case 'Verb':
        f |= W.Verb;
        break;
      case 'Adjective':
      case 'Comparative':
      case 'Superlative':
        f |= W.Adjective;
        break;
      case 'Adverb':
        f |= W.Adverb;
        break;
      case 'Preposition':
        f |= W.Preposition;
        break;
      case 'Determiner':
        f |= W.Determiner;
        break;
      case 'Conjunction':
        f |= W.Conjunction;
        break;
      case 'Month':
      case 'WeekDay':
      case 'Date':
      case 'Duration':
        f |= W.Time;
        break;
      case 'Plural':
        f |= W.Plural;
        break;
    }
  }
  return f;
}

const cache = new Map<string, number>();

/** Word-class flags of a lower-case word. */
export function wordFlags(norm: string): number {
  let f = cache.get(norm);
  if (f !== undefined) return f;
  f = (table.get(norm) ?? 0) | fromCompromise(lexicon()[norm]);
  if (f === 0) f = guessBySuffix(norm);
  cache.set(norm, f);
  return f;
}

export function has(norm: string, flag: W): boolean {
  return (wordFlags(norm) & flag) !== 0;
}

/** Unknown words: English suffixes are a fair guess for lower-case text. */
function guessBySuffix(w: string): number {
  if (w.endsWith("n't")) return W.Auxiliary;
  if (w.length > 4 && w.endsWith('ly')) return W.Adverb;
  if (w.length > 4 && w.endsWith('ed')) return W.Verb;
  // "-ing" words are as often modifiers ("policy planning director") as verbs.
  if (w.length > 4 && w.endsWith('ing')) return W.Verb | W.Adjective;
  return 0;
}

/** Forms of a verb (or a phrasal verb such as "point out"), from compromise's conjugator. */
export function verbForms(infinitive: string): string[] {
  const forms = new Set<string>([infinitive]);
  const conjugations = compromise()(infinitive).verbs().conjugate() as Array<Record<string, string>>;
  for (const c of conjugations) {
    for (const key of ['Infinitive', 'PastTense', 'PresentTense', 'Gerund', 'PerfectTense', 'Participle']) {
      const form = c[key];
      if (form && !form.includes('will ')) forms.add(form.toLowerCase().replace(/^(has|have) /, ''));
    }
  }
  // compromise does not conjugate words it takes for nouns ("tweet", "quip"): use the regular forms.
  if (forms.size === 1) for (const form of regularForms(infinitive)) forms.add(form);
  return [...forms];
}

function regularForms(verb: string): string[] {
  const [head, ...rest] = verb.split(' ');
  const tail = rest.length ? ' ' + rest.join(' ') : '';
  // blog → blogged, quip → quipped: one short vowel before a final consonant doubles it (the u of qu is not a vowel).
  const doubles = /^(qu|[^aeiou])*[aeiou][bdgklmnprt]$/.test(head);
  const stem = head.endsWith('e') ? head.slice(0, -1) : doubles ? head + head.slice(-1) : head;
  const s = /(s|sh|ch|x|z)$/.test(head) ? head + 'es' : head + 's';
  return [s, stem + 'ed', stem + 'ing'].map((f) => f + tail);
}
