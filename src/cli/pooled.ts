import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AnalysisOptions } from '../core/analyze';
import { readArticle } from '../node/files';
import { AnalysisPool } from '../server/pool';
import type { DocumentInput } from '../workspace/workspace';

// Reading and analysing the files the CLI was given. A folder of more than a handful of files
// goes to the language server's pool of worker threads (server/pool.ts): every core analyses,
// each worker reads its next files while the others work, and this thread only merges the
// analyses into the workspace, in the order the files were listed (so the report, speaker ids
// included, is the one a single thread makes). A few files are read and analysed here: a
// worker costs a third of a second to load the engine, more than it saves them.

/** Files from which the pool pays: below this, starting workers costs more than they save. */
export const POOL_MIN_FILES = 8;

export interface ReadOptions {
  analysis: AnalysisOptions;
  maxFileSize: number;
  /** How the size limit is named in messages ("--max-file-size"). */
  sizeSetting: string;
}

/** A file read (and, from the pool, analysed), or why it was not. */
export type ReadFile = { file: string; document: DocumentInput; note: string | null } | { file: string; reason: string };

/**
 * Reads (and analyses) `files`, yielding them in the order given. A document without its
 * analysis is analysed by the workspace it is merged into.
 */
export async function* readFiles(files: readonly string[], options: ReadOptions): AsyncGenerator<ReadFile> {
  if (files.length < POOL_MIN_FILES) {
    yield* readHere(files, options);
    return;
  }
  const pool = new AnalysisPool(Math.max(1, os.availableParallelism()), workerScript(), Infinity);
  pool.setup({ options: options.analysis, maxFileSize: options.maxFileSize, sizeSetting: options.sizeSetting, within: null, cache: null });
  pool.prestart();
  // Every file is queued at once: the workers read ahead, while this thread merges.
  const results = files.map((file) => pool.analyse(file));
  try {
    for (const pending of results) {
      const r = await pending;
      switch (r.kind) {
        case 'analysed':
          yield { file: r.file, note: r.note, document: { path: r.file, text: r.text, hash: r.hash, analysis: r.analysis(), digest: r.digest } };
          break;
        case 'unreadable':
          yield { file: r.file, reason: r.reason };
          break;
        case 'cached': // the pool was given no cache
        case 'failed':
        case 'cancelled':
          // Read (and analysed) here instead, where an error is reported as any other.
          yield* readHere([r.file], options);
          break;
      }
    }
  } finally {
    await pool.close();
  }
}

async function* readHere(files: readonly string[], options: ReadOptions): AsyncGenerator<ReadFile> {
  // The next file is read while this one is analysed.
  let next = files.length > 0 ? readArticle(files[0], options.maxFileSize, options.sizeSetting) : null;
  for (let i = 0; i < files.length; i++) {
    const read = await (next as ReturnType<typeof readArticle>);
    next = i + 1 < files.length ? readArticle(files[i + 1], options.maxFileSize, options.sizeSetting) : null;
    yield read.ok ? { file: files[i], note: read.note, document: { path: files[i], text: read.text } } : { file: files[i], reason: read.reason };
  }
}

/**
 * The pool's worker: dist/worker.js beside the bundled CLI (dist/cli.js), or the compiled
 * server/worker.js beside this file's folder when run from the compiled sources (tests).
 */
function workerScript(): string {
  const bundled = path.join(__dirname, 'worker.js');
  return fs.existsSync(bundled) ? bundled : path.join(__dirname, '..', 'server', 'worker.js');
}
