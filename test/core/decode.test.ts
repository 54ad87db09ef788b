import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText } from '../../src/core/text/decode';
import { LineIndex } from '../../src/core/text/lineIndex';

const enc = (s: string) => new TextEncoder().encode(s);

test('UTF-8 with a BOM is decoded without the BOM, so offsets start at the first letter', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('“Hi,” he said.')]);
  const d = decodeText(bytes);
  assert.ok(d.ok);
  assert.equal(d.text, '“Hi,” he said.');
  assert.equal(d.encoding, 'utf-8-bom');
});

test('UTF-16 LE and BE with a BOM are decoded', () => {
  const s = 'Milley said “no”.';
  const le = new Uint8Array(2 + s.length * 2);
  const be = new Uint8Array(2 + s.length * 2);
  le.set([0xff, 0xfe]);
  be.set([0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    le[2 + 2 * i] = c & 0xff;
    le[3 + 2 * i] = c >> 8;
    be[2 + 2 * i] = c >> 8;
    be[3 + 2 * i] = c & 0xff;
  }
  for (const bytes of [le, be]) {
    const d = decodeText(bytes);
    assert.ok(d.ok);
    assert.equal(d.text, s);
  }
});

test('invalid UTF-8 falls back to Windows-1252 and says so', () => {
  const d = decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9])); // "café" in Latin-1
  assert.ok(d.ok);
  assert.equal(d.text, 'café');
  assert.equal(d.encoding, 'windows-1252');
  assert.match(d.note ?? '', /Windows-1252/);
});

test('binary data is refused with a reason', () => {
  const d = decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
  assert.equal(d.ok, false);
  assert.ok(!d.ok && /binary/.test(d.reason));
});

test('line index handles CRLF, LF and CR line ends alike', () => {
  const text = 'one\r\ntwo\nthree\rfour';
  const idx = new LineIndex(text);
  assert.equal(idx.lineCount, 4);
  assert.deepEqual(idx.positionAt(text.indexOf('two')), { line: 1, character: 0 });
  assert.deepEqual(idx.positionAt(text.indexOf('three') + 2), { line: 2, character: 2 });
  assert.deepEqual(idx.positionAt(text.indexOf('four')), { line: 3, character: 0 });
  assert.equal(idx.offsetAt({ line: 3, character: 2 }), text.indexOf('four') + 2);
  // A position past the end of a line stays on that line.
  assert.equal(idx.offsetAt({ line: 0, character: 99 }), 3);
});
