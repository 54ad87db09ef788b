// Turning a file's bytes into the text every offset refers to. Readers' folders hold
// exported pages in every encoding; we decode what we can say for certain, fall back to
// Windows-1252 (a superset of Latin-1 that exports use) with a note, and refuse binaries.

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; note: string | null }
  | { ok: false; reason: string };

/** How many bytes from the start are inspected to call a file binary (after a UTF-8 BOM). */
export const BINARY_SNIFF_BYTES = 8192;
const BINARY_REASON = 'binary file (it contains NUL or other control bytes that text does not)';

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });
const windows1252 = new TextDecoder('windows-1252');

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: utf16le.decode(bytes.subarray(2)), encoding: 'utf-16le', note: null };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: utf16be.decode(bytes.subarray(2)), encoding: 'utf-16be', note: null };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { ok: false, reason: BINARY_REASON };
  try {
    return { ok: true, text: utf8Strict.decode(body), encoding: hasBom ? 'utf-8-bom' : 'utf-8', note: null };
  } catch {
    return {
      ok: true,
      text: windows1252.decode(body),
      encoding: 'windows-1252',
      note: 'not valid UTF-8; decoded as Windows-1252 (Latin-1). Offsets refer to that decoding.',
    };
  }
}

/**
 * Why a file whose first bytes are `head` is not text, or null: the same verdict `decodeText`
 * gives the whole file, from its first BINARY_SNIFF_BYTES + 3 bytes, so that a reader can
 * refuse a large binary file without reading it all.
 */
export function binaryReason(head: Uint8Array): string | null {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return null;
  const hasBom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  return looksBinary(hasBom ? head.subarray(3) : head) ? BINARY_REASON : null;
}

/** NUL bytes never occur in text files without a UTF-16 BOM; other C0 controls rarely do in bulk. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  // More than one control byte in ten is not prose in any encoding.
  return n > 0 && controls / n > 0.1;
}
