import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import type { DocumentAnalysis } from '../core/analyze';
import { isDocumentAnalysis } from './analysisShape';

// Reading entries of the analysis cache file (cache.ts writes it): in the server's thread, or
// in a worker thread given a snapshot of where the entries are, so that a warm start reads,
// checks and decodes thousands of entries off the thread that answers the editor. An entry
// is returned only when its bytes match their checksum and decode to an analysis.

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

export function checksum(payload: Uint8Array): Buffer {
  return createHash('sha1').update(payload).digest();
}

/** Decodes a payload, or null when it is not the analysis its checksum vouches for. */
export function decodeEntry(payload: Uint8Array | null, expected: Uint8Array): DocumentAnalysis | null {
  if (!payload || !checksum(payload).equals(expected)) return null;
  try {
    const value: unknown = v8.deserialize(payload);
    return isDocumentAnalysis(value) ? value : null;
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

  /** The checked analysis at `at`, or null. */
  analysis(at: Location): DocumentAnalysis | null {
    return decodeEntry(this.read(at), at.checksum);
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}
