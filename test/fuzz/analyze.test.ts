import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocument, type DocumentAnalysis } from '../../src/core/analyze';
import type { Span } from '../../src/core/types';

// Property-based tests of the engine on hostile text: random Unicode, unbalanced and mixed
// quote marks, deep nesting, numbers in every format, control characters, huge lines.
// Invariants: no exception; every offset inside the text and on a code-point boundary; the
// same result for the same input; time that grows no worse than linearly.
// BYLINE_FUZZ_RUNS sets the number of cases (npm run test:stress runs many more).

const RUNS = Number(process.env.BYLINE_FUZZ_RUNS ?? 150);

const MARKS = ['"', '“', '”', '„', '«', '»', "'", '‘', '’', '‹', '›'];
const WORDS = ['said', 'told', 'according to', 'he', 'she', 'Milley', 'Gen.', 'Mark', 'the', 'White House', 'official', 'that', 'warned', 'U.S.', 'Dr.', 'not'];
const NUMBERS = ['100,000', '7.5 million', 'six million', '$38 billion', '€2.5bn', '15k', '20%', '20 percent', 'one in five', 'ninth month', 'eight-month', '20,000 to 30,000', '20,000-30,000', 'between 40 and 50', 'about 3', 'well over 100', '1914', '3:45 p.m.', '1.', '-0.5', '1e9', '12/3'];

/** Text assembled from the pieces news is made of, with the wrong ones mixed in. */
const newsish = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 3, arbitrary: fc.constantFrom(...MARKS) },
      { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
      { weight: 3, arbitrary: fc.constantFrom(' ', ' ', ', ', '. ', '\n', '\r\n', '\r', '\n\n', '\t', '\u00a0') },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
      { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udc00', '\ufeff', '\u200b', '\u202e') },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

/** Every span the analysis reports, with where it came from. */
function spans(a: DocumentAnalysis): Array<[string, Span]> {
  const out: Array<[string, Span]> = [];
  for (const q of a.quotes) {
    out.push(['quote', q]);
    for (const p of q.parts) out.push(['quote part', p]);
    if (q.attribution?.mention) out.push(['mention', q.attribution.mention]);
    if (q.attribution?.cue) out.push(['cue', q.attribution.cue]);
  }
  for (const s of a.speakers) {
    for (const m of s.mentions) out.push(['speaker mention', m]);
    for (const r of s.roles) out.push(['role', r]);
  }
  for (const c of a.claims) out.push(['claim', c]);
  for (const p of a.problems) out.push(['problem', p]);
  return out;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** An offset that would split a surrogate pair is not a code-point boundary. */
function onBoundary(text: string, offset: number): boolean {
  return !(offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset)) && isHighSurrogate(text.charCodeAt(offset - 1)));
}

function checkInvariants(text: string): void {
  const a = analyzeDocument(text);
  for (const [what, s] of spans(a)) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what} offsets are integers`);
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what} [${s.start}, ${s.end}) inside a text of ${text.length}`);
    assert.ok(onBoundary(text, s.start) && onBoundary(text, s.end), `${what} [${s.start}, ${s.end}) on code-point boundaries`);
  }
  for (const q of a.quotes) {
    if (q.attribution) assert.ok(a.speakers.some((s) => s.key === q.attribution?.speakerKey), 'a quote’s speaker is one of the document’s speakers');
  }
  assert.deepEqual(JSON.parse(JSON.stringify(analyzeDocument(text))), JSON.parse(JSON.stringify(a)), 'the same input gives the same result');
}

test('news-like text with broken punctuation: no exception, offsets in range and on code points, deterministic', () => {
  fc.assert(fc.property(newsish, checkInvariants), { numRuns: RUNS });
});

test('arbitrary Unicode, lone surrogates and control characters', () => {
  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 300 }));
  fc.assert(fc.property(anyText, checkInvariants), { numRuns: RUNS });
});

test('only quotation marks, in any order and any number', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...MARKS, ' ', 'a', '\n'), { maxLength: 400 }).map((m) => m.join('')), checkInvariants), { numRuns: RUNS });
});

test('thousands of nested quotes, a megabyte on one line, and a deep run of unclosed marks', () => {
  const nested = '“'.repeat(3000) + 'deep' + '”'.repeat(3000);
  const alternating = Array.from({ length: 4000 }, (_, i) => (i % 2 ? '‘' : '“')).join('') + ' he said.';
  const unclosed = 'He said "a '.repeat(5000);
  const line = '“We will see,” Milley said, citing 100,000 troops and $38 billion. '.repeat(Math.ceil(1_000_000 / 68));
  for (const text of [nested, alternating, unclosed, line]) checkInvariants(text);
});

test('analysis time grows no worse than linearly with the length of the text', () => {
  // A realistic paragraph mix; the same text 8× and 128×.
  const unit =
    'Gen. Mark Milley, chairman of the Joint Chiefs, said on Wednesday that 20,000 to 30,000 troops remained.\n' +
    '“The probability of a military victory is not high,” he told reporters. “Winter will slow things down.”\n' +
    'According to a US official, about 40,000 civilians were killed or wounded, and "well over" 100,000 soldiers.\n' +
    'Some "scare quotes" here, an unclosed “quote, and a stray ” mark.\n\n';
  // CPU time of this process, the least of five runs: other processes on the machine do not count.
  const time = (text: string) => {
    analyzeDocument(text); // the first run of a size compiles and allocates: not measured
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = process.cpuUsage();
      analyzeDocument(text);
      const used = process.cpuUsage(before);
      runs.push(used.user + used.system);
    }
    return Math.max(1, Math.min(...runs));
  };
  analyzeDocument(unit); // warm up: the lexicon and cue tables are built once
  const small = unit.repeat(8);
  const large = unit.repeat(128);
  // 16× the text: linear would be ~16; a quadratic engine would be ~256 every time. Garbage
  // collection and the compiler's tiers only ever make one measure dearer (11× to 65× were seen
  // for one build on one machine): the least of three ratios, each taken anew, is the engine's.
  const ratios = [0, 1, 2].map(() => time(large) / time(small));
  const ratio = Math.min(...ratios);
  assert.ok(ratio < 64, `16× the text took ${ratio.toFixed(1)}× the time (least of ${ratios.map((r) => r.toFixed(1)).join(', ')})`);
});
