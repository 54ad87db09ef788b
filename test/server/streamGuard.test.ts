import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StreamGuard } from '../../src/server/streamGuard';

// The check of LSP framing in front of vscode-jsonrpc (streamGuard.ts): whole messages pass
// unchanged however the bytes are cut, and every kind of broken frame is an error.

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const MESSAGES = frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"text":"“Café” — ok"}}') + frame('{}') + frame('{"jsonrpc":"2.0","method":"initialized","params":{}}');

function feed(guard: StreamGuard, chunks: Buffer[]): Promise<{ out: Buffer; error: Error | null }> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    guard.on('data', (c: Buffer) => out.push(c));
    guard.on('error', (error) => resolve({ out: Buffer.concat(out), error }));
    guard.on('end', () => resolve({ out: Buffer.concat(out), error: null }));
    for (const c of chunks) guard.write(c);
    guard.end();
  });
}

test('well-formed messages pass through unchanged, cut at every byte', async () => {
  const bytes = Buffer.from(MESSAGES);
  for (let cut = 1; cut < bytes.length; cut += 7) {
    const { out, error } = await feed(new StreamGuard(), [bytes.subarray(0, cut), bytes.subarray(cut)]);
    assert.equal(error, null, `cut at ${cut}`);
    assert.ok(out.equals(bytes), `cut at ${cut}`);
  }
});

test('a header without a length, a length that is not a number, or over the limit, is an error that says which', async () => {
  for (const [bytes, said] of [
    ['Content-Type: application/json\r\n\r\n{}', /without a Content-Length/],
    ['Content-Length: -5\r\n\r\n{}', /not a number/],
    ['Content-Length: 1e3\r\n\r\n{}', /not a number/],
    ['Content-Length: 300000000\r\n\r\n{}', /over the 256 MB a message may have/],
    ['x'.repeat(10_000), /header over 8192 bytes/],
  ] as const) {
    const { error } = await feed(new StreamGuard(), [Buffer.from(bytes)]);
    assert.match(error?.message ?? 'no error', said, bytes.slice(0, 40));
  }
});

test('a body that stops coming is an error once the stream has been quiet for the time allowed', async () => {
  const guard = new StreamGuard(50);
  const failed = new Promise<Error>((resolve) => guard.on('error', resolve));
  guard.on('data', () => undefined);
  guard.write(Buffer.from('Content-Length: 100\r\n\r\n{"jsonrpc":'));
  const error = await Promise.race([failed, new Promise<null>((r) => setTimeout(() => r(null), 2000))]);
  assert.match(error?.message ?? 'no error within 2 s', /stopped coming with 89 of its bytes still to come/);
});
