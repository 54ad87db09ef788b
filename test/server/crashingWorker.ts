import { parentPort } from 'node:worker_threads';

// An analysis worker that dies on any file whose name contains "crash", for the pool tests;
// every other file goes to the real worker below. This listener runs first, so the thread
// dies before the real worker answers.

parentPort?.on('message', (message: { type: string; jobs?: Array<{ file: string }> }) => {
  if (message.type === 'jobs' && message.jobs?.some((j) => j.file.includes('crash'))) throw new Error('the worker fell over');
});

require('../../src/server/worker');
