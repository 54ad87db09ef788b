import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeTokens, TOKEN_MODIFIERS, TOKEN_TYPES, type TokenSpan } from '../../src/server/semanticTokens';

// Semantic tokens as LSP encodes them: relative positions, one line each, never overlapping.

function decode(data: number[]) {
  const out: Array<{ line: number; character: number; length: number; type: string; modifiers: string[] }> = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({ line, character, length: data[i + 2], type: TOKEN_TYPES[data[i + 3]], modifiers: TOKEN_MODIFIERS.filter((_, b) => data[i + 4] & (1 << b)) });
  }
  return out;
}

test('a quote over two lines becomes one token a line, without the line break', () => {
  const text = 'He said “we will\r\nnot leave” today.';
  const start = text.indexOf('we');
  const end = text.indexOf('”');
  const tokens = decode(encodeTokens(text, [{ start, end, type: 'quote', modifiers: [] }]));
  assert.deepEqual(tokens, [
    { line: 0, character: 9, length: 7, type: 'quote', modifiers: [] },
    { line: 1, character: 0, length: 9, type: 'quote', modifiers: [] },
  ]);
});

test('a figure inside reported speech cuts the quote in two; the innermost span wins', () => {
  const text = 'Milley said that 20,000 troops remain there.';
  const quote: TokenSpan = { start: text.indexOf('20,000'), end: text.length - 1, type: 'quote', modifiers: ['reported'] };
  const figure: TokenSpan = { start: text.indexOf('20,000'), end: text.indexOf(' troops'), type: 'figure', modifiers: ['conflicting'] };
  const tokens = decode(encodeTokens(text, [quote, figure]));
  assert.deepEqual(tokens, [
    { line: 0, character: 17, length: 6, type: 'figure', modifiers: ['conflicting'] },
    { line: 0, character: 23, length: text.length - 1 - 23, type: 'quote', modifiers: ['reported'] },
  ]);
});

test('tokens on later lines are relative to the previous token; empty spans give none', () => {
  const text = 'a “b” c\n\nd “e”';
  const spans: TokenSpan[] = [
    { start: text.lastIndexOf('e'), end: text.lastIndexOf('e') + 1, type: 'quote', modifiers: ['unattributed'] },
    { start: 3, end: 4, type: 'quote', modifiers: [] },
    { start: 5, end: 5, type: 'figure', modifiers: [] },
  ];
  const data = encodeTokens(text, spans);
  assert.deepEqual(data, [0, 3, 1, 0, 0, 2, 3, 1, 0, 2]);
});
