import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { DocumentAnalysis } from '../core/analyze';
import { digestOf, type DocumentDigest } from '../workspace/digest';
import { CacheReader, checksum, decodeAnalysis, decodeDigest, digestKey, type CacheSnapshot, type Location } from './cacheReader';

// The on-disk cache of analyses, so that reopening a folder of 10,000 articles does not
// analyse them again. Entries are keyed by the workspace's content hash (the text and the
// analysis options), so a file that changed is simply a miss. Each hash has two records: the
// analysis, and its digest (digest.ts), which is all a scan reads (cacheReader.ts).
//
// One append-only file instead of one file per article: thousands of small files are slow to
// write and slower to read back, while one file is read with one open and a few thousand
// positioned reads. Layout:
//
//   header  MAGIC, format (u32), engine version (u32 length + UTF-8)
//   record  payload length (u32), key length (u8), key (UTF-8), SHA-1 of the payload (20 bytes),
//           payload (v8.serialize of a DocumentAnalysis, or of a DocumentDigest under digestKey)
//
// Nothing read back is trusted blindly: a header of another format or engine version drops
// the whole file (a new Byline never reads an old engine's results), a record cut short ends
// the file there, and a record whose checksum or shape is wrong is forgotten and reported as
// a miss, so its file is analysed again. Deleting the folder at any time is safe: the next
// write starts a new file. The cache writes in its own folder and nowhere else.

const FILE_NAME = 'analyses.bin';
const MAGIC = Buffer.from('BYLINE-ANALYSES\n', 'latin1');
/** Bumped when the layout above changes (2: digests beside analyses). */
const FORMAT = 2;
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
/**
 * Writers take this file beside the cache (created exclusively, holding their process id)
 * before they append or compact: two servers may share one storage folder (VS Code's global
 * storage when no folder is open), and each must see the other's records, not cut them off.
 */
const LOCK_SUFFIX = '.lock';
/** How long a flush waits for another writer's lock before leaving its entries for the next flush. */
const LOCK_WAIT_MS = 2000;
/** A lock older than this is a writer's that stopped mid-write (its process may live on, hung): taken over. */
const LOCK_STALE_MS = 30_000;
/** How digestKey ends a hash's key. */
const DIGEST_SUFFIX = digestKey('');

/** An analysis and its digest, serialized. */
export interface Payloads {
  analysis: Uint8Array;
  digest: Uint8Array;
}

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
  /** Faults already logged (see `report`). */
  private readonly reported = new Set<string>();
  private reader: CacheReader;
  /** The file this cache's offsets are in (device and inode): another server's compaction puts a new one in its place. */
  private identity = '';
  private readonly lockFile: string;

  private constructor(
    readonly folder: string,
    private readonly engine: string,
  ) {
    this.file = path.join(folder, FILE_NAME);
    this.lockFile = this.file + LOCK_SUFFIX;
    this.reader = new CacheReader(this.file);
  }

  /** Opens the cache in `folder` (created when first written) for results of `engine`. */
  static open(folder: string, engine: string): AnalysisCache {
    const cache = new AnalysisCache(folder, engine);
    cache.load();
    return cache;
  }

  /** Analyses stored. */
  get size(): number {
    return this.keys().length;
  }

  /** Entries put since the last flush. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Whether the analysis of `hash` is stored (its digest may still be missing or bad). */
  has(hash: string): boolean {
    return this.holds(hash);
  }

  /** The hashes whose analyses are stored. */
  keys(): string[] {
    return [...this.index.keys(), ...this.pending.keys()].filter((k) => !k.endsWith(DIGEST_SUFFIX));
  }

  /** The analysis stored under `hash`, or null when there is none or it does not check out (then the hash is forgotten). */
  get(hash: string): DocumentAnalysis | null {
    return this.checked(hash, hash, decodeAnalysis);
  }

  /** The digest of the analysis stored under `hash`, or null (like `get`). */
  digest(hash: string): DocumentDigest | null {
    return this.checked(hash, digestKey(hash), decodeDigest);
  }

  /** The record under `key` (of `hash`), put or written, when its bytes match their checksum and decode. */
  private checked<T>(hash: string, key: string, decode: (payload: Uint8Array) => T | null): T | null {
    const entry = this.pending.get(key);
    const at = this.index.get(key);
    if (!entry && !at) return null;
    const payload = entry ? entry.payload : this.reader.verified(at as Location);
    const value = payload && (!entry || checksum(payload).equals(entry.checksum)) ? decode(payload) : null;
    if (!value) this.forget(hash);
    return value;
  }

  /** Where the written entries are, for worker threads that read them (cacheReader.ts). */
  snapshot(): CacheSnapshot {
    return { file: this.file, entries: new Map(this.index) };
  }

  /** Drops the analysis of `hash` and its digest when one of them was found bad (by a worker thread, say), so that they can be put again. */
  forget(hash: string): void {
    for (const key of [hash, digestKey(hash)]) {
      const at = this.index.get(key);
      if (at) this.deadBytes += at.length;
      this.index.delete(key);
      this.pending.delete(key);
    }
  }

  /** Stores an analysis and its digest. What is already stored is kept. */
  put(hash: string, analysis: DocumentAnalysis): void {
    this.putBytes(hash, () => ({ analysis: v8.serialize(analysis), digest: v8.serialize(digestOf(analysis)) }));
  }

  /** Stores an analysis and its digest as the v8.serialize bytes a worker made of them. */
  putBytes(hash: string, bytes: Payloads | (() => Payloads)): void {
    if (Buffer.byteLength(digestKey(hash), 'utf8') > MAX_KEY_BYTES) return;
    if (this.holds(hash) && this.holds(digestKey(hash))) return;
    const payloads = typeof bytes === 'function' ? bytes() : bytes;
    if (!this.holds(hash)) this.stage(hash, payloads.analysis);
    if (!this.holds(digestKey(hash))) this.stage(digestKey(hash), payloads.digest);
  }

  private holds(key: string): boolean {
    return this.index.has(key) || this.pending.has(key);
  }

  private stage(key: string, payload: Uint8Array): void {
    const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
    this.pending.set(key, { key, checksum: checksum(bytes), payload: bytes });
  }

  /** Appends what was put since the last flush. Failures are reported, never thrown: the cache is an optimisation. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.append());
    return this.writing;
  }

  /** Rewrites the file with the analyses (and digests) of `live` hashes only, when dead ones take most of it. */
  compact(live: ReadonlySet<string>): Promise<void> {
    const keys = new Set([...live].flatMap((hash) => [hash, digestKey(hash)]));
    this.writing = this.writing.then(() => this.rewrite(keys));
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
      const stat = fs.fstatSync(fd);
      this.identity = identityOf(stat);
      const offset = this.readHeader(fd, stat.size);
      this.end = offset === 0 ? 0 : this.readRecords(fd, offset, stat.size);
    } finally {
      fs.closeSync(fd);
    }
  }

  /**
   * Indexes the records from `offset` to `size`; returns where the last whole one ends. A
   * record cut short (Byline stopped while writing) or a damaged length ends the file there:
   * appending after a damaged tail would hide the new records behind it, so they go where it
   * starts.
   */
  private readRecords(fd: number, offset: number, size: number): number {
    const head = Buffer.alloc(RECORD_PREFIX_BYTES + MAX_KEY_BYTES + CHECKSUM_BYTES);
    while (offset < size) {
      const got = fs.readSync(fd, head, 0, head.length, offset);
      if (got < RECORD_PREFIX_BYTES) break;
      const length = head.readUInt32LE(0);
      const keyLength = head.readUInt8(4);
      const headLength = RECORD_PREFIX_BYTES + keyLength + CHECKSUM_BYTES;
      if (got < headLength || length > MAX_PAYLOAD_BYTES || offset + headLength + length > size) break;
      const key = head.toString('utf8', RECORD_PREFIX_BYTES, RECORD_PREFIX_BYTES + keyLength);
      const sum = Buffer.from(head.subarray(RECORD_PREFIX_BYTES + keyLength, headLength));
      const replaced = this.index.get(key);
      if (replaced) this.deadBytes += replaced.length;
      this.index.set(key, { offset: offset + headLength, length, checksum: sum });
      offset += headLength + length;
    }
    return offset;
  }

  /**
   * Brings the index up to what the file holds now, under the lock: another server sharing
   * the folder may have appended records since (they are read, not cut off), replaced the
   * file (compaction) or started it again (it is read afresh). A damaged tail, which no
   * writer can be adding to while the lock is held, is cut off.
   */
  private catchUp(): void {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch {
      this.restart();
      return;
    }
    try {
      const stat = fs.fstatSync(fd);
      if (identityOf(stat) !== this.identity || stat.size < this.end) {
        this.restart();
        this.identity = identityOf(stat);
        this.end = this.readHeader(fd, stat.size);
      }
      if (this.end === 0 || stat.size === this.end) return;
      this.end = this.readRecords(fd, this.end, stat.size);
      if (this.end < stat.size) fs.truncateSync(this.file, this.end);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Forgets every written record: the file is gone or is another one. */
  private restart(): void {
    this.index.clear();
    this.deadBytes = 0;
    this.end = 0;
    this.identity = '';
    this.reader.close();
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
    let unlock: (() => Promise<void>) | null = null;
    try {
      await fs.promises.mkdir(this.folder, { recursive: true });
      unlock = await lock(this.lockFile);
      // Another server has held the file for longer than a flush waits: the entries stay put for the next one.
      if (!unlock) return;
      this.catchUp();
      if (this.end === 0) {
        // No usable file (first write, another engine's file, or the folder was deleted): start one.
        const header = this.header();
        await fs.promises.writeFile(this.file, header);
        this.reader.close(); // it may hold the file that was there before
        this.identity = identityOf(await fs.promises.stat(this.file));
        this.end = header.length;
      }
      await fs.promises.appendFile(this.file, Buffer.concat(entries.flatMap(record)));
      this.located(entries, this.end);
      for (const e of entries) this.pending.delete(e.key);
    } catch (e) {
      this.end = 0;
      this.report(`could not write the analysis cache in ${this.folder}: ${e instanceof Error ? e.message : String(e)}`);
      for (const e of entries) this.pending.delete(e.key);
    } finally {
      await unlock?.();
    }
  }

  /**
   * A storage fault, logged once however many writes it fails (a scan writes every 250
   * files, an edit at once): the cache is an optimisation, and Byline works on without it.
   */
  private report(problem: string): void {
    if (this.reported.has(problem)) return;
    this.reported.add(problem);
    console.error(`Byline: ${problem}; analyses are made again next time instead of read back`);
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
    const unlock = await lock(this.lockFile).catch(() => null);
    if (!unlock) return; // another server is writing: compaction can wait for another day
    try {
      this.catchUp();
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
      this.identity = identityOf(await fs.promises.stat(this.file));
      this.reader.close();
      this.index.clear();
      for (const { key, at } of copied) this.index.set(key, at);
      this.deadBytes = 0;
      this.end = copied.length > 0 ? copied[copied.length - 1].at.offset + copied[copied.length - 1].at.length : this.header().length;
    } catch (e) {
      await fs.promises.rm(temporary, { force: true });
      this.report(`could not compact the analysis cache in ${this.folder}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      await unlock();
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


function identityOf(stat: fs.Stats): string {
  return `${stat.dev}:${stat.ino}`;
}

/**
 * Takes the lock at `file`: returns its release, or null when another living writer held it
 * for all of LOCK_WAIT_MS. A lock whose process is gone, or which is older than
 * LOCK_STALE_MS, is taken over.
 */
async function lock(file: string): Promise<(() => Promise<void>) | null> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await fs.promises.open(file, 'wx');
      try {
        await handle.writeFile(String(process.pid));
      } finally {
        await handle.close();
      }
      return () => fs.promises.rm(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (await abandoned(file)) {
      await fs.promises.rm(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function abandoned(file: string): Promise<boolean> {
  try {
    const [text, stat] = await Promise.all([fs.promises.readFile(file, 'utf8'), fs.promises.stat(file)]);
    if (Date.now() - stat.mtimeMs > LOCK_STALE_MS) return true;
    const pid = Number(text);
    // Empty: its writer has created it and not yet written its id.
    if (!Number.isInteger(pid) || pid <= 0) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ESRCH';
    }
  } catch {
    return false; // gone already: the next try takes it
  }
}
