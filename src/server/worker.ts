import * as v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { analyzeDocument, type AnalysisOptions } from '../core/analyze';
import { readArticle } from '../node/files';
import { contentHash } from '../workspace/workspace';

// A worker thread of the analysis pool (pool.ts; bundled as dist/worker.js). It reads,
// decodes and analyses one file at a time and answers with the analysis serialized, so the
// same bytes go to the main thread (transferred, not copied) and to the on-disk cache. A file
// whose content the cache already holds is read and hashed but not analysed.

export interface WorkerSetup {
  type: 'setup';
  options: AnalysisOptions;
  maxFileSize: number;
  sizeSetting: string;
  /** Content hashes the cache holds: files with these are not analysed again. */
  cached: string[];
}

export interface WorkerJob {
  type: 'job';
  id: number;
  file: string;
  /** Analyse even when the cache holds the content (its entry turned out to be bad). */
  force: boolean;
}

/** What a worker answers: the text and its hash, with the analysis unless it is cached. */
export type WorkerAnswer =
  | { id: number; kind: 'analysed'; text: string; hash: string; payload: Uint8Array }
  | { id: number; kind: 'cached'; text: string; hash: string }
  | { id: number; kind: 'unreadable'; reason: string }
  | { id: number; kind: 'failed'; text: string; error: string };

let setup: WorkerSetup | null = null;
let cached = new Set<string>();

async function answer(job: WorkerJob): Promise<WorkerAnswer> {
  if (!setup) return { id: job.id, kind: 'unreadable', reason: 'the analysis pool was not set up' };
  const read = await readArticle(job.file, setup.maxFileSize, setup.sizeSetting);
  if (!read.ok) return { id: job.id, kind: 'unreadable', reason: read.reason };
  const hash = contentHash(read.text, setup.options);
  if (!job.force && cached.has(hash)) return { id: job.id, kind: 'cached', text: read.text, hash };
  try {
    const payload = v8.serialize(analyzeDocument(read.text, setup.options));
    return { id: job.id, kind: 'analysed', text: read.text, hash, payload };
  } catch (e) {
    return { id: job.id, kind: 'failed', text: read.text, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (message: WorkerSetup | WorkerJob) => {
    if (message.type === 'setup') {
      setup = message;
      cached = new Set(message.cached);
      return;
    }
    void answer(message).then((a) => {
      const payload = a.kind === 'analysed' ? a.payload : null;
      port.postMessage(a, payload ? [payload.buffer as ArrayBuffer] : []);
    });
  });
}
