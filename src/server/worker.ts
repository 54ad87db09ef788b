import * as v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { analyzeDocument, type AnalysisOptions, type DocumentAnalysis } from '../core/analyze';
import { CacheReader, type CacheSnapshot } from '../node/cacheReader';
import { readArticle } from '../node/files';
import { contentHash } from '../workspace/workspace';

// A worker thread of the analysis pool (pool.ts; bundled as dist/worker.js). It reads,
// decodes and analyses one file at a time and answers with the analysis serialized, so the
// same bytes go to the main thread (transferred, not copied) and to the on-disk cache. A file
// whose content the cache holds is read, hashed and answered with the cache's entry, checked
// here (checksum and shape), so the server's thread only has to take it in.

export interface WorkerSetup {
  type: 'setup';
  options: AnalysisOptions;
  maxFileSize: number;
  sizeSetting: string;
  /** Where the cache's entries are: files whose content hash is there are not analysed again. */
  cache: CacheSnapshot | null;
}

export interface WorkerJob {
  type: 'job';
  id: number;
  file: string;
  /** Analyse even when the cache holds the content. */
  force: boolean;
}

/** What a worker answers: the text and its hash, with the analysis unless it is cached. */
export type WorkerAnswer =
  | { id: number; kind: 'analysed'; text: string; hash: string; payload: Uint8Array; badEntry: boolean }
  | { id: number; kind: 'cached'; text: string; hash: string; analysis: DocumentAnalysis }
  | { id: number; kind: 'unreadable'; reason: string }
  | { id: number; kind: 'failed'; text: string; error: string };

let setup: WorkerSetup | null = null;
let reader: CacheReader | null = null;

async function answer(job: WorkerJob): Promise<WorkerAnswer> {
  if (!setup) return { id: job.id, kind: 'unreadable', reason: 'the analysis pool was not set up' };
  const read = await readArticle(job.file, setup.maxFileSize, setup.sizeSetting);
  if (!read.ok) return { id: job.id, kind: 'unreadable', reason: read.reason };
  const hash = contentHash(read.text, setup.options);
  const entry = job.force ? undefined : setup.cache?.entries.get(hash);
  const cached = entry && reader ? reader.analysis(entry) : null;
  if (cached) return { id: job.id, kind: 'cached', text: read.text, hash, analysis: cached };
  try {
    const payload = v8.serialize(analyzeDocument(read.text, setup.options));
    return { id: job.id, kind: 'analysed', text: read.text, hash, payload, badEntry: entry !== undefined };
  } catch (e) {
    return { id: job.id, kind: 'failed', text: read.text, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (message: WorkerSetup | WorkerJob) => {
    if (message.type === 'setup') {
      setup = message;
      reader?.close();
      reader = message.cache ? new CacheReader(message.cache.file) : null;
      return;
    }
    void answer(message).then((a) => {
      const payload = a.kind === 'analysed' ? a.payload : null;
      port.postMessage(a, payload ? [payload.buffer as ArrayBuffer] : []);
    });
  });
}
