import { createHash } from 'node:crypto';
import type { AnalysisOptions } from '../core/analyze';

/**
 * The content key of a text analysed under `options`: the workspace's `hashOf`, and the key
 * of the on-disk cache. Worker threads that read files hash with it too.
 */
export function contentHash(text: string, options: AnalysisOptions): string {
  return createHash('sha1').update(JSON.stringify(options)).update('\u0000').update(text).digest('hex');
}
