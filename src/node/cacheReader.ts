import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import type { DocumentAnalysis } from '../core/analyze';
import type { DocumentDigest } from '../workspace/digest';
import { isDocumentAnalysis, isDocumentDigest } from './analysisShape';

// Reading entries of the analysis cache file (cache.ts writes it): in the server's thread, or
// in a worker thread given a snapshot of where the entries are, so that a warm start reads,
// checks and decodes thousands of entries off the thread that answers the editor. An entry
// is returned only when its bytes match their checksum and decode to an analysis.
//
// Each content hash has two entries: its analysis, and under `digestKey(hash)` the digest the
// workspace indexes (digest.ts). A scan reads only digests; an analysis is read when a
// document is looked at.

/** Where an entry's payload is in the cache file, and the SHA-1 it must have. */
export interface Location {
  offset: number;
  length: number;
  checksum: Uint8Array;
}

/** The cache file and its entries, as plain data a worker thread can be sent. */
export interface CacheSnapshot {
  file: string;
  entries: Map<string, Location>;
}

/** The key of the digest of the analysis stored under `hash`. */
export function digestKey(hash: string): string {
  return `${hash}:digest`;
}

export function checksum(payload: Uint8Array): Buffer {
  return createHash('sha1').update(payload).digest();
}

/** Decodes payload bytes whose checksum was checked, or null when they are not an analysis. */
export function decodeAnalysis(payload: Uint8Array): DocumentAnalysis | null {
  return decode(payload, isDocumentAnalysis);
}

/** Decodes a digest's bytes: like `decodeAnalysis`. */
export function decodeDigest(payload: Uint8Array): DocumentDigest | null {
  return decode(payload, isDocumentDigest);
}

function decode<T>(payload: Uint8Array, isT: (value: unknown) => value is T): T | null {
  try {
    const value: unknown = v8.deserialize(payload);
    return isT(value) ? value : null;
  } catch {
    return null;
  }
}

/** Reads payloads from one cache file, keeping it open between reads. */
export class CacheReader {
  private fd: number | null = null;

  constructor(readonly file: string) {}

  /** The payload at `at`, or null when the file is gone or shorter than it should be. */
  read(at: Location): Buffer | null {
    try {
      this.fd ??= fs.openSync(this.file, 'r');
      const payload = Buffer.allocUnsafe(at.length);
      return fs.readSync(this.fd, payload, 0, at.length, at.offset) === at.length ? payload : null;
    } catch {
      this.close();
      return null;
    }
  }

  /** The payload at `at` when its bytes match their checksum (decoding is left to whoever needs the value), or null. */
  verified(at: Location): Buffer | null {
    const payload = this.read(at);
    return payload && checksum(payload).equals(at.checksum) ? payload : null;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}
