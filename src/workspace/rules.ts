import type { DiagnosticCode } from '../core/types';

// One line per diagnostic code, for SARIF rules, the README and hover links.

export const RULE_DESCRIPTIONS: Readonly<Record<DiagnosticCode, string>> = {
  quote: 'A quotation in marks, attributed to its speaker.',
  'reported-speech': 'Reported (indirect) speech, attributed to its speaker.',
  'unattributed-quote': 'A quotation for which no speaker was found nearby.',
  'unclosed-quote': 'A quotation mark that is never closed.',
  'conflicting-claim': 'A numeric claim that disagrees with a claim about the same thing in another file.',
  'updated-claim': 'A toll that another file, published on another day, reports earlier or later: an update, not a contradiction.',
  'analysis-truncated': 'The analysis of a file was cut short (time budget); later findings may be missing.',
  'quote-differs': 'A quote that another file gives in other words: a word changed, added or dropped.',
  'quote-speaker-differs': 'A quote whose words another file gives to another speaker.',
};
