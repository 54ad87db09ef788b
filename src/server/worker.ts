import * as v8 from 'node:v8';
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { AnalysisOptions, analyzeDocument as Analyze } from '../core/analyze';
import { CacheReader, digestKey, type CacheSnapshot } from '../node/cacheReader';
import { readArticleSync } from '../node/files';
import { digestOf } from '../workspace/digest';
import { contentHash } from '../workspace/contentHash';
import { encodeInParts } from './parts';

// A worker thread of the analysis pool (pool.ts; bundled as dist/worker.js). It reads,
// decodes and analyses one file at a time and answers with the analysis and its digest
// (digest.ts) serialized: the bytes cross to the main thread without a copy, the digest is
// what the main thread decodes, and both go to the on-disk cache. A file whose content the
// cache holds is read, hashed and answered with the bytes of the cached digest only, checked
// against their checksum here; its analysis stays on disk until someone looks at the file.

export interface WorkerSetup {
  type: 'setup';
  options: AnalysisOptions;
  maxFileSize: number;
  sizeSetting: string;
  /** Real paths of the workspace folders: a file whose real path lies in none is not read. */
  within: string[] | null;
  /** Where the cache's entries are: files whose content hash is there are not analysed again. */
  cache: CacheSnapshot | null;
}

export interface WorkerJobs {
  type: 'jobs';
  jobs: WorkerJob[];
}

export interface WorkerJob {
  id: number;
  file: string;
  /** Analyse even when the cache holds the content. */
  force: boolean;
  /** The text to analyse, when it is not read from `file`: an open document's (see session.ts). */
  text?: string;
}

/** What a worker answers: the text and its hash, with the analysis unless it is cached. */
export type WorkerAnswer =
  | { id: number; kind: 'analysed'; text: string; note: string | null; hash: string; payload: Uint8Array; digest: Uint8Array; badEntry: boolean }
  | { id: number; kind: 'cached'; text: string; note: string | null; hash: string; digest: Uint8Array }
  | { id: number; kind: 'unreadable'; reason: string; gone?: boolean }
  | { id: number; kind: 'failed'; text: string; error: string }
  /** A text the caller sent (an open document): its analysis in parts (parts.ts), and no digest, which costs the caller less to make than to decode. */
  | { id: number; kind: 'parts'; hash: string; parts: Uint8Array[] };

let setup: WorkerSetup | null = null;
let analyze: typeof Analyze | null = null;

/**
 * The engine, loaded when the first file is to be analysed: a warm start's workers only read
 * files and cached digests, and loading compromise costs each of them a third of a second of
 * a core the server's thread needs.
 */
function analyzer(): typeof Analyze {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  analyze ??= (require('../core/analyze') as typeof import('../core/analyze')).analyzeDocument;
  return analyze;
}
let reader: CacheReader | null = null;

function answer(job: WorkerJob): WorkerAnswer {
  if (!setup) return { id: job.id, kind: 'unreadable', reason: 'the analysis pool was not set up' };
  if (job.text !== undefined) {
    try {
      return { id: job.id, kind: 'parts', hash: contentHash(job.text, setup.options), parts: encodeInParts(analyzer()(job.text, setup.options)) };
    } catch (e) {
      return { id: job.id, kind: 'failed', text: '', error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  }
  const read = readArticleSync(job.file, setup.maxFileSize, setup.sizeSetting, setup.within);
  if (!read.ok) return { id: job.id, kind: 'unreadable', reason: read.reason, gone: read.gone };
  const hash = contentHash(read.text, setup.options);
  const entry = job.force ? undefined : setup.cache?.entries.get(digestKey(hash));
  const cached = entry && reader ? reader.verified(entry) : null;
  if (cached) return { id: job.id, kind: 'cached', text: read.text, note: read.note, hash, digest: cached };
  try {
    const analysis = analyzer()(read.text, setup.options);
    const [payload, digest] = [v8.serialize(analysis), v8.serialize(digestOf(analysis))];
    // An entry that was there but did not check out is bad: the caller replaces it.
    return { id: job.id, kind: 'analysed', text: read.text, note: read.note, hash, payload, digest, badEntry: entry !== undefined };
  } catch (e) {
    return { id: job.id, kind: 'failed', text: read.text, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/**
 * Answers are posted together when several are ready at once (a warm start answers from the
 * cache faster than the server's thread takes messages in): each message costs the receiver
 * a turn of its event loop. A few at most, so that taking one message in stays short.
 */
const MAX_ANSWERS_PER_MESSAGE = 8;

function answerer(port: MessagePort): (a: WorkerAnswer) => void {
  let ready: WorkerAnswer[] = [];
  const post = () => {
    const answers = ready;
    ready = [];
    const moved: ArrayBuffer[] = [];
    for (const a of answers) {
      const payloads = a.kind === 'analysed' ? [a.payload, a.digest] : a.kind === 'cached' ? [a.digest] : a.kind === 'parts' ? a.parts : [];
      // A Buffer read from a file may share its memory with others: only a whole one moves.
      for (const p of payloads) if (p.byteOffset === 0 && p.byteLength === p.buffer.byteLength) moved.push(p.buffer as ArrayBuffer);
    }
    port.postMessage(answers, moved);
  };
  return (a) => {
    const count = ready.push(a);
    if (count === MAX_ANSWERS_PER_MESSAGE) post();
    else if (count === 1) setImmediate(() => ready.length > 0 && post());
  };
}

if (parentPort) {
  const port = parentPort;
  const send = answerer(port);
  port.on('message', (message: WorkerSetup | WorkerJobs) => {
    if (message.type === 'setup') {
      setup = message;
      reader?.close();
      reader = message.cache ? new CacheReader(message.cache.file) : null;
      return;
    }
    for (const job of message.jobs) send(answer(job));
  });
}
