import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { DocumentAnalysis } from '../core/analyze';
import { CacheReader, checksum, decodeEntry, type CacheSnapshot, type Location } from './cacheReader';

// The on-disk cache of analyses, so that reopening a folder of 10,000 articles does not
// analyse them again. Entries are keyed by the workspace's content hash (the text and the
// analysis options), so a file that changed is simply a miss.
//
// One append-only file instead of one file per article: thousands of small files are slow to
// write and slower to read back, while one file is read with one open and a few thousand
// positioned reads. Layout:
//
//   header  MAGIC, format (u32), engine version (u32 length + UTF-8)
//   record  payload length (u32), key length (u8), key (UTF-8), SHA-1 of the payload (20 bytes),
//           payload (v8.serialize of a DocumentAnalysis)
//
// Nothing read back is trusted blindly: a header of another format or engine version drops
// the whole file (a new Byline never reads an old engine's results), a record cut short ends
// the file there, and a record whose checksum or shape is wrong is forgotten and reported as
// a miss, so its file is analysed again. Deleting the folder at any time is safe: the next
// write starts a new file. The cache writes in its own folder and nowhere else.

const FILE_NAME = 'analyses.bin';
const MAGIC = Buffer.from('BYLINE-ANALYSES\n', 'latin1');
/** Bumped when the layout above changes. */
const FORMAT = 1;
const CHECKSUM_BYTES = 20;
/** Payload length + key length, before the key. */
const RECORD_PREFIX_BYTES = 5;
/** Longest key: the record stores its length in one byte. */
const MAX_KEY_BYTES = 255;
/** Longest payload believed: a length past it is a damaged record, not a huge analysis. */
const MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;
/** The file is rewritten with its live entries when dead ones (edited files' old analyses) pass this share… */
const COMPACT_DEAD_SHARE = 0.5;
/** …and this size: rewriting a small file saves nothing. */
const COMPACT_MIN_BYTES = 16 * 1024 * 1024;

interface Entry {
  key: string;
  checksum: Uint8Array;
  payload: Buffer;
}

export class AnalysisCache {
  private readonly file: string;
  private readonly index = new Map<string, Location>();
  /** Put since the last flush; found by `has`, not yet by `get`. */
  private readonly pending = new Map<string, Entry>();
  /** Where the next record goes; 0 when the file must be started again (missing, stale or damaged). */
  private end = 0;
  /** Bytes of records that no key leads to any more (replaced, or found damaged). */
  private deadBytes = 0;
  private writing: Promise<void> = Promise.resolve();
  private reader: CacheReader;

  private constructor(
    readonly folder: string,
    private readonly engine: string,
  ) {
    this.file = path.join(folder, FILE_NAME);
    this.reader = new CacheReader(this.file);
  }

  /** Opens the cache in `folder` (created when first written) for results of `engine`. */
  static open(folder: string, engine: string): AnalysisCache {
    const cache = new AnalysisCache(folder, engine);
    cache.load();
    return cache;
  }

  get size(): number {
    return this.index.size + this.pending.size;
  }

  /** Entries put since the last flush. */
  get pendingCount(): number {
    return this.pending.size;
  }

  has(key: string): boolean {
    return this.index.has(key) || this.pending.has(key);
  }

  keys(): string[] {
    return [...this.index.keys(), ...this.pending.keys()];
  }

  /** The analysis stored under `key`, or null when there is none or it does not check out (then it is forgotten). */
  get(key: string): DocumentAnalysis | null {
    const at = this.index.get(key);
    const entry = this.pending.get(key);
    if (!at && !entry) return null;
    const analysis = entry ? decodeEntry(entry.payload, entry.checksum) : this.reader.analysis(at as Location);
    if (!analysis) this.forget(key);
    return analysis;
  }

  /** Where the written entries are, for worker threads that read them (cacheReader.ts). */
  snapshot(): CacheSnapshot {
    return { file: this.file, entries: new Map(this.index) };
  }

  /** Drops an entry found bad (by a worker thread, say), so that it can be put again. */
  forget(key: string): void {
    const at = this.index.get(key);
    if (at) this.deadBytes += at.length;
    this.index.delete(key);
    this.pending.delete(key);
  }

  /** Stores an analysis; `payload` is its v8.serialize bytes when a worker already made them. */
  put(key: string, analysis: DocumentAnalysis, payload: Uint8Array = v8.serialize(analysis)): void {
    if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES || this.has(key)) return;
    const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
    this.pending.set(key, { key, checksum: checksum(bytes), payload: bytes });
  }

  /** Appends what was put since the last flush. Failures are reported, never thrown: the cache is an optimisation. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.append());
    return this.writing;
  }

  /** Rewrites the file with the entries of `live` keys only, when dead ones take most of it. */
  compact(live: ReadonlySet<string>): Promise<void> {
    this.writing = this.writing.then(() => this.rewrite(live));
    return this.writing;
  }

  // ── Reading ──────────────────────────────────────────────────────────────────────────

  private load(): void {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch {
      return; // no cache yet
    }
    try {
      const size = fs.fstatSync(fd).size;
      let offset = this.readHeader(fd, size);
      if (offset === 0) return;
      const head = Buffer.alloc(RECORD_PREFIX_BYTES + MAX_KEY_BYTES + CHECKSUM_BYTES);
      while (offset < size) {
        const got = fs.readSync(fd, head, 0, head.length, offset);
        if (got < RECORD_PREFIX_BYTES) break;
        const length = head.readUInt32LE(0);
        const keyLength = head.readUInt8(4);
        const headLength = RECORD_PREFIX_BYTES + keyLength + CHECKSUM_BYTES;
        // A record cut short (Byline stopped while writing) or a damaged length ends the file.
        if (got < headLength || length > MAX_PAYLOAD_BYTES || offset + headLength + length > size) break;
        const key = head.toString('utf8', RECORD_PREFIX_BYTES, RECORD_PREFIX_BYTES + keyLength);
        const sum = Buffer.from(head.subarray(RECORD_PREFIX_BYTES + keyLength, headLength));
        const replaced = this.index.get(key);
        if (replaced) this.deadBytes += replaced.length;
        this.index.set(key, { offset: offset + headLength, length, checksum: sum });
        offset += headLength + length;
      }
      // Appending after a damaged tail would hide the new records behind it: they go where it starts.
      this.end = offset;
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The offset of the first record, or 0 when the file is not a cache of this format and engine. */
  private readHeader(fd: number, size: number): number {
    const expected = this.header();
    if (size < expected.length) return 0;
    const found = Buffer.alloc(expected.length);
    fs.readSync(fd, found, 0, found.length, 0);
    return found.equals(expected) ? expected.length : 0;
  }



  // ── Writing ──────────────────────────────────────────────────────────────────────────

  private header(): Buffer {
    const engine = Buffer.from(this.engine, 'utf8');
    const numbers = Buffer.alloc(8);
    numbers.writeUInt32LE(FORMAT, 0);
    numbers.writeUInt32LE(engine.length, 4);
    return Buffer.concat([MAGIC, numbers, engine]);
  }

  private async append(): Promise<void> {
    if (this.pending.size === 0) return;
    const entries = [...this.pending.values()];
    try {
      await fs.promises.mkdir(this.folder, { recursive: true });
      const size = await fileSize(this.file);
      if (this.end === 0 || size === null || size < this.end) {
        // No usable file (first write, another engine's file, or the folder was deleted): start one.
        this.index.clear();
        this.deadBytes = 0;
        const header = this.header();
        await fs.promises.writeFile(this.file, header);
        this.reader.close(); // it may hold the file that was there before
        this.end = header.length;
      } else if (size > this.end) {
        await fs.promises.truncate(this.file, this.end);
      }
      await fs.promises.appendFile(this.file, Buffer.concat(entries.flatMap(record)));
      this.located(entries, this.end);
    } catch (e) {
      this.end = 0;
      console.error(`Byline: could not write the analysis cache in ${this.folder}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      for (const e of entries) this.pending.delete(e.key);
    }
  }

  /** Records where entries written from `offset` on are, and where the file now ends. */
  private located(entries: readonly Entry[], offset: number): void {
    let at = offset;
    for (const e of entries) {
      const headLength = RECORD_PREFIX_BYTES + Buffer.byteLength(e.key, 'utf8') + CHECKSUM_BYTES;
      this.index.set(e.key, { offset: at + headLength, length: e.payload.length, checksum: e.checksum });
      at += headLength + e.payload.length;
    }
    this.end = at;
  }

  /** Copies the live entries to a new file beside the old one, one at a time, then puts it in its place. */
  private async rewrite(live: ReadonlySet<string>): Promise<void> {
    let dead = this.deadBytes;
    for (const [key, at] of this.index) if (!live.has(key)) dead += at.length;
    if (this.end < COMPACT_MIN_BYTES || dead < this.end * COMPACT_DEAD_SHARE) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    const copied: Array<{ key: string; at: Location }> = [];
    try {
      const out = await fs.promises.open(temporary, 'w');
      try {
        const header = this.header();
        await out.write(header);
        let offset = header.length;
        for (const [key, at] of this.index) {
          const payload = live.has(key) ? this.reader.read(at) : null;
          if (!payload) continue;
          const parts = record({ key, checksum: at.checksum, payload });
          await out.writev(parts);
          const headLength = parts[0].length + parts[1].length + parts[2].length;
          copied.push({ key, at: { offset: offset + headLength, length: payload.length, checksum: at.checksum } });
          offset += headLength + payload.length;
        }
      } finally {
        await out.close();
      }
      await fs.promises.rename(temporary, this.file);
      this.reader.close();
      this.index.clear();
      for (const { key, at } of copied) this.index.set(key, at);
      this.deadBytes = 0;
      this.end = copied.length > 0 ? copied[copied.length - 1].at.offset + copied[copied.length - 1].at.length : this.header().length;
    } catch (e) {
      await fs.promises.rm(temporary, { force: true });
      console.error(`Byline: could not compact the analysis cache in ${this.folder}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

function record(e: Entry): Uint8Array[] {
  const key = Buffer.from(e.key, 'utf8');
  const prefix = Buffer.alloc(RECORD_PREFIX_BYTES);
  prefix.writeUInt32LE(e.payload.length, 0);
  prefix.writeUInt8(key.length, 4);
  return [prefix, key, e.checksum, e.payload];
}


async function fileSize(file: string): Promise<number | null> {
  try {
    return (await fs.promises.stat(file)).size;
  } catch {
    return null;
  }
}
